import type { Conflict, Origin } from './protocol';

/**
 * How the roster merges one desk's edit into the record it holds (ROSTER-SYNC.md "Several desks").
 * Pure: the roster's push path feeds it the stored record and the judged edit, and stores what it returns.
 */

export type Fields = Record<string, unknown>;

/** A record as the roster holds it, with what the merge needs to know about each field's last change. */
export interface HeldRecord {
  /** null for a tombstone. */
  record: Fields | null;
  version: number;
  /** The version at which each top-level field last changed; null for a record stored before several desks (every field at `version`). */
  fieldVersions: Record<string, number> | null;
  /** Who made each version that `fieldVersions` still names, keyed by the version. */
  origins: Record<string, Origin>;
  conflicts: Conflict[];
}

/** One accepted mutation, its record already validated. */
export interface Edit {
  op: 'upsert' | 'delete';
  /** The record as the schema parsed it; null for a delete that carries none. */
  record: Fields | null;
  /** The version the desk edited; absent = the current one (a desk of before: the edit replaces the record whole). */
  baseVersion?: number;
  /** The top-level fields the edit changed; absent = every field. */
  fields?: string[];
  resolves?: string[];
  origin: Origin;
}

export interface MergeContext {
  entity: string;
  recordId: string;
  /** When, for the conflicts it records. */
  at: string;
  newConflictId(): string;
  /** The entity's schema: the record as it would be stored, or undefined when the merged record does not hold. */
  validate(record: Fields): Fields | undefined;
  /** Fields only the roster writes: never merged, never a conflict. */
  rosterOwned: readonly string[];
}

/** Bookkeeping every write changes: never a field of its own for the merge. */
const bookkeeping = ['id', 'updatedAt', 'createdAt'];

/** Who made a change the roster has no origin for (a record stored before several desks). */
const unknownOrigin: Origin = { clientId: '', desk: '' };

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a).filter((k) => (a as Fields)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Fields)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameValue((a as Fields)[k], (b as Fields)[k]));
}

/** Whether the record is void (a voided startup) or gone (a tombstone): an edit made beside it loses. */
export const isVoid = (entity: string, record: Fields | null): boolean =>
  record === null || (entity === 'startup' && record.voidedAt !== undefined);

const judged = (ctx: MergeContext) => (field: string) => !bookkeeping.includes(field) && !ctx.rosterOwned.includes(field);

/** The fields an edit names, or every field of either side when it names none. */
function editedFields(held: Fields | null, edit: Edit, ctx: MergeContext): string[] {
  const all = edit.fields ?? [...new Set([...Object.keys(held ?? {}), ...Object.keys(edit.record ?? {})])];
  return all.filter(judged(ctx));
}

const fieldVersionsOf = (held: HeldRecord): Record<string, number> =>
  held.fieldVersions ?? Object.fromEntries(Object.keys(held.record ?? {}).map((f) => [f, held.version]));

const originOf = (held: HeldRecord, field: string): Origin => {
  const version = fieldVersionsOf(held)[field];
  return (version !== undefined && held.origins[String(version)]) || unknownOrigin;
};

function conflict(ctx: MergeContext, field: string, values: Pick<Conflict, 'kept' | 'lost' | 'keptBy' | 'lostBy' | 'cause'>): Conflict {
  return { id: ctx.newConflictId(), entity: ctx.entity as Conflict['entity'], recordId: ctx.recordId, field, ...values, at: ctx.at };
}

/** Open conflicts plus the new ones (the same loss recorded twice is kept once), less those the edit settles. */
function openConflicts(open: Conflict[], added: Conflict[], resolves: string[] = []): Conflict[] {
  const fresh = added.filter((c) => !open.some((o) => o.field === c.field && o.cause === c.cause && sameValue(o.lost, c.lost) && sameValue(o.kept, c.kept)));
  return [...open, ...fresh].filter((c) => !resolves.includes(c.id));
}

/** The next version: `record` stored, each of `changed` marked as changed by this edit. */
function nextVersion(held: HeldRecord, record: Fields | null, changed: string[], edit: Edit, added: Conflict[]): HeldRecord {
  const version = held.version + 1;
  const fieldVersions = { ...fieldVersionsOf(held) };
  for (const f of changed) fieldVersions[f] = version;
  const named = new Set(Object.values(fieldVersions).map(String));
  const all: Record<string, Origin> = { ...held.origins, [version]: edit.origin };
  const origins = Object.fromEntries(Object.entries(all).filter(([v]) => named.has(v)));
  return { record, version, fieldVersions, origins, conflicts: openConflicts(held.conflicts, added, edit.resolves) };
}

