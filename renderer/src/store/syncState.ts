import { changesNothing } from '@core/identity';
import { templateSchema, type Entity, type Founder, type Startup } from '@core/records';
import type { OutboxEntry, PushResult, RosterChange, SnapshotResponse } from '@core/sync/protocol';
import type { DeskDb } from './db';
import { keepPublishedSupportRules } from './publishedSupportRules';
import { rebuildDerived, rebuildStartupIndex, rebuildTotals } from './rebuildIndex';
import { storeJoinedRecords } from './joinedRecords';
import { replaceConflicts } from './conflicts';
import { applyIncoming, relayedWho, relayTables, sealerFor, type IncomingRecord } from './relay';
import { heldVersions } from './rosterVersions';
import type { StoredFounder } from './sealing';

/** A change the roster refused, kept with its reason until a later save of the same record is accepted. */
export interface AttentionItem {
  mutationId: number;
  entity: string;
  recordId: string;
  /** The refused record as sent, so the list can name it and link to where it is fixed. */
  record: unknown;
  reason: string;
  rejectedAt: string;
}

/** The roster's version of a record after it accepted the desk's latest change. */
export interface RosterVersion {
  entity: string;
  recordId: string;
  version: number;
  syncedAt: string;
}

export type SyncFailureKind = 'offline' | 'unconfigured' | 'auth' | 'revoked' | 'joinCode' | 'compacted' | 'refused' | 'server' | 'gap' | 'invalid';

export interface SyncErrorNote {
  at: string;
  kind: SyncFailureKind;
  detail: string;
}

export interface SyncStatus {
  rosterUrl?: string;
  deskName?: string;
  cursor: number;
  lastSuccessAt?: string;
  lastError?: SyncErrorNote;
  pending: number;
  attention: number;
}

const keys = { rosterUrl: 'sync.rosterUrl', cursor: 'sync.cursor', lastSuccessAt: 'sync.lastSuccessAt', lastError: 'sync.lastError', deskName: 'sync.deskName', carrierCode: 'sync.carrierCode', snapshot: 'sync.snapshot' } as const;

// The tables of schema v3, typed here so the shared DeskDb type needs no edit for them.
const attentionTable = (db: DeskDb) => db.table<AttentionItem, number>('syncAttention');
const versionTable = (db: DeskDb) => db.table<RosterVersion, [string, string]>('rosterVersions');

const now = () => new Date().toISOString();

export async function readSyncStatus(db: DeskDb): Promise<SyncStatus> {
  const [url, cursor, success, error, deskName] = await db.meta.bulkGet([keys.rosterUrl, keys.cursor, keys.lastSuccessAt, keys.lastError, keys.deskName]);
  return {
    rosterUrl: url?.value as string | undefined,
    deskName: deskName?.value as string | undefined,
    cursor: (cursor?.value as number | undefined) ?? 0,
    lastSuccessAt: success?.value as string | undefined,
    lastError: error?.value as SyncErrorNote | undefined,
    pending: await db.outbox.count(),
    attention: await attentionTable(db).count(),
  };
}

export const setRosterUrl = (db: DeskDb, url: string) => db.meta.put({ key: keys.rosterUrl, value: url });

/** This desk as the carrier's other desks see it: its id (the outbox's clientId) and the name the manager gave it. */
export interface DeskIdentity {
  clientId: string;
  deskName?: string;
  /** The carrier this desk joined (its profile arrives with the snapshot and names it too). */
  carrierCode?: string;
}

/** The desk's id, made and kept on first need (a joining desk needs it before it has written anything). */
export async function deskIdentity(db: DeskDb): Promise<DeskIdentity> {
  return db.transaction('rw', db.meta, async () => {
    const [client, name, carrier] = await db.meta.bulkGet(['clientId', keys.deskName, keys.carrierCode]);
    let clientId = client?.value as string | undefined;
    if (!clientId) {
      clientId = crypto.randomUUID();
      await db.meta.put({ key: 'clientId', value: clientId });
    }
    return { clientId, deskName: name?.value as string | undefined, carrierCode: carrier?.value as string | undefined };
  });
}

