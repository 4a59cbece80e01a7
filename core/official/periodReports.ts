import type { DateRange } from '../kpis/carrierNumbers';
import type { Report } from '../records';
import { reportFigures, type ReportFigure } from '../reports/fields';

/** Headcounts stand at a moment; every other report figure accrues over its period. */
const stockKeys = ['employees', 'keyGroupHires', 'newGraduateHires', 'insuredEmployees'] as const;
type StockKey = (typeof stockKeys)[number];

/** Amounts that accrue over a period: summed across the reports that make up a range. */
export const flowKeys = reportFigures.filter((k): k is Exclude<ReportFigure, StockKey> => !(stockKeys as readonly string[]).includes(k));
export type FlowKey = (typeof flowKeys)[number];

export interface PeriodFigures {
  /** The report that ends last in the range: its headcounts stand for the period's end. */
  latest: Report;
  sums: Record<FlowKey, number>;
}

/** A period as months since year 0: 2025Q3 → [Jul, Sep] 2025, 2025H1 → [Jan, Jun], 2025 → [Jan, Dec]. */
export function periodMonths(period: string): [number, number] {
  const year = Number(period.slice(0, 4)) * 12;
  const part = /([QH])([1-4])$/.exec(period);
  const length = !part ? 12 : part[1] === 'Q' ? 3 : 6;
  const first = year + (part ? (Number(part[2]) - 1) * length : 0);
  return [first, first + length - 1];
}

const monthOf = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/**
 * Each startup's figures for a range, from the reports whose periods lie inside it. A startup may
 * report a year and also its quarters: the longest periods are taken first and a report overlapping
 * one already taken is left out, so no month is counted twice.
 */
export function periodFigures(reports: readonly Report[], range: DateRange): Map<string, PeriodFigures> {
  const [first, last] = [monthOf(range.from), monthOf(range.to)];
  const inRange = reports
    .map((r) => ({ r, span: periodMonths(r.period) }))
    .filter(({ span }) => span[0] >= first && span[1] <= last)
    .sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]) || a.span[0] - b.span[0]);
  const covered = new Map<string, Set<number>>();
  const out = new Map<string, PeriodFigures>();
  for (const { r, span } of inRange) {
    const months = covered.get(r.startupId) ?? new Set<number>();
    covered.set(r.startupId, months);
    let entry = out.get(r.startupId);
    if (!entry) {
      entry = { latest: r, sums: Object.fromEntries(flowKeys.map((k) => [k, 0])) as Record<FlowKey, number> };
      out.set(r.startupId, entry);
    }
    const latestEnd = periodMonths(entry.latest.period)[1];
    // Ending later wins; at the same end a quarter is the fresher headcount than its year.
    if (span[1] > latestEnd || (span[1] === latestEnd && span[0] > periodMonths(entry.latest.period)[0])) entry.latest = r;
    let overlaps = false;
    for (let m = span[0]; m <= span[1]; m++) overlaps ||= months.has(m);
    if (overlaps) continue;
    for (let m = span[0]; m <= span[1]; m++) months.add(m);
    for (const k of flowKeys) entry.sums[k] += r[k];
  }
  return out;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/**
 * Whether a resident owed a report for the range: it was in residence for the whole of the last
 * quarter that ended inside the range by `today` (a quarter still running, or begun before the
 * range or before admission, owes none here).
 */
export function reportExpected(admittedOn: string, range: DateRange, today: string): boolean {
  const end = range.to < today ? range.to : today;
  const year = Number(end.slice(0, 4));
  let quarter = Math.floor((Number(end.slice(5, 7)) - 1) / 3);
  // Step back to the last quarter that has ended by `end` (day 0 of the next month is the quarter's last day).
  if (iso(year, quarter * 3 + 3, 0) > end) quarter -= 1;
  const start = iso(year, quarter * 3, 1);
  return start >= range.from && admittedOn <= start;
}
