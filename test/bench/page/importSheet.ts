import ExcelJS from 'exceljs';
import { importFields, type ImportField } from '@core/import';
import type { Founder, Startup } from '@core/records';

type Row = { startup: Startup; founder?: Founder };

const cellOf = (value: unknown): string => (value === undefined || value === null ? '' : Array.isArray(value) ? value.join('、') : String(value));

/** A row's value for an import column: startup fields first, then its founder's (founderName, idNumber…). */
function valueOf({ startup, founder }: Row, field: ImportField): string {
  if (field === 'founderName') return cellOf(founder?.name);
  if (field === 'founderPhone') return cellOf(founder?.phone);
  if (field in startup) return cellOf(startup[field as keyof Startup]);
  return cellOf(founder?.[field as keyof Founder]);
}

/**
 * The spreadsheet a manager would import for these rows: one column per import field, headed by the
 * field's key (the import maps those without a mapping step), every value as text.
 */
export async function importSheet(rows: readonly Row[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow([...importFields]);
  for (const row of rows) sheet.addRow(importFields.map((f) => valueOf(row, f)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