export const setDeskName = (db: DeskDb, name: string) => db.meta.put({ key: keys.deskName, value: name });
export const setJoinedCarrier = (db: DeskDb, carrierCode: string) => db.meta.put({ key: keys.carrierCode, value: carrierCode });
export const setCursor = (db: DeskDb, cursor: number) => db.meta.put({ key: keys.cursor, value: cursor });

export const pendingCount = (db: DeskDb) => db.outbox.count();

export const attentionItems = (db: DeskDb) => attentionTable(db).orderBy('mutationId').toArray();

export const rosterVersion = async (db: DeskDb, entity: string, recordId: string) => (await heldVersions(db, [{ entity, recordId }]))[0]!;

export const recordSyncSuccess = (db: DeskDb, at = now()) =>
  db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: keys.lastSuccessAt, value: at });
    await db.meta.delete(keys.lastError);
  });

export const recordSyncError = (db: DeskDb, note: Omit<SyncErrorNote, 'at'>, at = now()) =>
  db.meta.put({ key: keys.lastError, value: { ...note, at } satisfies SyncErrorNote });

/**
 * The oldest unsent changes, at most `limit`, as one run of consecutive ids of one desk: the roster
 * refuses a batch whose ids skip or repeat.
 */
export async function outboxBatch(db: DeskDb, limit: number, fromMutationId = 0): Promise<OutboxEntry[]> {
  const entries = await db.outbox.where('mutationId').aboveOrEqual(fromMutationId).limit(limit).toArray();
  const run = entries.findIndex((e, i) => i > 0 && (e.mutationId !== entries[i - 1]!.mutationId + 1 || e.clientId !== entries[0]!.clientId));
  return run < 0 ? entries : entries.slice(0, run);
}

export const hasOutboxEntry = async (db: DeskDb, mutationId: number) => (await db.outbox.where('mutationId').equals(mutationId).count()) > 0;

/**
 * The roster's answers, all in one transaction: accepted (applied or seen before) entries leave the
 * outbox with the version the roster holds; refused ones move to the attention list. Either way an
 * older refusal of the same record is settled, since the newer change supersedes it.
 */
export async function applyPushResults(db: DeskDb, sent: OutboxEntry[], results: PushResult[], at = now()): Promise<void> {
  const byId = new Map(sent.map((e) => [e.mutationId, e]));
  const attention = attentionTable(db);
  const merged = mergedOnRoster(results, byId);
  const sealFounder = await sealerFor(db, merged);
  await db.transaction('rw', [...relayTables(db), attention], async () => {
    const open = await attention.toArray();
    const answered: number[] = [];
    const refused: AttentionItem[] = [];
    const settled = new Set<number>();
    const versions: RosterVersion[] = [];
    for (const result of results) {
      const entry = byId.get(result.mutationId);
      if (!entry) continue;
      answered.push(entry.seq!);
      for (const a of open) if (a.entity === entry.entity && a.recordId === entry.recordId && a.mutationId < entry.mutationId) settled.add(a.mutationId);
      if (result.status === 'rejected') {
        const item: AttentionItem = { mutationId: entry.mutationId, entity: entry.entity, recordId: entry.recordId, record: entry.record, reason: result.reason ?? '', rejectedAt: at };
        refused.push(item);
        open.push(item);
      } else if (result.version !== undefined) {
        versions.push({ entity: entry.entity, recordId: entry.recordId, version: result.version, syncedAt: at });
      }
    }
    // In bulk, not a round trip per answer (a batch of 500 took seconds at 100,000 startups), and by
    // primary key (`anyOf` walks a cursor). Refusals go in before the settled ones go out: a refusal
    // settled later in the same batch is removed.
    await db.outbox.bulkDelete(answered);
    await attention.bulkPut(refused);
    await attention.bulkDelete([...settled]);
    await versionTable(db).bulkPut(versions);
    const mergedIds = new Set(merged.map((m) => m.mutationId));
    await replaceConflicts(
      db,
      results.flatMap((result) => {
        const entry = byId.get(result.mutationId);
        return entry && result.status === 'applied' && !mergedIds.has(result.mutationId) ? [{ entity: entry.entity, recordId: entry.recordId, conflicts: result.conflicts ?? [] }] : [];
      }),
    );
    await applyIncoming(db, merged, { skipHeld: false, sealFounder });
  });
}

