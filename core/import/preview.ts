import type { z } from 'zod';
import { founderSchema, policyKeyGroups, startupSchema, type CompletableField, type Founder, type KeyGroup, type Startup } from '../records';
import { addMonths } from '../dates';
import { normalizeCode, normalizeName, toHalfWidth } from '../text';
import type { ColumnMapping, ImportField } from './headers';
import { changesNothing } from '../identity';
import { proposeIndustry } from './industryWords';
import { claimStartup, earlierRowOf, idNumberHolder, matchRow, mergeFounder, mergeImported, newFileClaims, rowChanges, storedFounder, type FileClaims, type ImportChange, type ImportLookup } from './matching';
import { skippedRow, type SkippedRow } from './rowWords';
import { parseDate, parseNumber, parseYesNo, splitList } from './values';
import { parseEducation, parseEntityType, parseField, parseIndustry, parseKeyGroup, parseStage } from './vocab';

/** Why a row cannot be imported, or what to look at: an i18n key, its params, and the field concerned. */
export interface Reason {
  key: string;
  params?: Record<string, string | number>;
  field?: ImportField;
}

/** Who a row's phone is the phone of (see `phoneOwner`). */
export type PhoneOwner = 'founder' | 'startup';

/**
 * What a row's cells say, read as the import reads them, whatever the row's fate: a manager checks the
 * dates and names before anything is written, and tells error rows apart. A date that cannot be read
 * is kept as typed; the ID number is the full number (the screen masks it).
 */
export interface RowReading {
  name?: string;
  creditCode?: string;
  registeredOn?: string;
  admittedOn?: string;
  agreementEndsOn?: string;
  founderName?: string;
  idNumber?: string;
  phones: { phone: string; owner: PhoneOwner }[];
  keyGroups?: string;
}

/** `row` is the spreadsheet row number (the header is row 1). */
export type PreviewRow =
  | { row: number; status: 'skipped'; skipped: SkippedRow; text: string }
  | { row: number; status: 'error'; errors: Reason[]; warnings: Reason[]; read: RowReading }
  | {
      row: number;
      status: 'ok' | 'warning';
      warnings: Reason[];
      read: RowReading;
      startup: Startup;
      founder?: Founder;
      /** The desk already holds this startup (by credit code, or a team by founder then name): importing the row updates it (this id). */
      updates?: string;
      /** The startup updated, by name, for the manager to check ("已在台账：<name>"). */
      holderName?: string;
      /** The startup updated had exited or was voided: importing the row admits it again. */
      readmits?: boolean;
      /** For an update, the fields it changes, before → after; empty: nothing changes (无变化) and nothing is written. */
      changes?: ImportChange[];
      /** An earlier row (this number) names the same startup: this row adds or updates only its founder. */
      sameStartupAs?: number;
    };

export interface ImportPreview {
  rows: PreviewRow[];
  /** `updates` counts rows that change a startup the desk holds; `unchanged` those that would change nothing. */
  counts: { ok: number; warning: number; error: number; skipped: number; updates: number; unchanged: number };
}

/** A row that can be imported: it has a startup. */
export type ImportableRow = Extract<PreviewRow, { startup: Startup }>;
export const isImportable = (row: PreviewRow): row is ImportableRow => row.status === 'ok' || row.status === 'warning';

/** Values the manager chose in the mapping step for a field the file lacks or leaves empty: chosen by a person, so not proposed. */
export type ImportDefaults = Partial<Pick<Startup, 'entityType' | 'industry' | 'field' | 'stage' | 'area'>>;

export interface ImportOptions {
  columns: ColumnMapping;
  /** Index of the header row in the table (see `locateHeader`); data starts below it. Default 0. */
  headerRow?: number;
  newId: () => string;
  /** The startups and founders the desk already holds that the file's codes, numbers and names may mean. */
  lookup: ImportLookup;
  defaults?: ImportDefaults;
  /** The carrier's incubation term (its rules): an agreement end the file lacks is the admission date plus this. */
  incubationMonths: number;
  /** Placeholder `updatedAt` so candidates pass the schema; the store stamps the real time on save. */
  now?: string;
}

const FOUNDER_FIELDS = ['founderName', 'idNumber', 'founderPhone', 'education', 'school', 'graduatedOn', 'keyGroups', 'firstTime', 'trainingCertified'] as const satisfies readonly ImportField[];
const FOUNDER_PATH_FIELD: Partial<Record<string, ImportField>> = { name: 'founderName', phone: 'founderPhone' };

