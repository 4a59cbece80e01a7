import ExcelJS from 'exceljs';
import { parseCsv } from './csv';
import { decodeText } from './decodeText';

/** A table as the file holds it: every row, header first, every cell as text; `rows[i]` is sheet row i + 1. */
export interface Table {
  rows: string[][];
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
/** XLSX files are ZIP archives; the signature beats the name when a manager renames a file. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an .xls from Excel 97–2003, or an XLSX saved with a password (its package encrypted inside one). */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream a password-protected XLSX keeps its package in, named in the compound file's directory (UTF-16LE). */
const ENCRYPTED_PACKAGE = new Uint8Array([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]));

/** Why a file cannot be read as a table (each has its message saying what to do, `import.file.*`). */
export type TableProblem = 'empty' | 'unreadable' | 'encrypted' | 'oldExcel' | 'noHeader';

export class TableReadError extends Error {
  constructor(readonly problem: TableProblem) {
    super(`The file cannot be read as a table: ${problem}`);
    this.name = 'TableReadError';
  }
}

function contains(bytes: Uint8Array, part: Uint8Array): boolean {
  outer: for (let i = bytes.indexOf(part[0]!); i >= 0 && i <= bytes.length - part.length; i = bytes.indexOf(part[0]!, i + 1)) {
    for (let k = 1; k < part.length; k++) if (bytes[i + k] !== part[k]) continue outer;
    return true;
  }
  return false;
}

const isBlankRow = (row: readonly string[]) => row.every((c) => c.trim() === '');

/**
 * Reads the first worksheet of an XLSX file, or any other file as CSV text (UTF-8, GBK, or Excel's
 * tab-separated Unicode text), whatever its name says: a roster saved as .txt or renamed still reads.
 * A file that cannot be read throws a `TableReadError` naming why.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  let rows: string[][];
  if (startsWith(bytes, ZIP)) rows = await xlsxRows(bytes);
  else if (startsWith(bytes, COMPOUND_FILE)) throw new TableReadError(contains(bytes, ENCRYPTED_PACKAGE) ? 'encrypted' : 'oldExcel');
  else if (/\.xls$/i.test(fileName) && bytes.length > 0) throw new TableReadError('oldExcel');
  else {
    const text = decodeText(bytes);
    if (text === null) throw new TableReadError('unreadable');
    rows = parseCsv(text, delimiterOf(text));
  }
  // Sheets often carry formatted but empty rows below the data.
  while (rows.length > 0 && isBlankRow(rows.at(-1)!)) rows.pop();
  if (rows.length === 0) throw new TableReadError('empty');
  return { rows };
}

/** Excel's "Unicode text" and many exported .txt files separate fields by tabs; CSV by commas. */
function delimiterOf(text: string): ',' | '\t' {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
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
  try {
    // ExcelJS's type says Buffer; its zip reader takes any byte array, in Node and in the browser.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    // A ZIP that is not a workbook (a .docx renamed, a damaged download).
    throw new TableReadError('unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  // Row values are sparse and start at index 1 (column A); Array.from turns holes into empty cells.
  return Array.from(sheet.getSheetValues().slice(1), (values) => (Array.isArray(values) ? Array.from(values.slice(1), cellText) : []));
}
