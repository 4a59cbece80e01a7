import ExcelJS from 'exceljs';
import { parseCsv } from './csv';
import { decodeText } from './decodeText';

/** A table as the file holds it: every row, header first, every cell as text; `rows[i]` is sheet row i + 1. */
export interface Table {
  rows: string[][];
}

/** XLSX files are ZIP archives; the signature beats the name when a manager renames a file. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export class UnsupportedTableError extends Error {
  constructor(readonly fileName: string) {
    super(`Not an XLSX or CSV file: ${fileName}`);
    this.name = 'UnsupportedTableError';
  }
}

/** Reads the first worksheet of an XLSX file or a CSV file (UTF-8, with or without BOM, or GBK). */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  let rows: string[][];
  if (isZip(bytes)) rows = await xlsxRows(bytes);
  else if (/\.csv$/i.test(fileName)) rows = parseCsv(decodeText(bytes));
  else throw new UnsupportedTableError(fileName);
  // Sheets often carry formatted but empty rows below the data.
  while (rows.length > 0 && rows.at(-1)!.every((c) => c.trim() === '')) rows.pop();
  return { rows };
}

/** Dates as the desk writes them; a time of day is kept only when the cell has one. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** ExcelJS gives date cells as UTC-midnight Dates and plain numbers as numbers; both stay recognisable. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  // A hyperlink's text may itself be rich text, whatever the type says.
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's type says Buffer; its zip reader takes any byte array, in Node and in the browser.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  // Row values are sparse and start at index 1 (column A); Array.from turns holes into empty cells.
  return Array.from(sheet.getSheetValues().slice(1), (values) => (Array.isArray(values) ? Array.from(values.slice(1), cellText) : []));
}
