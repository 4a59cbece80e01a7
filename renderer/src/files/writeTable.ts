import ExcelJS from 'exceljs';
import { csvField } from './csv';

export type ColumnKind = 'text' | 'number' | 'date' | 'money';

export interface SheetColumn {
  header: string;
  /** In Excel's character widths; by default fitted to the header and the first rows. */
  width?: number;
  /** Default 'text'. Dates are 'YYYY-MM-DD…' strings or Dates; numbers and money are numbers. */
  kind?: ColumnKind;
}

/** One sheet of an export: every export in the desk, whatever its records, is written from one of these. */
export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: unknown[][];
}

/** A value as it goes in a cell: empty, a number, a calendar day (UTC midnight) or text. */
type Cell = null | number | Date | string;

// XML 1.0 forbids these; one of them in a string makes Excel offer to "repair" the file.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Excel's limit for one cell. */
const MAX_CELL_TEXT = 32_767;

function dayOf(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()));
  const parts = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return parts ? new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]))) : null;
}

/** The kind decides the cell type; a value that does not fit its kind is written as text rather than lost. */
function cellOf(value: unknown, kind: ColumnKind): Cell {
  if (value === null || value === undefined || value === '') return null;
  if ((kind === 'number' || kind === 'money') && typeof value === 'number' && Number.isFinite(value)) return value;
  if (kind === 'date') {
    const day = dayOf(value);
    if (day) return day;
  }
  return String(value).replace(XML_ILLEGAL, '').slice(0, MAX_CELL_TEXT);
}

const NUM_FMT: Record<ColumnKind, string | undefined> = { text: '@', number: undefined, date: 'yyyy-mm-dd', money: '#,##0.00' };

/** Characters outside Latin-1 (Chinese, full-width) take two of Excel's character widths. */
const displayWidth = (s: string) => {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
};

const SAMPLE_ROWS = 200;
/** How #,##0.00 shows a sum, to size money columns. */
const MONEY_TEXT = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function fittedWidth(spec: SheetSpec, col: number): number {
  const column = spec.columns[col]!;
  if (column.width) return column.width;
  if (column.kind === 'date') return Math.max(12, displayWidth(column.header) + 2);
  let widest = displayWidth(column.header);
  for (const row of spec.rows.slice(0, SAMPLE_ROWS)) {
    const value = row[col];
    if (value === null || value === undefined) continue;
    widest = Math.max(widest, displayWidth(column.kind === 'money' && typeof value === 'number' ? MONEY_TEXT.format(value) : String(value)));
  }
  return Math.min(60, Math.max(8, widest + 2));
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them (a repair prompt). */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet1';

/** Builds the workbook in the calling thread: call it through `exportTable` for large sheets. */
export async function writeXlsx(spec: SheetSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(spec.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((column, col) => {
    const numFmt = NUM_FMT[column.kind ?? 'text'];
    return { header: column.header, width: fittedWidth(spec, col), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
  const kinds = spec.columns.map((c) => c.kind ?? 'text');
  for (const row of spec.rows) sheet.addRow(kinds.map((kind, col) => cellOf(row[col], kind)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const iso = (day: Date) => day.toISOString().slice(0, 10);

/** A text cell that Excel would run as a formula (=, +, -, @, or a tab/CR before one) gets a leading '. */
const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvText(cell: Cell, kind: ColumnKind): string {
  if (cell === null) return '';
  if (cell instanceof Date) return iso(cell);
  if (typeof cell === 'number') return kind === 'money' ? cell.toFixed(2) : String(cell);
  return csvField(defuse(cell));
}

/** UTF-8 with a BOM (without one Excel reads Chinese as GBK mojibake) and CRLF line ends. */
export function writeCsv(spec: SheetSpec): Uint8Array {
  const kinds = spec.columns.map((c) => c.kind ?? 'text');
  const lines = [spec.columns.map((c) => csvField(defuse(c.header))).join(',')];
  for (const row of spec.rows) lines.push(kinds.map((kind, col) => csvText(cellOf(row[col], kind), kind)).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
