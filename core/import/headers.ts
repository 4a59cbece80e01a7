import { toHalfWidth } from '../text';
import { importFields, type ImportField } from './fields';
import { HEADER_WORDS, IGNORED_HEADERS } from './headerWords';

export { importFields, type ImportField } from './fields';

/** Fields the startup record cannot do without; each needs a column or a value chosen for all rows. */
export const requiredFields = ['name', 'entityType', 'admittedOn', 'area'] as const satisfies readonly ImportField[];
/**
 * Fields a roster may lack: the agreement end is derived from the admission date and the incubation
 * term, industry proposed from the name where it can be, and the rest left to complete (待补充).
 */
export const completableColumns = ['industry', 'field', 'stage', 'agreementEndsOn'] as const satisfies readonly ImportField[];

/**
 * Headers are compared without case, spaces, required-marks (*) and a trailing note in brackets,
 * so 面积（㎡）, 面积(平方米) and *面积 are all 面积; field keys themselves (admittedOn) match too.
 */
export function foldHeader(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/[*\s_]/g, '')
    .replace(/\([^()]*\)$/, '');
}

const BY_HEADER = new Map<string, ImportField>(
  importFields.flatMap((field) => [field, ...HEADER_WORDS[field]].map((word) => [foldHeader(word), field] as const)),
);
const IGNORED = new Set(IGNORED_HEADERS.map(foldHeader));

/** The field a header names; a header of two words (联系电话/手机) names it by either. */
export function fieldOfHeader(header: string): ImportField | null {
  const folded = foldHeader(header);
  const whole = BY_HEADER.get(folded);
  if (whole) return whole;
  for (const part of folded.split(/[/、]/)) {
    const field = BY_HEADER.get(part.replace(/\([^()]*\)$/, ''));
    if (field) return field;
  }
  return null;
}

/** Column index → field; null for a column the import leaves alone. The UI's mapping step edits this. */
export type ColumnMapping = (ImportField | null)[];

export interface HeaderMapping {
  columns: ColumnMapping;
  /** Headers no alias matched (or naming a field an earlier column already took), for the mapping step. */
  unmapped: { index: number; header: string }[];
  missingRequired: ImportField[];
}

export function mapHeaders(headerRow: readonly string[]): HeaderMapping {
  const taken = new Set<ImportField>();
  const unmapped: HeaderMapping['unmapped'] = [];
  const columns = headerRow.map((header, index) => {
    const field = fieldOfHeader(header);
    if (field && !taken.has(field)) {
      taken.add(field);
      return field;
    }
    if (header.trim() !== '' && !IGNORED.has(foldHeader(header))) unmapped.push({ index, header });
    return null;
  });
  return { columns, unmapped, missingRequired: missingRequired(columns) };
}

/**
 * Index of the header row: official rosters often open with a title row (某某基地在孵企业名册) or two,
 * so it is the row among the first ten that names the most fields.
 */
export function locateHeader(rows: readonly (readonly string[])[]): number {
  let best = 0;
  let bestCount = 0;
  rows.slice(0, 10).forEach((row, index) => {
    const count = mapHeaders(row).columns.filter((f) => f !== null).length;
    if (count > bestCount) [best, bestCount] = [index, count];
  });
  return best;
}

/** Required fields with neither a column nor a value given for every row; a credit code column gives the entity type (see `entityTypeOfCode`). */
export function missingRequired(columns: ColumnMapping, defaulted: readonly ImportField[] = []): ImportField[] {
  const covered = (f: ImportField) => columns.includes(f) || defaulted.includes(f) || (f === 'entityType' && columns.includes('creditCode'));
  return requiredFields.filter((f) => !covered(f));
}
