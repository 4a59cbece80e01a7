import { checkCreditCode, checkFounderIds, fieldChanges, matchTeam, nameKey, sameIdNumber, type FieldChange, type IdentityLookup } from '../identity';
import type { Founder, Startup } from '../records';
import type { ImportField } from './headers';
import { mergeProposed } from './proposals';

/** The identity lookup with the records it found, for an update's before (the store's `identityLookups`). */
export interface ImportLookup extends IdentityLookup {
  startup(id: string): Startup | undefined;
  foundersOf(startupId: string): Founder[];
}

/** The startup the desk already holds for a row: the one it updates, and whether that is a re-admission. */
export interface RowMatch {
  updates: string;
  holderName: string;
  /** The holder exited or was voided: importing the row admits it again, as itself. */
  readmits: boolean;
}

/** A row's startup in the desk: by credit code; for an unregistered team, by its founder's ID number, then by name. */
export function matchRow(creditCode: string | undefined, name: string, idNumber: string | undefined, lookup: ImportLookup): RowMatch | undefined {
  if (creditCode) {
    const check = checkCreditCode('', lookup.holdersOfCode(creditCode));
    return check.kind === 'free' ? undefined : { updates: check.holder.id, holderName: check.holder.name, readmits: check.kind === 'readmission' };
  }
  const team = matchTeam(name, idNumber ? [idNumber] : [], lookup.teams);
  return team && { updates: team.id, holderName: team.name, readmits: false };
}

/** The stored founder of a matched startup a row names, by ID number (as typed or masked by an export). */
export const storedFounder = (lookup: ImportLookup, startupId: string, idNumber: string) => lookup.foundersOf(startupId).find((f) => sameIdNumber(idNumber, f.idNumber));

/** What the desk decides about a startup, never overwritten by a spreadsheet. */
const DESK_OWNED = ['id', 'status', 'exitKind', 'exitedOn', 'voidedReason', 'voidedAt', 'rosterId', 'verification', 'verificationNote', 'keyProjectDesignated'] as const;
/** What a re-admission clears: the startup is resident again, its exit or void kept in its history. */
const CLEARED_ON_READMISSION = new Set<string>(['exitKind', 'exitedOn', 'voidedReason', 'voidedAt']);

/**
 * A stored startup updated from a file's row: the file's fields over the stored ones, the desk's own kept
 * (see `DESK_OWNED`), and a value the import only proposed never over one the desk holds (`mergeProposed`).
 */
export function mergeImported(before: Startup, fromFile: Startup, readmits = false): Startup {
  const merged: Record<string, unknown> = mergeProposed(before, fromFile);
  for (const key of DESK_OWNED) {
    if (readmits && CLEARED_ON_READMISSION.has(key)) delete merged[key];
    else if (before[key] === undefined) delete merged[key];
    else merged[key] = before[key];
  }
  if (readmits) merged.status = 'resident';
  return merged as Startup;
}

/** A stored founder updated from a row: the row's fields over the stored ones, the stored number kept when the row gave it masked. */
export const mergeFounder = (before: Founder | undefined, fromFile: Founder): Founder => (before ? { ...before, ...fromFile, idNumber: before.idNumber } : fromFile);

const FOUNDER_FIELD: Partial<Record<string, ImportField>> = { name: 'founderName', phone: 'founderPhone' };

/** A change named by the import column it comes from (the founder's name is 创始人, not 名称). */
export interface ImportChange extends FieldChange {
  field: ImportField | string;
}

/** The fields importing a row changes on the startup it updates, founder's after the startup's; empty: the row changes nothing (无变化). */
export function rowChanges(before: Startup, after: Startup, founderBefore: Founder | undefined, founderAfter: Founder | undefined): ImportChange[] {
  const own = fieldChanges(before, after);
  if (!founderAfter) return own;
  if (!founderBefore) return [...own, { field: 'founderName', before: undefined, after: founderAfter.name }];
  const founder = fieldChanges(founderBefore, founderAfter).filter((c) => c.field !== 'id' && c.field !== 'startupId');
  return [...own, ...founder.map((c) => ({ ...c, field: FOUNDER_FIELD[c.field] ?? c.field }))];
}

/** What one file's rows have claimed so far: a credit code or a team's name per startup, an ID number per person. */
/** A startup a row gave, with the desk's startup it matched. */
export interface ClaimedStartup {
  row: number;
  startup: Startup;
  match: RowMatch | undefined;
}

export interface FileClaims {
  startupOfCode: Map<string, ClaimedStartup>;
  startupOfTeam: Map<string, ClaimedStartup>;
  personOfId: Map<string, { name: string; startupName: string }>;
}
export const newFileClaims = (): FileClaims => ({ startupOfCode: new Map(), startupOfTeam: new Map(), personOfId: new Map() });

/**
 * An earlier row of the file naming the same startup (one row per founder, as the desk's own export
 * writes it): by credit code, or an unregistered team's name.
 */
export const earlierRowOf = (claims: FileClaims, creditCode: string | undefined, name: string) =>
  creditCode ? claims.startupOfCode.get(creditCode) : claims.startupOfTeam.get(nameKey(name));

export function claimStartup(claims: FileClaims, row: number, startup: Startup, match: RowMatch | undefined) {
  if (startup.creditCode) claims.startupOfCode.set(startup.creditCode, { row, startup, match });
  else claims.startupOfTeam.set(nameKey(startup.name), { row, startup, match });
}

/** The person an ID number already names, in the desk or earlier in the file, when the row names someone else. */
export function idNumberHolder(founder: Founder, startupName: string, lookup: ImportLookup, claims: FileClaims): { startup: string; name: string } | undefined {
  const [conflict] = checkFounderIds([founder], lookup.foundersWithId(founder.idNumber), startupName);
  if (conflict) return { startup: conflict.holder.startup.name, name: conflict.holder.founder.name };
  const earlier = claims.personOfId.get(founder.idNumber);
  if (earlier && nameKey(earlier.name) !== nameKey(founder.name)) return { startup: earlier.startupName, name: earlier.name };
  if (!earlier) claims.personOfId.set(founder.idNumber, { name: founder.name, startupName });
  return undefined;
}
