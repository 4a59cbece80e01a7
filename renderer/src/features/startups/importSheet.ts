import { locateHeader, mapHeaders, previewRows, summarizePreview, type ColumnMapping, type HeaderMapping, type ImportDefaults, type ImportField, type ImportPreview } from '@core/import';
import { defaultRuleSet } from '@core/records';
import { openTable } from '../../files/openTable';
import { TableReadError } from '../../files/readTable';
import { collectInSlices } from '../../shell/inSlices';
import { getCarrier } from '../../store/carrier';
import type { DeskDb } from '../../store/db';
import { identityLookups } from '../../store/identity';

/** A picked sheet: its rows (sheet row i + 1 is `table[i]`), the row holding the headers, and their fields. */
export interface ImportSheet {
  table: string[][];
  headerRow: number;
  mapping: HeaderMapping;
}

/**
 * A file's rows, read in a worker, with the header row found and its columns matched to import fields.
 * A sheet where no row names a single field is not a roster (`noHeader`).
 */
export async function openImportSheet(bytes: Uint8Array, fileName: string): Promise<ImportSheet> {
  const { rows } = await openTable(bytes, fileName);
  const headerRow = locateHeader(rows);
  const mapping = mapHeaders(rows[headerRow] ?? []);
  if (mapping.columns.every((field) => field === null)) throw new TableReadError('noHeader');
  return { table: rows, headerRow, mapping };
}

/**
 * Every data row checked, and matched with the startups and founders the desk already holds (by credit
 * code; an unregistered team by its founder's ID number, then its name; a person by ID number); an
 * agreement end the file lacks comes from the carrier's incubation term. The rows are checked a slice at
 * a time between paints: 5,000 rows at once held the window for most of a second.
 */
export async function previewSheet(db: DeskDb, table: string[][], headerRow: number, columns: ColumnMapping, defaults: ImportDefaults): Promise<ImportPreview> {
  const data = table.slice(headerRow + 1);
  const column = (field: ImportField) => {
    const index = columns.indexOf(field);
    return data.map((r) => (index < 0 ? '' : (r[index] ?? '')));
  };
  const codes = column('creditCode');
  const [lookup, carrier] = await Promise.all([
    identityLookups(db, { creditCodes: codes, idNumbers: column('idNumber'), teamNames: column('name').filter((_, i) => !codes[i]?.trim()) }),
    getCarrier(db),
  ]);
  const incubationMonths = (carrier?.rules ?? defaultRuleSet).incubationMonths;
  return summarizePreview(await collectInSlices(previewRows(table, { columns, headerRow, defaults, incubationMonths, newId: () => crypto.randomUUID(), lookup })));
}
