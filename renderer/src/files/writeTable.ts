import { csvWriter } from './csv';
import { xlsxWriter } from './xlsxWriter';

export type ColumnKind = 'text' | 'number' | 'date' | 'money';
export type ExportFormat = 'xlsx' | 'csv';

export interface SheetColumn {
  header: string;
  /** In Excel's character widths; by default fitted to the header and the first rows. */
  width?: number;
  /** Default 'text'. Dates are 'YYYY-MM-DD…' strings or Dates; numbers and money are numbers. */
  kind?: ColumnKind;
}

/** A sheet without its rows: what a writer needs before the rows arrive. */
export interface SheetHead {
  name: string;
  columns: SheetColumn[];
}

/** One sheet of an export: every export in the desk, whatever its records, is written from one of these. */
export interface SheetSpec extends SheetHead {
  rows: unknown[][];
}

/** Takes a sheet's rows a chunk at a time, in order, and gives the file's bytes at the end. */
export interface TableWriter {
  add(rows: readonly unknown[][]): Promise<void>;
  finish(): Promise<Uint8Array>;
}

export const tableWriter = (format: ExportFormat, head: SheetHead): TableWriter => (format === 'xlsx' ? xlsxWriter(head) : csvWriter(head));

/** Rows handed to a writer at once: small enough that no step of the writing blocks for long. */
export const CHUNK_ROWS = 2000;

/** Writes a whole sheet in the calling thread: call it through `exportTable` for large sheets. */
export async function writeTable(spec: SheetSpec, format: ExportFormat): Promise<Uint8Array> {
  const writer = tableWriter(format, { name: spec.name, columns: spec.columns });
  for (let i = 0; i < spec.rows.length; i += CHUNK_ROWS) await writer.add(spec.rows.slice(i, i + CHUNK_ROWS));
  return writer.finish();
}
