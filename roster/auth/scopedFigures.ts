import { z } from 'zod';
import { type CarrierCounts, type DateRange, latestReportedQuarter, numbersFromCounts } from '@core/kpis/carrierNumbers';
import { defaultRuleSet, exitKinds } from '@core/records';
import { evaluationSchema } from '@core/records/evaluation';
import type { Store } from '../db/schema';
import type { FiguresRow, FiguresView, Grade } from '../http/consoleApi';
import { parseInput, RosterError } from '../errors';
import type { Account } from './accounts';
import { inScope } from './scope';

/**
 * The account's figures for a quarter or a year, one row per region a level down (nation → provinces →
 * cities → counties) or, in a county, per carrier. Read from the aggregates migrations 004 and 022 keep,
 * never from records: a few rows per carrier, whatever the number of startups. Rates and their standards
 * are core's own (numbersFromCounts against the official thresholds), pooled over a region's carriers.
 */
export const figuresQuery = z.object({
  period: z.string().regex(/^\d{4}(Q[1-4])?$/, 'period: a year (2026) or a quarter (2026Q3)').optional(),
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, 'region: a region code of 2, 4 or 6 digits').optional(),
});

export const grades = evaluationSchema.shape.grade.options;

/** The quarter today is in, in Beijing time (where every carrier is). */
export function currentQuarter(now = new Date()): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

