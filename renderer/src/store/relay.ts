import { entities, type Entity, type Founder, type RecordOf } from '@core/records';
import type { Conflict, OutboxEntry } from '@core/sync/protocol';
import { conflictTable, replaceConflicts } from './conflicts';
import type { DeskDb } from './db';
import { rebuildStartupIndex } from './rebuildIndex';
import { heldVersions } from './rosterVersions';
import { tableOf } from './schema';
import { prepareSeals, type StoredFounder } from './sealing';
import { applyTallies, movesTallies, recordDelta } from './tallies';
import { prepareWrite, writeTables } from './write';

/**
 * A record as the roster holds it, arriving at this desk: another desk's change (pulled), a merge the
 * roster made of this desk's own push, or a snapshot row. `record` is null for a tombstone; `absorbed`
 * names a startup id merged into this one (the same company admitted on two desks).
 */
export interface IncomingRecord {
  entity: Entity;
  recordId: string;
  record: unknown;
  version: number;
  conflicts: readonly Conflict[];
  /** For the audit entry: "person @ desk" of the change. */
  who: string;
  absorbed?: string;
}

/** "李娟 @ 外勤笔记本": the audit's who for a change another desk made. */
export const relayedWho = (origin: { desk: string; by?: string }) => `${origin.by?.trim() || '?'} @ ${origin.desk}`;

/**
 * The stored form of incoming founders while the desk lock is set, prepared before the transaction
 * (sealing awaits WebCrypto, which would let IndexedDB commit an open transaction).
 */
export async function sealerFor(db: DeskDb, incoming: readonly IncomingRecord[]) {
  const founders = incoming.flatMap((r) => (r.entity === 'founder' && r.record ? [r.record as Founder] : []));
  return founders.length > 0 ? prepareSeals(db, founders) : undefined;
}

/** Every table applying incoming records touches, for the caller's transaction. */
export const relayTables = (db: DeskDb) => [...writeTables(db, ...entities), conflictTable(db)];

/** Records that name a startup, and the field that does. */
const startupRefs = [
  ['founder', 'startupId'],
  ['report', 'startupId'],
  ['evaluation', 'startupId'],
  ['exit', 'startupId'],
  ['claim', 'startupId'],
] as const;

/** Fields the roster's merge leaves out of a mutation that names none (`mutationSchema.fields` absent). */
const STAMPS = new Set(['id', 'updatedAt', 'createdAt']);

/**
 * The remote record with this desk's unsent edits laid over it, oldest first: those edits go to the
 * roster later and are merged there field by field, so the desk shows now what the roster will hold.
 */
export function rebase(remote: object, pending: readonly Pick<OutboxEntry, 'record' | 'fields'>[]): object {
  const out: Record<string, unknown> = { ...remote };
  for (const entry of pending) {
    const mine = (entry.record ?? {}) as Record<string, unknown>;
    const fields = entry.fields ?? Object.keys(mine).filter((k) => !STAMPS.has(k));
    for (const f of fields) {
      if (mine[f] === undefined) delete out[f];
      else out[f] = mine[f];
    }
  }
  return out;
}

export interface ApplyOptions {
  /** Pulled and snapshot records: a version the desk already holds is skipped. A push result's record is this desk's own version. */
  skipHeld: boolean;
  /** A founder's stored form while the desk lock is set (sealed before the transaction). */
  sealFounder?: (record: Founder) => StoredFounder;
}

/**
 * Stores incoming records through the repositories' write path (validated, audited, the list's rows and
 * totals kept right) without outbox entries of their own, with the version and open conflicts the roster
 * holds for each. Later ones for the same record supersede earlier ones. Inside a transaction over
 * `relayTables`.
 */
export async function applyIncoming(db: DeskDb, incoming: readonly IncomingRecord[], { skipHeld, sealFounder }: ApplyOptions): Promise<void> {
  if (incoming.length === 0) return;
  const latest = new Map<string, IncomingRecord>();
  const moves: { from: string; to: string; who: string }[] = [];
  for (const r of incoming) {
    const key = `${r.entity}|${r.recordId}`;
    const seen = latest.get(key);
    if (!seen || seen.version <= r.version) latest.set(key, r);
    if (r.absorbed && r.absorbed !== r.recordId) moves.push({ from: r.absorbed, to: r.recordId, who: r.who });
  }
  const versions = db.table<{ entity: string; recordId: string; version: number; syncedAt: string }>('rosterVersions');
  const all = [...latest.values()];
  // Which records have unsent edits: one index probe each, all sent at once. A desk back from weeks
  // offline holds thousands of entries, and reading them (or walking them by cursor) for every batch of
  // answers took most of its sync.
  const recordIds = [...new Set(all.map((r) => r.recordId))];
  const [held, probes] = await Promise.all([
    heldVersions(db, all),
    Promise.all(recordIds.map((id) => db.outbox.where('recordId').equals(id).limit(1).primaryKeys())),
  ]);
  const withPending = new Set(recordIds.filter((_, i) => probes[i]!.length > 0));
  const fresh = all.filter((r, i) => {
    const have = held[i]!;
    // A merge answering this desk's own edit, with later edits of the record still to go: the answer to
    // the last of them brings the record as the roster then holds it.
    if (!skipHeld) return r.version >= have && !withPending.has(r.recordId);
    return r.version > have;
  });
  const pending = new Map<string, OutboxEntry[]>();
  const rebased = fresh.filter((r) => withPending.has(r.recordId)).map((r) => r.recordId);
  const pendingRows = rebased.length > 0 ? await db.outbox.where('recordId').anyOf(rebased).toArray() : [];
  for (const e of pendingRows.sort((a, b) => a.mutationId - b.mutationId)) {
    const key = `${e.entity}|${e.recordId}`;
    pending.set(key, [...(pending.get(key) ?? []), e]);
  }
  const at = new Date().toISOString();
  const reindex = new Set<string>();
  const removedStartups: string[] = [];

  for (const entity of entities) {
    const mine = fresh.filter((r) => r.entity === entity);
    if (mine.length === 0) continue;
    const upserts = mine.filter((r) => r.record !== null && r.record !== undefined);
    const records = upserts.map((r) => rebase(r.record as object, pending.get(`${entity}|${r.recordId}`) ?? []));
    const table = db.table(tableOf[entity]);
    const befores = (await table.bulkGet(upserts.map((r) => r.recordId))) as (object | undefined)[];
    const write = await prepareWrite(db, entity, records, '', {
      reindex: false,
      befores: Promise.resolve(befores),
      relayed: { who: upserts.map((r) => r.who) },
      ...(entity === 'founder' && sealFounder ? { stored: sealFounder as (record: RecordOf<typeof entity>) => object } : {}),
    });
    await write.apply();
    noteReindex(entity, records, befores, reindex);
    await removeRecords(db, entity, mine.filter((r) => r.record === null || r.record === undefined), at, reindex, removedStartups);
    await replaceConflicts(db, mine);
    await versions.bulkPut(mine.map((r) => ({ entity, recordId: r.recordId, version: r.version, syncedAt: at })));
  }
  for (const move of moves) await moveStartup(db, move, reindex, removedStartups);
  if (reindex.size > 0) await rebuildStartupIndex(db, [...reindex]);
  if (removedStartups.length > 0) await db.startupIndex.bulkDelete(removedStartups);
}