/** GB 32100 positions 1–2 name the kind of registered body, so a missing 主体类型 can be read off the code. */
function entityTypeOfCode(code: string): Startup['entityType'] | undefined {
  const head = code.slice(0, 2);
  if (head === '91') return 'enterprise';
  if (head === '92') return 'soleProprietor';
  if (head === '93') return 'cooperative';
  if (code.startsWith('N')) return 'ruralCollective';
  return undefined;
}

/**
 * A phone column without an owner in its header (联系电话, 电话, 手机) is the founder's when the row names
 * a founder and no contact person: in a county roster that is the 法人's own number. Otherwise it is
 * the startup's contact phone. A founder phone column (创始人电话) is always the founder's.
 */
export function phoneOwner(row: { founderName: string; contactName: string }): PhoneOwner {
  return row.founderName !== '' && row.contactName === '' ? 'founder' : 'startup';
}

const threeYearsBefore = (iso: string) => `${Number(iso.slice(0, 4)) - 3}${iso.slice(4)}`;

/** Drops undefined values so the candidate record has only the fields the row gave (a loop: this runs per row). */
function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const key in o) if (o[key] !== undefined) out[key] = o[key];
  return out as T;
}

function schemaReasons(issues: readonly z.core.$ZodIssue[], fieldOf: (key: string) => ImportField | undefined, already: ReadonlySet<ImportField>): Reason[] {
  const reasons: Reason[] = [];
  for (const issue of issues) {
    const field = fieldOf(String(issue.path[0] ?? ''));
    if (field && already.has(field)) continue;
    // Schema messages are i18n keys; only a type error on an absent value speaks zod's own English.
    const key = issue.message.startsWith('v.') ? issue.message : 'v.required';
    reasons.push(field ? { key, field } : { key });
  }
  return reasons;
}

/** What rows share while one table is previewed. */
interface TableContext {
  options: ImportOptions;
  columnOf: ReadonlyMap<ImportField, number>;
  claims: FileClaims;
  now: string;
}