export function rangeOf(period: string): DateRange {
  const year = period.slice(0, 4);
  if (period.length === 4) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const q = Number(period.slice(5));
  const lastMonth = String(q * 3).padStart(2, '0');
  const lastDay = new Date(Date.UTC(Number(year), q * 3, 0)).getUTCDate();
  return { from: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${year}-${lastMonth}-${lastDay}` };
}

/** The first period key after every key inside `period` ("2026" → "2027", "2026Q4" → "2026Q5"): a range, not LIKE. */
const periodEnd = (period: string) => (period.length === 4 ? String(Number(period) + 1) : `${period.slice(0, 5)}${Number(period.slice(5)) + 1}`);

const quartersOf = (period: string) => (period.length === 4 ? [1, 2, 3, 4].map((q) => `${period}Q${q}`) : [period]);

/** Where a carrier lands one level below `region` ('nation' → its province); carriers themselves in a county. */
const unplaced = 'unplaced';
const isCounty = (region: string) => /^\d{6}$/.test(region);
function groupOf(region: string, carrierCode: string, carrierRegion: string | null): string {
  if (isCounty(region)) return carrierCode;
  if (!carrierRegion) return unplaced;
  return carrierRegion.slice(0, region === 'nation' ? 2 : region.length + 2);
}

interface Tally {
  carriers: number;
  residents: number;
  measures: Map<string, number>;
  /** Each carrier's latest reported quarter in the period: its reports and their employees. */
  reported: number;
  employees: number;
}

export async function scopedFigures(store: Store, account: Account, input: unknown): Promise<FiguresView> {
  const query = parseInput(figuresQuery, input);
  const period = query.period ?? currentQuarter();
  const region = query.region ?? account.scope;
  if (region !== 'nation' && !inScope(account.scope, region)) {
    // As a carrier outside the scope: not told apart from a region with nothing in it.
    throw new RosterError(404, 'not_found', `no region ${region} in your scope`);
  }
  const wholeNation = region === 'nation';
  const range = rangeOf(period);
  const [carriers, sums, quarterly] = await Promise.all([
    store.db
      .selectFrom('carriers as c')
      .leftJoin('carrier_profiles as p', 'p.carrier_code', 'c.code')
      .leftJoin('resident_counts as n', 'n.carrier_code', 'c.code')
      .select(['c.code', 'c.name', 'p.region_code', 'n.residents'])
      .$if(!wholeNation, (q) => q.where('p.region_code', 'like', `${region}%`))
      .execute(),
    store.db
      .selectFrom('carrier_figures as f')
      .leftJoin('carrier_profiles as p', 'p.carrier_code', 'f.carrier_code')
      .select(['f.carrier_code', 'f.measure', (eb) => eb.fn.sum<number>('f.amount').as('amount')])
      .where('f.period', '>=', period)
      .where('f.period', '<', periodEnd(period))
      .where('f.measure', 'not in', ['reports', 'employees'])
      .groupBy(['f.carrier_code', 'f.measure'])
      .$if(!wholeNation, (q) => q.where('p.region_code', 'like', `${region}%`))
      .execute(),
    store.db
      .selectFrom('carrier_figures as f')
      .leftJoin('carrier_profiles as p', 'p.carrier_code', 'f.carrier_code')
      .select(['f.carrier_code', 'f.period', 'f.measure', 'f.amount'])
      .where('f.period', 'in', quartersOf(period))
      .where('f.measure', 'in', ['reports', 'employees'])
      .$if(!wholeNation, (q) => q.where('p.region_code', 'like', `${region}%`))
      .execute(),
  ]);

  const groupOfCarrier = new Map<string, string>();
  const tallies = new Map<string, Tally>();
  const names = new Map<string, string>();
  const tallyOf = (key: string) => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { carriers: 0, residents: 0, measures: new Map(), reported: 0, employees: 0 }));
    return t;
  };
  for (const c of carriers) {
    const key = groupOf(region, c.code, c.region_code);
    groupOfCarrier.set(c.code, key);
    if (isCounty(region)) names.set(key, c.name);
    const t = tallyOf(key);
    t.carriers += 1;
    t.residents += Number(c.residents ?? 0);
  }
  for (const s of sums) {
    const key = groupOfCarrier.get(s.carrier_code);
    if (key === undefined) continue;
    const m = tallyOf(key).measures;
    m.set(s.measure, (m.get(s.measure) ?? 0) + Number(s.amount));
  }
  // Jobs as the desk counts them: each carrier's latest reported quarter within the period.
  const byCarrier = new Map<string, Map<string, { reports: number; employees: number }>>();
  for (const r of quarterly) {
    const quarters = byCarrier.get(r.carrier_code) ?? new Map<string, { reports: number; employees: number }>();
    const q = quarters.get(r.period) ?? { reports: 0, employees: 0 };
    q[r.measure as 'reports' | 'employees'] += Number(r.amount);
    quarters.set(r.period, q);
    byCarrier.set(r.carrier_code, quarters);
  }
  for (const [code, quarters] of byCarrier) {
    const key = groupOfCarrier.get(code);
    const latest = latestReportedQuarter([...quarters].filter(([, q]) => q.reports > 0).map(([p]) => p), range);
    if (key === undefined || latest === undefined) continue;
    const t = tallyOf(key);
    t.reported += quarters.get(latest)!.reports;
    t.employees += quarters.get(latest)!.employees;
  }

  const rowOf = (key: string, t: Tally, kind: FiguresRow['kind']): FiguresRow => {
    const m = (measure: string) => t.measures.get(measure) ?? 0;
    const exitsByKind: Record<string, number> = {};
    for (const k of [...exitKinds, 'unknown']) if (m(`exit:${k}`) !== 0) exitsByKind[k] = m(`exit:${k}`);
    const exited = Object.values(exitsByKind).reduce((a, b) => a + b, 0);
    const counts: CarrierCounts = {
      ...noCounts,
      atEnd: t.residents,
      admitted: m('admitted'),
      exited,
      exitedByKind: exitsByKind,
      successes: m('success'),
      due: m('due'),
      leftOnTime: m('ontime'),
      reported: t.reported,
      employees: t.employees,
    };
    const { figures } = numbersFromCounts(counts, { area: 0, seats: 0, rules: defaultRuleSet }, range);
    return {
      key,
      kind,
      name: names.get(key) ?? null,
      carriers: t.carriers,
      residents: t.residents,
      admitted: counts.admitted,
      exited,
      exitsByKind,
      jobs: t.employees,
      successRate: figures.successRate,
      onTimeExitRate: figures.onTimeExitRate,
      grades: Object.fromEntries(grades.map((g) => [g, m(`grade:${g}`)])) as Record<Grade, number>,
    };
  };
  const kind: FiguresRow['kind'] = isCounty(region) ? 'carrier' : 'region';
  const rows = [...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([key, t]) => rowOf(key, t, key === unplaced ? 'unplaced' : kind));
  const total = [...tallies.values()].reduce<Tally>(
    (sum, t) => {
      for (const [k, n] of t.measures) sum.measures.set(k, (sum.measures.get(k) ?? 0) + n);
      return { ...sum, carriers: sum.carriers + t.carriers, residents: sum.residents + t.residents, reported: sum.reported + t.reported, employees: sum.employees + t.employees };
    },
    { carriers: 0, residents: 0, measures: new Map(), reported: 0, employees: 0 },
  );
  const { thresholds } = defaultRuleSet;
  return {
    period,
    region,
    rows,
    total: rowOf(region, total, 'region'),
    thresholds: { successRate: thresholds.successRate, onTimeExitRate: thresholds.onTimeExitRate },
  };
}

/** What the aggregates do not keep (area, sessions, mentors): the figures built from these are not shown. */
const noCounts: CarrierCounts = {
  atStart: 0,
  atEnd: 0,
  admitted: 0,
  exited: 0,
  exitedByKind: {},
  successes: 0,
  due: 0,
  leftOnTime: 0,
  areaUsed: 0,
  reported: 0,
  employees: 0,
  keyGroupHires: 0,
  newGraduateHires: 0,
  financed: 0,
  held: 0,
  mentors: 0,
};
