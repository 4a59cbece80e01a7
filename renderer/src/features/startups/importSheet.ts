import { locateHeader, mapHeaders, previewRows, summarizePreview, type ColumnMapping, type HeaderMapping, type ImportDefaults, type ImportField, type ImportPreview } from '@core/import';
import { openTable } from '../../files/openTable';
import { collectInSlices } from '../../shell/inSlices';
import type { DeskDb } from '../../store/db';
import { identityLookups } from '../../store/identity';

/** A picked sheet: its rows (sheet row i + 1 is `table[i]`), the row holding the headers, and their fields. */
export interface ImportSheet {
  table: string[][];
  headerRow: number;
  mapping: HeaderMapping;
}

/** A file's rows, read in a worker, with the header row found and its columns matched to import fields. */
export async function openImportSheet(bytes: Uint8Array, fileName: string): Promise<ImportSheet> {
  const { rows } = await openTable(bytes, fileName);
  const headerRow = locateHeader(rows);
  return { table: rows, headerRow, mapping: mapHeaders(rows[headerRow] ?? []) };
}

/**
 * Every data row checked, and matched with the startups and founders the desk already holds (by credit
 * code; an unregistered team by its founder's ID number, then its name; a person by ID number). The rows
 * are checked a slice at a time between paints: 5,000 rows at once held the window for most of a second.
 */
export async function previewSheet(db: DeskDb, table: string[][], headerRow: number, columns: ColumnMapping, defaults: ImportDefaults): Promise<ImportPreview> {
  const data = table.slice(headerRow + 1);
  const column = (field: ImportField) => {
    const index = columns.indexOf(field);
    return data.map((r) => (index < 0 ? '' : (r[index] ?? '')));
  };
  const codes = column('creditCode');
  const lookup = await identityLookups(db, { creditCodes: codes, idNumbers: column('idNumber'), teamNames: column('name').filter((_, i) => !codes[i]?.trim()) });
  return summarizePreview(await collectInSlices(previewRows(table, { columns, headerRow, defaults, newId: () => crypto.randomUUID(), lookup })));
}