function previewRow(cells: readonly string[], row: number, { options, columnOf, claims, now }: TableContext): PreviewRow {
  const errors: Reason[] = [];
  const warnings: Reason[] = [];
  const badFields = new Set<ImportField>();
  // Each mapped cell is normalised once: a row asks for some cells several times.
  const normalized = new Map<ImportField, string>();
  for (const [field, index] of columnOf) normalized.set(field, toHalfWidth(cells[index] ?? ''));
  const cell = (field: ImportField): string => normalized.get(field) ?? '';
  function read<T>(field: ImportField, parse: (raw: string) => T | null, badKey: string): T | undefined {
    const raw = cell(field);
    if (raw === '') return undefined;
    const value = parse(raw);
    if (value !== null) return value;
    errors.push({ key: badKey, params: { value: raw }, field });
    badFields.add(field);
    return undefined;
  }
  const text = (field: ImportField) => cell(field) || undefined;
  const defaults = options.defaults ?? {};

  const creditCode = cell('creditCode') ? normalizeCode(cell('creditCode')) : undefined;
  const idCell = normalizeCode(cell('idNumber')) || undefined;
  const { lookup } = options;
  const earlier = earlierRowOf(claims, creditCode, cell('name'));
  const match = earlier ? earlier.match : matchRow(creditCode, cell('name'), idCell, lookup);
  const updates = match?.updates;
  const startupId = earlier?.startup.id ?? updates ?? options.newId();
  // A yes/no the file has no column for keeps the stored answer on an update (false on a new record).
  const heldStartup = updates ? lookup.startup(updates) : undefined;

  const phoneToFounder = cell('founderPhone') === '' && phoneOwner({ founderName: cell('founderName'), contactName: cell('contactName') }) === 'founder';
  const phoneOfFounder = cell('founderPhone') || (phoneToFounder ? cell('contactPhone') : '');
  const contactPhone = phoneToFounder ? '' : cell('contactPhone');
  const name = normalizeName(cell('name'));
  const admittedOn = read('admittedOn', parseDate, 'import.badDate');
  const proposed: CompletableField[] = [];
  let industry = read('industry', parseIndustry, 'import.unknownValue') ?? defaults.industry;
  if (industry === undefined && !badFields.has('industry')) {
    industry = proposeIndustry(name) ?? undefined;
    if (industry) proposed.push('industry');
  }
  let agreementEndsOn = read('agreementEndsOn', parseDate, 'import.badDate');
  if (agreementEndsOn === undefined && admittedOn && !badFields.has('agreementEndsOn')) {
    agreementEndsOn = addMonths(admittedOn, options.incubationMonths);
    proposed.push('agreementEndsOn');
  }
  const readDate = (field: ImportField) => (cell(field) ? (parseDate(cell(field)) ?? cell(field)) : undefined);
  const reading: RowReading = compact({
    name: name || undefined,
    creditCode,
    registeredOn: readDate('registeredOn'),
    admittedOn: admittedOn ?? readDate('admittedOn'),
    // As read: a derived end is the startup's, marked as proposed.
    agreementEndsOn: readDate('agreementEndsOn'),
    founderName: normalizeName(cell('founderName')) || undefined,
    idNumber: normalizeCode(cell('idNumber')) || undefined,
    phones: [
      ...(phoneOfFounder ? [{ phone: phoneOfFounder, owner: 'founder' as const }] : []),
      ...(contactPhone ? [{ phone: contactPhone, owner: 'startup' as const }] : []),
    ],
    keyGroups: text('keyGroups'),
  });

  const startupResult = startupSchema.safeParse(
    compact({
      id: startupId,
      updatedAt: now,
      name,
      entityType: read('entityType', parseEntityType, 'import.unknownValue') ?? (creditCode ? entityTypeOfCode(creditCode) : undefined) ?? defaults.entityType,
      creditCode,
      registeredOn: read('registeredOn', parseDate, 'import.badDate'),
      industry,
      field: read('field', parseField, 'import.unknownValue') ?? defaults.field,
      stage: read('stage', parseStage, 'import.unknownValue') ?? defaults.stage,
      admittedOn,
      agreementEndsOn,
      room: text('room'),
      area: read('area', parseNumber, 'import.badNumber') ?? defaults.area,
      feeWaived: read('feeWaived', parseYesNo, 'import.badYesNo') ?? heldStartup?.feeWaived ?? false,
      keyProject: read('keyProject', parseYesNo, 'import.badYesNo') ?? heldStartup?.keyProject ?? false,
      contactName: text('contactName'),
      contactPhone: contactPhone || undefined,
      status: 'resident',
      proposed: proposed.length > 0 ? proposed : undefined,
    }),
  );
  if (!startupResult.success) errors.push(...schemaReasons(startupResult.error.issues, (k) => k as ImportField, badFields));

  let founder: Founder | undefined;
  if (FOUNDER_FIELDS.some((f) => cell(f) !== '')) {
    const keyGroups: KeyGroup[] = [];
    for (const name of splitList(cell('keyGroups'))) {
      const group = parseKeyGroup(name);
      if (group === null) errors.push({ key: 'import.unknownKeyGroup', params: { value: name }, field: 'keyGroups' });
      else if (!keyGroups.includes(group)) keyGroups.push(group);
    }
    const stored = updates && idCell ? storedFounder(lookup, updates, idCell) : undefined;
    const founderResult = founderSchema.safeParse(
      compact({
        id: stored?.id ?? options.newId(),
        updatedAt: now,
        startupId,
        name: cell('founderName'),
        // A number masked by an export reads back as the stored founder's.
        idNumber: stored?.idNumber ?? idCell,
        phone: phoneOfFounder || undefined,
        education: read('education', parseEducation, 'import.unknownValue'),
        school: text('school'),
        graduatedOn: read('graduatedOn', parseDate, 'import.badDate'),
        keyGroups: columnOf.has('keyGroups') ? keyGroups : (stored?.keyGroups ?? []),
        firstTime: read('firstTime', parseYesNo, 'import.badYesNo') ?? stored?.firstTime ?? false,
        trainingCertified: read('trainingCertified', parseYesNo, 'import.badYesNo') ?? stored?.trainingCertified ?? false,
      }),
    );
    if (founderResult.success) founder = mergeFounder(stored, founderResult.data);
    else errors.push(...schemaReasons(founderResult.error.issues, (k) => FOUNDER_PATH_FIELD[k] ?? (k as ImportField), badFields));
  } else {
    warnings.push({ key: 'import.noFounder' });
  }

  if (startupResult.success && earlier && !changesNothing(earlier.startup, startupResult.data)) {
    errors.push(creditCode ? { key: 'import.duplicateInFile', params: { row: earlier.row }, field: 'creditCode' } : { key: 'import.duplicateTeamInFile', params: { row: earlier.row }, field: 'name' });
  }
  const holder = founder && idNumberHolder(founder, cell('name'), lookup, claims);
  // The message names the ID number itself (身份证号与 … 相同).
  if (holder) errors.push({ key: 'import.idNumberTaken', params: holder });
  if (errors.length > 0 || !startupResult.success) return { row, status: 'error', errors, warnings, read: reading };
  const startup = startupResult.data;
  if (!earlier) claimStartup(claims, row, startup, match);
  if (match?.readmits) warnings.push({ key: 'import.readmits', params: { name: match.holderName } });
  if (startup.feeWaived) {
    // Clause (十): free residency is for startups registered within 3 years of admission, led by a key-group founder.
    if (startup.registeredOn && startup.registeredOn < threeYearsBefore(startup.admittedOn)) {
      warnings.push({ key: 'import.waivedRegisteredOver3Years', params: { registeredOn: startup.registeredOn }, field: 'feeWaived' });
    }
    if (founder && !founder.keyGroups.some((g) => policyKeyGroups.includes(g))) {
      warnings.push({ key: 'import.waivedWithoutKeyGroup', field: 'feeWaived' });
    }
  }
  return {
    row,
    status: warnings.length > 0 ? 'warning' : 'ok',
    warnings,
    read: reading,
    startup,
    founder,
    updates,
    holderName: match?.holderName,
    readmits: match?.readmits,
    changes: updates ? changesOf(lookup, updates, startup, founder, match.readmits, !!earlier) : undefined,
    sameStartupAs: earlier?.row,
  };
}

