/**
 * Calendar arithmetic for the policy's "within N years" and "for N months": an anniversary that falls
 * on a day the month lacks is the month's last day (2024-02-29 + 2 years → 2026-02-28), as 周年 are
 * counted, not rolled into the next month as Date does.
 */
export function addMonthsClamped(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const addYearsClamped = (iso: string, years: number) => addMonthsClamped(iso, years * 12);

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
