import { changesNothing } from '@core/identity';
import { templateSchema, type Startup } from '@core/records';
import type { OutboxEntry, PushResult, RosterChange } from '@core/sync/protocol';
import type { DeskDb } from './db';
import { keepPublishedSupportRules } from './publishedSupportRules';
import { rebuildStartupIndex } from './rebuildIndex';

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

export type SyncFailureKind = 'offline' | 'unconfigured' | 'auth' | 'refused' | 'server' | 'gap' | 'invalid';

export interface SyncErrorNote {
  at: string;
  kind: SyncFailureKind;
  detail: string;
}

export interface SyncStatus {
  rosterUrl?: string;
  cursor: number;
  lastSuccessAt?: string;
  lastError?: SyncErrorNote;
  pending: number;
  attention: number;
}

const keys = { rosterUrl: 'sync.rosterUrl', cursor: 'sync.cursor', lastSuccessAt: 'sync.lastSuccessAt', lastError: 'sync.lastError' } as const;

// The tables of schema v3, typed here so the shared DeskDb type needs no edit for them.
const attentionTable = (db: DeskDb) => db.table<AttentionItem, number>('syncAttention');
const versionTable = (db: DeskDb) => db.table<RosterVersion, [string, string]>('rosterVersions');

const now = () => new Date().toISOString();

export async function readSyncStatus(db: DeskDb): Promise<SyncStatus> {
  const [url, cursor, success, error] = await db.meta.bulkGet([keys.rosterUrl, keys.cursor, keys.lastSuccessAt, keys.lastError]);
  return {
    rosterUrl: url?.value as string | undefined,
    cursor: (cursor?.value as number | undefined) ?? 0,
    lastSuccessAt: success?.value as string | undefined,
    lastError: error?.value as SyncErrorNote | undefined,
    pending: await db.outbox.count(),
    attention: await attentionTable(db).count(),
  };
}

export const setRosterUrl = (db: DeskDb, url: string) => db.meta.put({ key: keys.rosterUrl, value: url });

export const pendingCount = (db: DeskDb) => db.outbox.count();

export const attentionItems = (db: DeskDb) => attentionTable(db).orderBy('mutationId').toArray();

export const rosterVersion = (db: DeskDb, entity: string, recordId: string) => versionTable(db).get([entity, recordId]);

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
  await db.transaction('rw', [db.outbox, attention, versionTable(db)], async () => {
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
  });
}

/** A record with fields set, those set to undefined removed (as Dexie's `update` does). */
function withFields<T extends object>(record: T, fields: Partial<T>): T {
  const next: Record<string, unknown> = { ...record, ...fields };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete next[k];
  return next as T;
}

/**
 * Applies a page of the roster's decisions and moves the cursor past it in the same transaction, so the
 * cursor never stands ahead of what was applied. These fields are the roster's: no outbox entry.
 */
export async function applyRosterChanges(db: DeskDb, changes: RosterChange[], cursor: number): Promise<void> {
  await db.transaction('rw', [db.startups, db.founders, db.startupIndex, db.tallies, db.carrier, db.templates, db.meta], async () => {
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
    await db.meta.put({ key: keys.cursor, value: cursor });
  });
}