/** Applies one accepted edit to the record the roster holds (or to none), by the rules of ROSTER-SYNC.md. */
export function mergeEdit(held: HeldRecord | undefined, edit: Edit, ctx: MergeContext): HeldRecord {
  const incoming = edit.op === 'delete' ? null : edit.record;
  if (!held) {
    const fieldVersions = Object.fromEntries(Object.keys(incoming ?? {}).map((f) => [f, 1]));
    return { record: incoming, version: 1, fieldVersions, origins: { 1: edit.origin }, conflicts: [] };
  }
  const stored = held.record;
  const fields = editedFields(stored, edit, ctx);
  const base = edit.baseVersion ?? held.version;
  // A delete marks every field (its id too) as changed by it: who deleted is what a later edit is judged against.
  const deletedFields = Object.keys(stored ?? {});
  if (base >= held.version) return nextVersion(held, incoming, incoming === null ? deletedFields : fields, edit, []);

  const versions = fieldVersionsOf(held);
  // Concurrent means changed by another desk since the base: a desk's own earlier edits, still in its
  // outbox when it made this one, are not the other side of a conflict.
  const byOther = (f: string) => (versions[f] ?? 0) > base && originOf(held, f).clientId !== edit.origin.clientId;
  const losses = (candidates: string[], cause: Conflict['cause'], keptIsStored: boolean, test: (f: string) => boolean) =>
    candidates.filter(test).map((f) =>
      keptIsStored
        ? conflict(ctx, f, { kept: stored?.[f], lost: incoming?.[f], keptBy: originOf(held, f), lostBy: edit.origin, cause })
        : conflict(ctx, f, { kept: incoming?.[f], lost: stored?.[f], keptBy: edit.origin, lostBy: originOf(held, f), cause }),
    );
  const differs = (f: string) => !sameValue(stored?.[f], incoming?.[f]);

  if (incoming === null) {
    // A delete beside an edit: the delete stands; what another desk changed meanwhile is kept as conflicts.
    const kept = edit.record;
    const added = Object.keys(stored ?? {})
      .filter(judged(ctx))
      .filter((f) => byOther(f) && !sameValue(stored?.[f], kept?.[f]))
      .map((f) => conflict(ctx, f, { kept: kept?.[f], lost: stored?.[f], keptBy: edit.origin, lostBy: originOf(held, f), cause: 'void' }));
    return nextVersion(held, null, deletedFields, edit, added);
  }
  const clearsVoid = stored !== null && fields.includes('voidedAt') && incoming.voidedAt === undefined;
  // Who voided (or deleted) it: a tombstone from before several desks has no field versions, so another desk.
  const voidedByOther = stored === null ? held.fieldVersions === null || !versions.id || byOther('id') : byOther('voidedAt');
  if (isVoid(ctx.entity, stored) && !clearsVoid && voidedByOther) {
    // The void wins; the edit made beside it is kept in the conflicts, field by field.
    return nextVersion(held, stored, [], edit, losses(fields, 'void', true, differs));
  }
  if (ctx.entity === 'evaluation' && stored?.status === 'finalized' && byOther('status')) {
    // A finalized evaluation never changes by a merge: the desk makes a revision from the conflicts.
    return nextVersion(held, stored, [], edit, losses(fields, 'finalized', true, differs));
  }
  const merged: Fields = { ...stored };
  for (const f of fields) {
    if (incoming[f] === undefined) delete merged[f];
    else merged[f] = incoming[f];
  }
  for (const f of bookkeeping) if (incoming[f] !== undefined) merged[f] = incoming[f];
  const valid = ctx.validate(merged);
  if (valid) return nextVersion(held, valid, fields, edit, losses(fields, 'field', false, (f) => byOther(f) && differs(f)));
  // The fields do not hold together merged (one rule spans two of them): the later edit stands whole.
  const every = editedFields(stored, { ...edit, fields: undefined }, ctx);
  return nextVersion(held, incoming, every.filter(differs), edit, losses(every, 'field', false, (f) => byOther(f) && differs(f)));
}

/**
 * A second admission of a company the carrier already holds (the same credit code, another record id):
 * the standing record keeps its values, takes from the admission what it lacks, and keeps the admission's
 * other values as conflicts.
 */
export function absorbAdmission(standing: HeldRecord, edit: Edit, ctx: MergeContext): HeldRecord {
  const stored = standing.record ?? {};
  const admitted = edit.record ?? {};
  const empty = (v: unknown) => v === undefined || v === '';
  const merged: Fields = { ...stored };
  const filled: string[] = [];
  const added: Conflict[] = [];
  for (const f of Object.keys(admitted).filter(judged(ctx))) {
    if (empty(admitted[f])) continue;
    if (empty(stored[f])) {
      merged[f] = admitted[f];
      filled.push(f);
    } else if (!sameValue(stored[f], admitted[f])) {
      added.push(conflict(ctx, f, { kept: stored[f], lost: admitted[f], keptBy: originOf(standing, f), lostBy: edit.origin, cause: 'sameCompany' }));
    }
  }
  const valid = filled.length > 0 ? ctx.validate(merged) : stored;
  return nextVersion(standing, valid ?? stored, valid ? filled : [], edit, added);
}
