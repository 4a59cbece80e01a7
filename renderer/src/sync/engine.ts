import type { Mutation } from '@core/sync/protocol';
import { getCarrier } from '../store/carrier';
import type { DeskDb } from '../store/db';
import {
  applyPushResults,
  applyRosterChanges,
  hasOutboxEntry,
  outboxBatch,
  readSyncStatus,
  recordSyncError,
  recordSyncSuccess,
} from '../store/syncState';
import { pullPage, pushBatch, type RosterEndpoint } from './client';
import { asFailure, SyncFailure } from './failure';

export const PUSH_BATCH = 200;
export const PULL_PAGE = 500;

export interface SyncContext {
  db: DeskDb;
  /** The roster's address and this carrier's token; throws `unconfigured` when either is missing. */
  endpoint(): Promise<RosterEndpoint>;
}

const toMutation = ({ mutationId, entity, recordId, op, record, createdAt }: Mutation): Mutation => ({ mutationId, entity, recordId, op, record, createdAt });

/** Sends the outbox oldest first until it is empty; every answer is stored before the next batch goes. */
async function pushAll(db: DeskDb, endpoint: RosterEndpoint, carrierCode: string): Promise<void> {
  let from = 0;
  for (;;) {
    const batch = await outboxBatch(db, PUSH_BATCH, from);
    if (batch.length === 0) return;
    const reply = await pushBatch(endpoint, { carrierCode, clientId: batch[0]!.clientId, mutations: batch.map(toMutation) });
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

/** Applies the roster's decisions page by page; each page moves the cursor with it. */
async function pullAll(db: DeskDb, endpoint: RosterEndpoint): Promise<void> {
  let cursor = (await readSyncStatus(db)).cursor;
  for (;;) {
    const page = await pullPage(endpoint, cursor, PULL_PAGE);
    if (page.changes.length > 0 || page.cursor !== cursor) await applyRosterChanges(db, page.changes, page.cursor);
    if (!page.more || page.cursor === cursor) return;
    cursor = page.cursor;
  }
}

/** One full round: push everything pending, then pull everything new. The outcome is recorded either way. */
export async function syncOnce({ db, endpoint }: SyncContext): Promise<void> {
  try {
    const target = await endpoint();
    const carrierCode = (await getCarrier(db))?.rosterCode;
    if (!carrierCode) throw new SyncFailure('unconfigured', 'rosterCode');
    try {
      await pushAll(db, target, carrierCode);
    } catch (error) {
      // A carrier the roster removed (移出) may no longer push but may still pull: that is how its desk
      // learns the decision. The refusal is still what this round reports.
      if (error instanceof SyncFailure && error.kind === 'auth') await pullAll(db, target).catch(() => undefined);
      throw error;
    }
    await pullAll(db, target);
    await recordSyncSuccess(db);
  } catch (error) {
    const failure = asFailure(error);
    await recordSyncError(db, { kind: failure.kind, detail: failure.detail });
    throw failure;
  }
}
