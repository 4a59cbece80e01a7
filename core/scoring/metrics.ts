import type { Metric, Report, Session } from '../records';
import { percent, type Step } from './evidence';
import { periodInstants, quartersOf, sameLastYear } from './period';

/** A metric's value for the period (null: the records do not give one) and where it came from. */
export interface Measured {
  value: number | null;
  steps: Step[];
}
export type MetricName = Metric | 'actionItemsDoneShare';
export type MetricValues = Record<MetricName, Measured>;

/** Whether a metric is a share (shown as a percentage) rather than a count, an amount or a yes/no. */
export const shareMetrics: ReadonlySet<MetricName> = new Set(['keyGroupShare', 'revenueGrowth', 'insuredShare', 'rdShare', 'actionItemsDoneShare']);

export interface ScoringInput {
  period: string;
  /** This startup's reports, any periods (earlier ones give last year's revenue and cumulative equity). */
  reports: readonly Report[];
  /** Sessions naming this startup, any periods. */
  sessions: readonly Session[];
}

/** Amounts that add up over quarters; the other figures are head counts or a status at the period's end. */
const FLOWS = ['revenue', 'netProfit', 'taxPaid', 'rdSpend', 'ipApplied', 'inventionPatentsGranted', 'otherIpGranted', 'financing', 'guaranteeLoans', 'equityFinancing', 'subsidies'] as const;

type Figures = Pick<Report, (typeof FLOWS)[number] | 'employees' | 'keyGroupHires' | 'newGraduateHires' | 'insuredEmployees' | 'highTech'>;

/**
 * The figures for a period: its own report, or else the quarterly reports inside it (flows summed,
 * head counts and status from the latest quarter). Undefined when nothing was reported.
 */
export function periodFigures(reports: readonly Report[], period: string): Figures | undefined {
  const own = reports.find((r) => r.period === period);
  if (own) return own;
  const quarters = quartersOf(period);
  const inside = reports.filter((r) => quarters.includes(r.period)).sort((a, b) => (a.period < b.period ? -1 : 1));
  const latest = inside.at(-1);
  if (!latest) return undefined;
  const sums = Object.fromEntries(FLOWS.map((k) => [k, inside.reduce((s, r) => s + r[k], 0)])) as Pick<Report, (typeof FLOWS)[number]>;
  return { ...latest, ...sums };
}

const none = (period: string): Measured => ({ value: null, steps: [{ key: 'noReport', params: { period } }] });

function share(part: number, whole: number, key: string, params: Record<string, number>): Measured {
  if (whole <= 0) return { value: null, steps: [{ key: `${key}NoBase`, params }] };
  // A new graduate may also be counted in a key group: the share never exceeds everyone.
  const value = Math.min(1, part / whole);
  return { value, steps: [{ key, params: { ...params, share: percent(value) } }] };
}

/** Every metric a template can score, for one startup and period, each with its evidence. */
export function computeMetrics({ period, reports, sessions }: ScoringInput): MetricValues {
  const f = periodFigures(reports, period);
  const lastPeriod = sameLastYear(period);
  const last = periodFigures(reports, lastPeriod);
  const { from, to } = periodInstants(period);
  const held = sessions.filter((s) => {
    const at = Date.parse(s.startsAt);
    return s.status === 'held' && at >= from && at < to;
  });
  const items = held.flatMap((s) => s.actionItems);
  const done = items.filter((a) => a.done).length;
  // Cumulative equity counts every report up to this period's end (the science line's graduation rule).
  const lastQuarter = quartersOf(period).at(-1)!;
  const equityTotal = reports.filter((r) => r.period.length === 6 && r.period <= lastQuarter).reduce((s, r) => s + r.equityFinancing, 0);

  const sessionValues = {
    sessionsHeld: { value: held.length, steps: [{ key: 'sessionsHeld', params: { period, held: held.length } }] },
    actionItemsDoneShare: items.length
      ? { value: done / items.length, steps: [{ key: 'actionItems', params: { done, total: items.length, share: percent(done / items.length) } }] }
      : { value: null, steps: [{ key: 'noActionItems' }] },
    equityFinancingTotal: { value: equityTotal, steps: [{ key: 'equityTotal', params: { total: equityTotal, through: period } }] },
  };
  if (!f) {
    const missing = none(period);
    return {
      employees: missing,
      keyGroupShare: missing,
      revenueGrowth: missing,
      taxPaid: missing,
      insuredShare: missing,
      weightedIpGranted: missing,
      rdShare: missing,
      financing: missing,
      highTech: missing,
      ...sessionValues,
    };
  }
  const hires = f.keyGroupHires + f.newGraduateHires;
  const weightedIp = f.inventionPatentsGranted * 3 + f.otherIpGranted;
  return {
    employees: { value: f.employees, steps: [{ key: 'employees', params: { period, employees: f.employees } }] },
    keyGroupShare: share(hires, f.employees, 'keyGroupShare', { keyGroup: f.keyGroupHires, graduates: f.newGraduateHires, employees: f.employees }),
    revenueGrowth:
      last && last.revenue > 0 ? growth(f.revenue, last.revenue, lastPeriod) : { value: null, steps: [{ key: 'noPriorRevenue', params: { lastPeriod } }] },
    taxPaid: { value: f.taxPaid, steps: [{ key: 'taxPaid', params: { tax: f.taxPaid } }] },
    insuredShare: share(f.insuredEmployees, f.employees, 'insuredShare', { insured: f.insuredEmployees, employees: f.employees }),
    weightedIpGranted: { value: weightedIp, steps: [{ key: 'ipGranted', params: { invention: f.inventionPatentsGranted, other: f.otherIpGranted, weighted: weightedIp } }] },
    rdShare: share(f.rdSpend, f.revenue, 'rdShare', { rd: f.rdSpend, revenue: f.revenue }),
    financing: { value: f.financing, steps: [{ key: 'financing', params: { financing: f.financing, guarantee: f.guaranteeLoans, equity: f.equityFinancing } }] },
    highTech: { value: f.highTech ? 1 : 0, steps: [{ key: f.highTech ? 'highTech' : 'notHighTech' }] },
    ...sessionValues,
  };
}

/** Growth is not a share of a whole: it may exceed 100% and fall to −100%. */
function growth(revenue: number, lastRevenue: number, lastPeriod: string): Measured {
  const value = (revenue - lastRevenue) / lastRevenue;
  return { value, steps: [{ key: 'revenueGrowth', params: { revenue, lastRevenue, lastPeriod, growth: percent(value) } }] };
}
