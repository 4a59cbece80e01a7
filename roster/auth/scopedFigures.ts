import { z } from 'zod';
import { sql } from 'kysely';
import { type CarrierCounts, type DateRange, numbersFromCounts } from '@core/kpis/carrierNumbers';
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

/** Carriers land one level below the region asked for ('nation' → their province), or as themselves in a county. */
const unplaced = 'unplaced';
const isCounty = (region: string) => /^\d{6}$/.test(region);

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
  const range = rangeOf(period);
  // Grouped in the database: a row per region (or per carrier in a county), whatever the number of carriers.
  const group = isCounty(region) ? sql<string | null>`c.code` : sql<string | null>`substr(p.region_code, 1, ${sql.lit(region === 'nation' ? 2 : region.length + 2)})`;
  const inRegion = region === 'nation' ? sql`true` : sql`p.region_code like ${`${region}%`}`;
  const [carriers, sums, jobs] = await Promise.all([
    sql<{ grp: string | null; name: string; carriers: number; residents: number | null }>`
      select ${group} as grp, max(c.name) as name, count(*) as carriers, sum(n.residents) as residents
      from carriers c left join carrier_profiles p on p.carrier_code = c.code left join resident_counts n on n.carrier_code = c.code
      where ${inRegion} group by 1`.execute(store.db),
    sql<{ grp: string | null; measure: string; amount: number }>`
      select ${group} as grp, f.measure, sum(f.amount) as amount
      from carrier_figures f join carriers c on c.code = f.carrier_code left join carrier_profiles p on p.carrier_code = f.carrier_code
      where ${inRegion} and f.period >= ${period} and f.period < ${periodEnd(period)} and f.measure not in ('reports', 'employees')
      group by 1, 2`.execute(store.db),
    // Jobs as the desk counts them (latestReportedQuarter): each carrier's latest quarter in the period with reports.
    sql<{ grp: string | null; reported: number; employees: number }>`
      select ${group} as grp, sum(q.reports) as reported, sum(q.employees) as employees
      from (
        select carrier_code, sum(case when measure = 'reports' then amount else 0 end) as reports,
          sum(case when measure = 'employees' then amount else 0 end) as employees,
          row_number() over (partition by carrier_code order by period desc) as latest
        from carrier_figures where period in (${sql.join(quartersOf(period))}) and measure in ('reports', 'employees')
        group by carrier_code, period having sum(case when measure = 'reports' then amount else 0 end) > 0
      ) q join carriers c on c.code = q.carrier_code left join carrier_profiles p on p.carrier_code = q.carrier_code
      where q.latest = 1 and ${inRegion} group by 1`.execute(store.db),
  ]);

  const tallies = new Map<string, Tally>();
  const names = new Map<string, string>();
  const tallyOf = (grp: string | null) => {
    const key = grp ?? unplaced;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { carriers: 0, residents: 0, measures: new Map(), reported: 0, employees: 0 }));
    return t;
  };
  for (const c of carriers.rows) {
    const t = tallyOf(c.grp);
    if (isCounty(region) && c.grp) names.set(c.grp, c.name);
    t.carriers += Number(c.carriers);
    t.residents += Number(c.residents ?? 0);
  }
  for (const s of sums.rows) tallyOf(s.grp).measures.set(s.measure, Number(s.amount));
  for (const j of jobs.rows) {
    const t = tallyOf(j.grp);
    t.reported += Number(j.reported);
    t.employees += Number(j.employees);
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
