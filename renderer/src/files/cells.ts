import type { ColumnKind, SheetColumn } from './writeTable';

/** A value as it goes in a cell: empty, text or a number; in a date column the number is a day (see `dayOf`). */
export type Cell = null | number | string;

export const MS_PER_DAY = 86_400_000;

// XML 1.0 forbids these; one of them in a string makes Excel offer to "repair" the file.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** Excel's limit for one cell. */
const MAX_CELL_TEXT = 32_767;

/** Text as a cell can hold it. */
export function cleanText(text: string): string {
  // Tested before replacing: almost no text has one, and a test allocates nothing.
  const clean = XML_ILLEGAL.test(text) ? text.replace(new RegExp(XML_ILLEGAL, 'g'), '') : text;
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

/** The number of the digits at s[from, to), or NaN. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** A calendar day as days since 1970-01-01: a Date's local day, or a 'YYYY-MM-DD…' string's. */
function dayOf(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()) / MS_PER_DAY;
  // Read by hand, not by a regular expression: an export of 100,000 rows has 300,000 dates.
  if (typeof value !== 'string' || value.length < 10 || value[4] !== '-' || value[7] !== '-') return null;
  const [year, month, day] = [digitsAt(value, 0, 4), digitsAt(value, 5, 7), digitsAt(value, 8, 10)];
  return Number.isNaN(year + month + day) ? null : Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The kind decides the cell type; a value that does not fit its kind is written as text rather than lost. */
export function cellOf(value: unknown, kind: ColumnKind): Cell {
  if (value === null || value === undefined || value === '') return null;
  if ((kind === 'number' || kind === 'money') && typeof value === 'number' && Number.isFinite(value)) return value;
  if (kind === 'date') {
    const day = dayOf(value);
    if (day !== null) return day;
  }
  return cleanText(String(value));
}

/** Characters outside Latin-1 (Chinese, full-width) take two of Excel's character widths. */
const displayWidth = (s: string) => {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
};

/** How many of the first rows size a column. */
export const SAMPLE_ROWS = 200;
/** How #,##0.00 shows a sum, to size money columns. */
const MONEY_TEXT = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Each column's width in Excel's character widths: as given, or fitted to the header and the sample rows. */
export function fittedWidths(columns: SheetColumn[], sample: readonly unknown[][]): number[] {
  return columns.map((column, col) => {
    if (column.width) return column.width;
    if (column.kind === 'date') return Math.max(12, displayWidth(column.header) + 2);
    let widest = displayWidth(column.header);
    for (const row of sample.slice(0, SAMPLE_ROWS)) {
      const value = row[col];
      if (value === null || value === undefined) continue;
      widest = Math.max(widest, displayWidth(column.kind === 'money' && typeof value === 'number' ? MONEY_TEXT.format(value) : String(value)));
    }
    return Math.min(60, Math.max(8, widest + 2));
  });
}