/** The audit's who for a record the roster merged (with another desk's edit, or into an earlier admission). */
export const MERGED_ON_ROSTER = '@roster';

/** Accepted entries whose record the roster holds otherwise than sent (`record`, or a `recordId` that stands for it). */
function mergedOnRoster(results: PushResult[], sent: Map<number, OutboxEntry>): (IncomingRecord & { mutationId: number })[] {
  return results.flatMap((result) => {
    const entry = sent.get(result.mutationId);
    if (!entry || result.status !== 'applied') return [];
    const moved = result.recordId !== undefined && result.recordId !== entry.recordId;
    if (result.record === undefined && !moved) return [];
    return [{
      mutationId: result.mutationId,
      entity: entry.entity as Entity,
      recordId: moved ? result.recordId! : entry.recordId,
      record: result.record === undefined ? entry.record : result.record,
      version: result.version ?? 0,
      conflicts: result.conflicts ?? [],
      who: MERGED_ON_ROSTER,
      ...(moved ? { absorbed: entry.recordId } : {}),
    }];
  });
}

/** A record with fields set, those set to undefined removed (as Dexie's `update` does). */
function withFields<T extends object>(record: T, fields: Partial<T>): T {
  const next: Record<string, unknown> = { ...record, ...fields };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete next[k];
  return next as T;
}

/** The pulled records of other desks, as incoming records. */
const recordsOf = (changes: readonly RosterChange[]) =>
  changes.flatMap((c): IncomingRecord[] =>
    c.kind === 'record'
      ? [{ entity: c.entity as Entity, recordId: c.recordId, record: c.op === 'delete' ? null : c.record, version: c.version, conflicts: c.conflicts, who: relayedWho(c.origin), absorbed: c.absorbed }]
      : [],
  );

/**
 * Applies a page of the roster's decisions and moves the cursor past it in the same transaction, so the
 * cursor never stands ahead of what was applied. Neither the roster's fields nor other desks' records make outbox entries.
 */
export async function applyRosterChanges(db: DeskDb, changes: RosterChange[], cursor: number): Promise<void> {
  const records = recordsOf(changes);
  const sealFounder = await sealerFor(db, records);
  await db.transaction('rw', relayTables(db), async () => {
    await applyChangesInTx(db, changes, records, sealFounder);
    await db.meta.put({ key: keys.cursor, value: cursor });
  });
}

/** Inside a transaction over `relayTables`. */
async function applyChangesInTx(db: DeskDb, changes: readonly RosterChange[], records: IncomingRecord[], sealFounder: ((f: Founder) => StoredFounder) | undefined) {
  // Other desks' records first: the decisions below are the roster's own fields, laid over them.
  await applyIncoming(db, records, { skipHeld: true, sealFounder });
  // A startup's fields, later changes over earlier ones, written in one bulk request rather than a
  // round trip per change.
  const startupFields = new Map<string, Partial<Startup>>();
  const set = (id: string, fields: Partial<Startup>) => startupFields.set(id, { ...startupFields.get(id), ...fields });
  for (const c of changes) {
    switch (c.kind) {
      case 'rosterId':
        set(c.startupId, { rosterId: c.rosterId });
        break;
      case 'verification':
        set(c.startupId, { verification: c.result, verificationNote: c.note });
        break;
      case 'keyProject':
        set(c.startupId, { keyProjectDesignated: c.designated });
        break;
      case 'carrierStatus':
        await db.carrier.update('carrier', { rosterStatus: c.status });
        break;
      case 'template':
        // Validated by the roster with the same schema; a template this desk cannot read stops the pull visibly.
        await db.templates.put({ ...templateSchema.parse(c.template), published: true });
        break;
      case 'supportRules':
        await keepPublishedSupportRules(db, c.province, c.rules);
        break;
    }
  }
  const ids = [...startupFields.keys()];
  if (ids.length) {
    // A change for a startup this desk does not hold (removed since) is dropped, as `update` would.
    // A decision the desk already holds (a page pulled again) changes nothing and writes nothing.
    const held = (await db.startups.bulkGet(ids)).filter((s): s is Startup => !!s);
    const changed = held.map((s) => [s, withFields(s, startupFields.get(s.id)!)] as const).filter(([before, after]) => !changesNothing(before, after));
    if (changed.length > 0) {
      await db.startups.bulkPut(changed.map(([, after]) => after));
      await rebuildStartupIndex(db, changed.map(([s]) => s.id));
    }
  }
}

