/** A day (YYYY-MM-DD) some months later, as the calendar counts them (2023-06-01 + 36 → 2026-06-01). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
