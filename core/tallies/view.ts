import type { DateRange } from '../kpis/carrierNumbers';

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const dayBefore = (day: string) => shift(day, -1);
const dayAfter = (day: string) => shift(day, 1);

/** The months whose per-day rows a reader of these ranges needs (the rest is read per month). */
export const monthsToRead = (ranges: readonly DateRange[]) => [...new Set(ranges.flatMap((r) => [r.to, r.from, dayBefore(r.from)].map((d) => d.slice(0, 7))))];

/**
 * Kept totals as read for some ranges: every month row, every period and grade row, and the day rows of
 * the months `monthsToRead` named. Sums through a day add whole months before it and that month's days.
 */
export class TallyView {
  private readonly values = new Map<string, number>();
  private readonly monthsOf = new Map<string, [month: string, n: number][]>();
  private readonly daysRead: ReadonlySet<string>;

  constructor(rows: Iterable<{ key: string; n: number }>, dayMonths: readonly string[]) {
    this.daysRead = new Set(dayMonths);
    for (const { key, n } of rows) {
      this.values.set(key, n);
      if (!key.startsWith('m|')) continue;
      const cut = key.lastIndexOf('|');
      const series = key.slice(2, cut);
      const list = this.monthsOf.get(series) ?? [];
      list.push([key.slice(cut + 1), n]);
      this.monthsOf.set(series, list);
    }
  }

  get = (key: string) => this.values.get(key) ?? 0;

  /** How many rows were read. */
  get size() {
    return this.values.size;
  }

  /** Series whose names start with a prefix (e.g. every `in:` category), without it. */
  seriesStarting(prefix: string): string[] {
    return [...this.monthsOf.keys()].filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
  }

  /** A series per month. */
  month(series: string, month: string) {
    return this.get(`m|${series}|${month}`);
  }

  /** The series summed over every day up to and including `day`. */
  through(series: string, day: string): number {
    const month = day.slice(0, 7);
    let n = 0;
    // Through a month's last day is whole months: no day rows needed.
    if (dayAfter(day).slice(0, 7) !== month) {
      for (const [m, v] of this.monthsOf.get(series) ?? []) if (m <= month) n += v;
      return n;
    }
    if (!this.daysRead.has(month)) throw new Error(`TallyView: the days of ${month} were not read`);
    for (const [m, v] of this.monthsOf.get(series) ?? []) if (m < month) n += v;
    const dd = Number(day.slice(8, 10));
    for (let d = 1; d <= dd; d++) n += this.get(`d|${month}|${series}|${String(d).padStart(2, '0')}`);
    return n;
  }

  /** The series summed over a range of days, both ends included. */
  between(series: string, range: DateRange): number {
    return this.through(series, range.to) - this.through(series, dayBefore(range.from));
  }

  /** Keys of one kind (`q|`, `g|`) with their amounts. */
  entries(prefix: string): [string, number][] {
    return [...this.values].filter(([k]) => k.startsWith(prefix));
  }
}
