import { setTimeout as sleep } from 'node:timers/promises';
import { type Mutation, type PushResult, pushResponseSchema } from '@core/sync/protocol';
import { send } from '../client';
import type { Store } from '../db/schema';
import { creditCodeFor, inBatches, startupUpserts } from '../fixtures';
import { lastMutationId, storedRecords } from './inspect';

/** One simulated desk: what it is, and the last mutation id the roster has answered. */
export interface Desk {
  carrierCode: string;
  clientId: string;
  token: string;
  /** Prefix of this desk's startup ids, so two desks of one carrier never edit each other's records. */
  records: string;
  lastAnswered: number;
}

/**
 * The desk's outbox, the same on every call: mutation n creates startup `<records>s<n>`, except every
 * 100th, which edits the desk's first startup again, so a batch applied twice or out of order shows in
 * that record's version and name.
 */
const recordOf = (desk: Desk, mutationId: number) => `${desk.records}s${mutationId % 100 === 0 ? 1 : mutationId}`;

/**
 * Each desk admits companies of its own: two desks of one carrier sending one credit code would be the
 * same company admitted twice, merged into one startup (ROSTER-SYNC.md "Several desks"). The desk's
 * prefix picks its range of codes (prefixes of one carrier's desks must fold to different numbers: 'w1',
 * 'w2', 'a1' … do).
 */
const companyRange = (desk: Desk) => ([...desk.records].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 0) % 1000) * 1_000_000;

/**
 * A desk sends records as its schemas stored them: `updatedAt` in the form the schema gives it, so the
 * roster holds what was sent and answers without the record (the fixture's `…T08:00:00Z` would be
 * normalized and every record sent back).
 */
export const deskMutations = (desk: Desk, firstId: number, count: number): Mutation[] =>
  startupUpserts(firstId, count, (id) => recordOf(desk, id), desk.records).map((m) => ({
    ...m,
    record: { ...(m.record as object), updatedAt: '2026-03-01T08:00:00.000Z', creditCode: creditCodeFor(companyRange(desk) + m.mutationId) },
  }));

/** Where to send: a function, because the bench restarts the service on another port. */
export type Target = () => string;

/**
 * Pushes one batch as a desk does: a transport error or a 5xx (the service was killed, the proxy found
 * it gone) is retried with the same batch until answered, so whatever the roster applied is answered
 * `duplicate` the second time. Anything else is a bug of the bench or the service and is thrown.
 */
export async function pushUntilAnswered(target: Target, desk: Desk, mutations: Mutation[]): Promise<PushResult[]> {
  const body = { carrierCode: desk.carrierCode, clientId: desk.clientId, mutations };
  for (;;) {
    const reply = await send(target(), 'POST', '/v1/sync/push', desk.token, body).catch(() => undefined);
    if (reply === undefined || reply.status >= 500) {
      await sleep(50);
      continue;
    }
    if (reply.status !== 200) throw new Error(`desk ${desk.clientId}: push answered ${reply.status} ${JSON.stringify(reply.body)}`);
    const { results } = pushResponseSchema.parse(reply.body);
    desk.lastAnswered = mutations.at(-1)!.mutationId;
    return results;
  }
}

export interface ExactlyOnce {
  /** Mutations resent, and how many of them were not answered `duplicate`. */
  resent: number;
  notDuplicate: number;
  /** Startups the desks sent that the database does not hold as sent (or a cursor behind the desk). */
  lost: number;
  /** Records whose version counts more edits than the desks made. */
  doubled: number;
  /** Records edited more than once whose stored state is not the desk's last edit. */
  outOfOrder: number;
  /** Roster ids not numbered 1…n per carrier, one per startup. */
  badRosterIds: number;
}

export const exactlyOnceHolds = (c: ExactlyOnce): boolean =>
  c.notDuplicate + c.lost + c.doubled + c.outOfOrder + c.badRosterIds === 0;

export const describeExactlyOnce = (c: ExactlyOnce): string =>
  `${exactlyOnceHolds(c) ? 'holds' : 'BROKEN'}: resent ${c.resent.toLocaleString('en-US')} → ${c.notDuplicate} not duplicate; ` +
  `lost ${c.lost}, doubled ${c.doubled}, out of order ${c.outOfOrder}, bad roster ids ${c.badRosterIds}`;

/**
 * After a run: every desk resends its whole outbox (all must be `duplicate`), then the database's own
 * rows are held against what the desks sent: each cursor at the desk's last id, each startup there
 * once with as many versions as edits and the last edit's content, and one roster id per startup.
 */
export async function checkExactlyOnce(store: Store, target: Target, desks: Desk[]): Promise<ExactlyOnce> {
  const check: ExactlyOnce = { resent: 0, notDuplicate: 0, lost: 0, doubled: 0, outOfOrder: 0, badRosterIds: 0 };
  await Promise.all(
    desks.map(async (desk) => {
      const sent = desk.lastAnswered;
      for (const batch of inBatches(deskMutations(desk, 1, sent), 500)) {
        const results = await pushUntilAnswered(target, desk, batch);
        check.resent += batch.length;
        check.notDuplicate += results.filter((r) => r.status !== 'duplicate').length;
      }
      desk.lastAnswered = sent;
      if ((await lastMutationId(store, desk.carrierCode, desk.clientId)) !== sent) check.lost++;
    }),
  );
  for (const carrierCode of new Set(desks.map((d) => d.carrierCode))) {
    const expected = new Map<string, { edits: number; name: string }>();
    for (const desk of desks.filter((d) => d.carrierCode === carrierCode)) {
      for (const m of deskMutations(desk, 1, desk.lastAnswered)) {
        const name = String((m.record as { name: string }).name);
        expected.set(m.recordId, { edits: (expected.get(m.recordId)?.edits ?? 0) + 1, name });
      }
    }
    const stored = new Map((await storedRecords(store, carrierCode)).map((r) => [r.record_id, r]));
    for (const [recordId, { edits, name }] of expected) {
      const row = stored.get(recordId);
      if (!row) check.lost++;
      else if (row.version > edits) check.doubled++;
      else if (row.version < edits) check.lost++;
      else if (row.data?.name !== name) check.outOfOrder++;
    }
    check.doubled += [...stored.keys()].filter((id) => !expected.has(id)).length;
    const numbers = (await store.db.selectFrom('roster_ids').select('number').where('carrier_code', '=', carrierCode).execute()).map((r) => r.number);
    const sorted = numbers.toSorted((a, b) => a - b);
    check.badRosterIds += Math.abs(numbers.length - expected.size) + sorted.filter((n, i) => n !== i + 1).length;
  }
  return check;
}