/** Where a snapshot being loaded stands (kept until its last page is in, so an interrupted one resumes). */
export interface SnapshotProgress {
  after: string | null;
  done: number;
  total?: number;
  /** A desk that joined: it shows the load, not its records, until the last page is in. */
  joining: boolean;
  /** A joining desk holds every page: its list rows and totals are being derived, then it pulls from this cursor. */
  derivingTo?: number;
}

export const snapshotProgress = async (db: DeskDb) => (await db.meta.get(keys.snapshot))?.value as SnapshotProgress | undefined;
/** A joined desk, or one whose cursor the roster compacted away, loads the carrier's state anew. */
export const startSnapshot = (db: DeskDb, joining: boolean) => db.meta.put({ key: keys.snapshot, value: { after: null, done: 0, joining } satisfies SnapshotProgress });

/**
 * One snapshot page, and where the snapshot stands, in one transaction. After the last page the pull
 * cursor moves to where the snapshot stands and the snapshot is done; a joining desk first writes its
 * totals (`finishJoin`). `joinTotals`: what the pages stored so far add to the totals (a join that ran
 * from its first page), to which this page's part is added once it is in.
 */
export async function applySnapshotPage(db: DeskDb, page: SnapshotResponse, progress: SnapshotProgress, joinTotals?: Map<string, number>): Promise<SnapshotProgress | undefined> {
  const records = page.records.map((r): IncomingRecord => ({ entity: r.entity as Entity, recordId: r.recordId, record: r.record, version: r.version, conflicts: r.conflicts, who: MERGED_ON_ROSTER }));
  const decisions = page.decisions ?? [];
  const sealFounder = await sealerFor(db, [...records, ...recordsOf(decisions)]);
  const pageTotals = new Map<string, number>();
  const next = await db.transaction('rw', relayTables(db), async () => {
    if (progress.joining) await storeJoinedRecords(db, records, pageTotals, sealFounder);
    else await applyIncoming(db, records, { skipHeld: true, sealFounder });
    if (decisions.length > 0) await applyChangesInTx(db, decisions, recordsOf(decisions), sealFounder);
    if (page.next === null && !progress.joining) {
      await db.meta.put({ key: keys.cursor, value: page.cursor });
      await db.meta.delete(keys.snapshot);
      return undefined;
    }
    const next: SnapshotProgress = { ...progress, after: page.next, done: progress.done + records.length, total: page.total, ...(page.next === null ? { derivingTo: page.cursor } : {}) };
    await db.meta.put({ key: keys.snapshot, value: next });
    return next;
  });
  if (joinTotals) for (const [key, n] of pageTotals) joinTotals.set(key, (joinTotals.get(key) ?? 0) + n);
  return next;
}

/**
 * A joined desk's kept totals, once it holds every page: from the pages' sums when the join ran from its
 * first page in this session, else derived anew from all it holds (as after a restore). In a transaction
 * of its own, so the page can say meanwhile that the records are in. Then the desk pulls on from the
 * snapshot's cursor.
 */
export async function finishJoin(db: DeskDb, cursor: number, joinTotals?: ReadonlyMap<string, number>): Promise<void> {
  await db.transaction('rw', relayTables(db), async () => {
    if (joinTotals) await rebuildTotals(db, joinTotals);
    else await rebuildDerived(db);
    await db.meta.put({ key: keys.cursor, value: cursor });
    await db.meta.delete(keys.snapshot);
  });
}
