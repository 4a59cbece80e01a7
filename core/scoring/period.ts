/** Reporting periods as the records name them: 2025Q3 (quarter), 2025H1 (half year), 2025 (year). */
export type PeriodKind = 'quarter' | 'half' | 'year';

export function periodKind(period: string): PeriodKind {
  return period.includes('Q') ? 'quarter' : period.includes('H') ? 'half' : 'year';
}

/** First month (1–12) and number of months a period covers. */
function span(period: string): { year: number; month: number; months: number } {
  const year = Number(period.slice(0, 4));
  const n = Number(period.slice(5));
  const kind = periodKind(period);
  if (kind === 'quarter') return { year, month: (n - 1) * 3 + 1, months: 3 };
  if (kind === 'half') return { year, month: (n - 1) * 6 + 1, months: 6 };
  return { year, month: 1, months: 12 };
}

/** The quarters a period covers, oldest first (a quarter covers itself). */
export function quartersOf(period: string): string[] {
  const { year, month, months } = span(period);
  return Array.from({ length: months / 3 }, (_, i) => `${year}Q${(month - 1) / 3 + i + 1}`);
}

export const sameLastYear = (period: string) => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;

/** The period before, of the same kind (2025Q1 → 2024Q4). */
export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const kind = periodKind(period);
  if (kind === 'year') return String(year - 1);
  const n = Number(period.slice(5));
  const letter = kind === 'quarter' ? 'Q' : 'H';
  return n > 1 ? `${year}${letter}${n - 1}` : `${year - 1}${letter}${kind === 'quarter' ? 4 : 2}`;
}

/** The period of a kind that a day falls in. */
export function periodOf(isoDate: string, kind: PeriodKind): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  if (kind === 'year') return year;
  return kind === 'quarter' ? `${year}Q${Math.ceil(month / 3)}` : `${year}H${month <= 6 ? 1 : 2}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First day and the day after the last, as ISO dates. */
export function periodDays(period: string): { from: string; to: string } {
  const { year, month, months } = span(period);
  const end = month + months;
  return { from: `${year}-${pad(month)}-01`, to: end > 12 ? `${year + 1}-01-01` : `${year}-${pad(end)}-01` };
}

/** China Standard Time, where every carrier is: a session at 07:00 on 1 July belongs to Q3. */
const CST_OFFSET_MS = 8 * 3_600_000;

/** The period as instants [from, to) in epoch ms, for comparing session start times. */
export function periodInstants(period: string): { from: number; to: number } {
  const { from, to } = periodDays(period);
  return { from: Date.parse(`${from}T00:00:00Z`) - CST_OFFSET_MS, to: Date.parse(`${to}T00:00:00Z`) - CST_OFFSET_MS };
}
