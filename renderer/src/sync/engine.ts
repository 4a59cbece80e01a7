import type { Mutation } from '@core/sync/protocol';
import { getCarrier } from '../store/carrier';
import type { DeskDb } from '../store/db';
import {
  applyPushResults,
  applyRosterChanges,
  applySnapshotPage,
  finishJoin,
  deskIdentity,
  type DeskIdentity,
  hasOutboxEntry,
  outboxBatch,
  pendingCount,
  readSyncStatus,
  recordSyncError,
  recordSyncSuccess,
  snapshotProgress,
  startSnapshot,
  type SnapshotProgress,
} from '../store/syncState';
import { pullPage, pushBatch, snapshotPage, type RosterEndpoint } from './client';
import { asFailure, SyncFailure } from './failure';

export const PUSH_BATCH = 200;
export const PULL_PAGE = 500;
export const SNAPSHOT_PAGE = 1000;

export interface SyncContext {
  db: DeskDb;
  /** The roster's address and this carrier's token; throws `unconfigured` when either is missing. */
  endpoint(): Promise<RosterEndpoint>;
}

const toMutation = ({ mutationId, entity, recordId, op, record, createdAt, baseVersion, fields, by, resolves }: Mutation): Mutation => ({
  mutationId,
  entity,
  recordId,
  op,
  record,
  createdAt,
  ...(baseVersion === undefined ? {} : { baseVersion }),
  ...(fields ? { fields } : {}),
  ...(by === undefined ? {} : { by }),
  ...(resolves ? { resolves } : {}),
});

/** Sends the outbox oldest first until it is empty; every answer is stored before the next batch goes. */
async function pushAll(db: DeskDb, endpoint: RosterEndpoint, carrierCode: string, desk: DeskIdentity): Promise<void> {
  let from = 0;
  for (;;) {
    const [batch, pending] = await Promise.all([outboxBatch(db, PUSH_BATCH, from), pendingCount(db)]);
    if (batch.length === 0) return;
    const reply = await pushBatch(endpoint, {
      carrierCode,
      clientId: batch[0]!.clientId,
      mutations: batch.map(toMutation),
      ...(desk.deskName ? { deskName: desk.deskName } : {}),
      pending,
    });
    await applyPushResults(db, batch, reply.results);
    const expected = reply.expectedMutationId;
    if (expected === undefined) {
      if (reply.results.length === 0) throw new SyncFailure('invalid', 'the roster answered a batch without results');
      from = 0;
    } else if (await hasOutboxEntry(db, expected)) {
      from = expected;
    } else {
      // The roster lost changes it had acknowledged (restored from an old backup): the desk cannot resend them.
      throw new SyncFailure('gap', String(expected));
    }
  }
}

/**
 * The carrier's whole state, page by page, each page stored with where the snapshot stands (so an
 * interrupted one resumes where it stopped); the last moves the pull cursor to the snapshot's.
 */
async function snapshotAll(db: DeskDb, endpoint: RosterEndpoint): Promise<void> {
  const progress = await snapshotProgress(db);
  if (!progress) return;
  // A join that starts here sums the totals as its pages go in; one resumed derives them at the end.
  const joinTotals = progress.joining && progress.done === 0 && progress.derivingTo === undefined ? new Map<string, number>() : undefined;
  const last = progress.derivingTo === undefined ? await loadPages(db, endpoint, progress, joinTotals) : progress;
  if (last?.derivingTo !== undefined) await finishJoin(db, last.derivingTo, joinTotals);
}

async function loadPages(db: DeskDb, endpoint: RosterEndpoint, progress: SnapshotProgress, joinTotals: Map<string, number> | undefined): Promise<SnapshotProgress | undefined> {
  let page = await snapshotPage(endpoint, progress.after, SNAPSHOT_PAGE);
  for (;;) {
    // The next page is asked for while this one is stored: the roster and the desk's database work at
    // the same time. A failed ask surfaces when the loop reaches it (or not at all, if storing failed first).
    const coming = page.next === null ? undefined : snapshotPage(endpoint, page.next, SNAPSHOT_PAGE);
    coming?.catch(() => {});
    const next = await applySnapshotPage(db, page, progress, joinTotals);
    if (!next || !coming) return next;
    progress = next;
    page = await coming;
  }
}

/**
 * Applies the roster's decisions and the other desks' records page by page; each page moves the cursor
 * with it. A cursor the roster compacted away: the desk loads a snapshot (its outbox kept) and pulls on.
 */
async function pullAll(db: DeskDb, endpoint: RosterEndpoint, clientId: string): Promise<void> {
  try {
    await pullFrom(db, endpoint, clientId);
  } catch (error) {
    if (!(error instanceof SyncFailure && error.kind === 'compacted')) throw error;
    await startSnapshot(db, false);
    await snapshotAll(db, endpoint);
    await pullFrom(db, endpoint, clientId);
  }
}

async function pullFrom(db: DeskDb, endpoint: RosterEndpoint, clientId: string): Promise<void> {
  let cursor = (await readSyncStatus(db)).cursor;
  for (;;) {
    const page = await pullPage(endpoint, cursor, PULL_PAGE, clientId);
    // Never this desk's own changes back (the roster leaves them out; a desk of the same id restored elsewhere would not).
    const changes = page.changes.filter((c) => c.kind !== 'record' || c.origin.clientId !== clientId);
    if (page.changes.length > 0 || page.cursor !== cursor) await applyRosterChanges(db, changes, page.cursor);
    if (!page.more || page.cursor === cursor) return;
    cursor = page.cursor;
  }
}

/** One full round: push everything pending, then pull everything new. The outcome is recorded either way. */
export async function syncOnce({ db, endpoint }: SyncContext): Promise<void> {
  try {
    const target = await endpoint();
    const desk = await deskIdentity(db);
    // A desk that joined has its carrier's code before the carrier's profile arrives with the snapshot.
    const carrierCode = (await getCarrier(db))?.rosterCode ?? desk.carrierCode;
    if (!carrierCode) throw new SyncFailure('unconfigured', 'rosterCode');
    await snapshotAll(db, target);
    try {
      await pushAll(db, target, carrierCode, desk);
    } catch (error) {
      // A carrier the roster removed (移出) may no longer push but may still pull: that is how its desk
      // learns the decision. The refusal is still what this round reports.
      if (error instanceof SyncFailure && error.kind === 'auth') await pullAll(db, target, desk.clientId).catch(() => undefined);
      throw error;
    }
    await pullAll(db, target, desk.clientId);
    await recordSyncSuccess(db);
  } catch (error) {
    const failure = asFailure(error);
    await recordSyncError(db, { kind: failure.kind, detail: failure.detail });
    throw failure;
  }
}