/** The startups whose list rows a write of these records changes (a founder moved changes both). */
function noteReindex(entity: Entity, records: readonly object[], befores: readonly (object | undefined)[], into: Set<string>) {
  if (entity !== 'startup' && entity !== 'founder') return;
  records.forEach((r, i) => {
    const ref = entity === 'startup' ? (r as { id: string }).id : (r as { startupId: string }).startupId;
    into.add(ref);
    const before = befores[i] as { startupId?: string } | undefined;
    if (entity === 'founder' && before?.startupId) into.add(before.startupId);
  });
}

/** Tombstones: the record leaves the desk, its removal audited and taken out of the totals. */
async function removeRecords(db: DeskDb, entity: Entity, gone: readonly IncomingRecord[], at: string, reindex: Set<string>, removedStartups: string[]) {
  if (gone.length === 0) return;
  const table = db.table(tableOf[entity]);
  const ids = gone.map((r) => r.recordId);
  const befores = (await table.bulkGet(ids)) as ({ id: string; startupId?: string } | undefined)[];
  const present = gone.filter((_, i) => befores[i]);
  if (present.length === 0) return;
  await table.bulkDelete(present.map((r) => r.recordId));
  await db.audit.bulkAdd(present.map((r) => ({ at, who: r.who, entity, recordId: r.recordId, before: befores[ids.indexOf(r.recordId)], after: null })));
  if (movesTallies(entity)) await applyTallies(db.tallies, recordDelta(entity, befores.filter(Boolean).map((before) => ({ before, after: undefined }))));
  if (entity === 'startup') {
    for (const r of present) reindex.add(r.recordId);
    removedStartups.push(...present.map((r) => r.recordId));
  }
  if (entity === 'founder') for (const b of befores) if (b?.startupId) reindex.add(b.startupId);
}

/**
 * The same company admitted on two desks: the roster kept one startup. Everything this desk holds under
 * the other id moves to the standing one, written as the roster holds it (it rewrites the alias in every
 * mutation it judges), so no outbox entry; the absorbed startup leaves the desk.
 */
async function moveStartup(db: DeskDb, { from, to, who }: { from: string; to: string; who: string }, reindex: Set<string>, removedStartups: string[]) {
  const at = new Date().toISOString();
  for (const [entity, field] of startupRefs) {
    const rows = (await db.table(tableOf[entity]).where(field).equals(from).toArray()) as Record<string, unknown>[];
    if (rows.length === 0) continue;
    // Records as stored (a sealed founder stays sealed): moved as they are, not validated anew.
    await db.table(tableOf[entity]).bulkPut(rows.map((r) => ({ ...r, [field]: to })));
    await db.audit.bulkAdd(rows.map((r) => ({ at, who, entity, recordId: String(r.id), before: r, after: { ...r, [field]: to } })));
    if (movesTallies(entity)) await applyTallies(db.tallies, recordDelta(entity, rows.map((r) => ({ before: r, after: { ...r, [field]: to } }))));
  }
  const sessions = await db.sessions.where('startupIds').equals(from).toArray();
  if (sessions.length > 0) {
    const moved = sessions.map((s) => ({ ...s, startupIds: [...new Set(s.startupIds.map((id) => (id === from ? to : id)))] }));
    await db.sessions.bulkPut(moved);
    await db.audit.bulkAdd(sessions.map((s, i) => ({ at, who, entity: 'session', recordId: s.id, before: s, after: moved[i] })));
    await applyTallies(db.tallies, recordDelta('session', sessions.map((s, i) => ({ before: s, after: moved[i] }))));
  }
  const absorbed = await db.startups.get(from);
  if (absorbed) {
    await db.startups.delete(from);
    await db.audit.add({ at, who, entity: 'startup', recordId: from, before: absorbed, after: null });
    removedStartups.push(from);
  }
  await db.table('rosterVersions').delete(['startup', from]);
  await conflictTable(db).where('[entity+recordId]').equals(['startup', from]).delete();
  reindex.add(from);
  reindex.add(to);
}