/** What importing a row changes on the startup it updates (a later row of the same startup: on its founder only). */
function changesOf(lookup: ImportLookup, updates: string, startup: Startup, founder: Founder | undefined, readmits: boolean, founderOnly: boolean): ImportChange[] {
  const before = lookup.startup(updates);
  if (!before) return [];
  const after = founderOnly ? before : mergeImported(before, startup, readmits);
  return rowChanges(before, after, founder && lookup.foundersOf(updates).find((f) => f.id === founder.id), founder);
}

/** A skipped row's text to show: its filled cells, a merged cell's value once (a reader repeats it in every cell it spans). */
function rowText(cells: readonly string[]): string {
  const parts: string[] = [];
  for (const cell of cells) if (cell.trim() !== '' && cell !== parts.at(-1)) parts.push(cell.trim());
  return parts.join(' ').slice(0, 60);
}

/**
 * Every data row of a table (as `readTable` returns it: row i is sheet row i + 1) → a candidate startup and founder,
 * validated, with the reasons a row cannot go in, one row at a time: a caller with thousands of rows can
 * take them a slice at a time and let the screen paint in between. Nothing is written; the caller
 * imports the rows it keeps.
 */
export function* previewRows(table: readonly (readonly string[])[], options: ImportOptions): Generator<PreviewRow> {
  const columnOf = new Map<ImportField, number>();
  options.columns.forEach((field, index) => {
    if (field && !columnOf.has(field)) columnOf.set(field, index);
  });
  const context: TableContext = { options, columnOf, claims: newFileClaims(), now: options.now ?? new Date().toISOString() };
  for (let i = (options.headerRow ?? 0) + 1; i < table.length; i++) {
    const cells = table[i]!;
    const skipped = skippedRow(cells);
    yield skipped ? { row: i + 1, status: 'skipped', skipped, text: rowText(cells) } : previewRow(cells, i + 1, context);
  }
}

/** The preview of rows `previewRows` gave, with how many are good, doubtful, wrong, not data, and updates. */
export function summarizePreview(rows: PreviewRow[]): ImportPreview {
  const counts = { ok: 0, warning: 0, error: 0, skipped: 0, updates: 0, unchanged: 0 };
  for (const row of rows) {
    counts[row.status]++;
    if (isImportable(row) && row.changes) counts[row.changes.length > 0 ? 'updates' : 'unchanged']++;
  }
  return { rows, counts };
}

/** Every row of the table previewed at once (see `previewRows`). */
export const previewImport = (table: readonly (readonly string[])[], options: ImportOptions): ImportPreview => summarizePreview([...previewRows(table, options)]);
