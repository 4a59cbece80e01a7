import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startRosterProcess, type RosterProcess } from '../test/support/rosterProcess';
import { createCarrier } from './admin/actions';
import { syncClient } from './client';
import { type OpenStore, openStore } from './db/open';
import { inBatches, startupUpserts } from './fixtures';
import { backends, type FreshDatabase } from './testing/backends';
import { lastMutationId, storedRecords } from './testing/inspect';

const clientId = 'desk-crash-0001';
const carrierCode = 'C-CRASH';
const batchSize = 100;
const batches = 5;

describe.each(backends)('roster killed mid-batch on $name', (backend) => {
  let database: FreshDatabase | undefined;
  let store: OpenStore | undefined;
  let service: RosterProcess | undefined;
  afterEach(async () => {
    await service?.kill('SIGKILL');
    await store?.close();
    await database?.dispose();
  });

  it('leaves each batch applied or not, and a resend completes the rest exactly once', { timeout: 120_000 }, async () => {
    database = await backend.fresh();
    store = await openStore(database.location);
    const { token } = await createCarrier(store, { code: carrierCode, name: '崩溃测试载体' });
    const mutations = startupUpserts(1, batchSize * batches, (id) => `s${String(id).padStart(4, '0')}`);
    const outbox = inBatches(mutations, batchSize);

    // Each batch's transaction is held open 1 s after its records are written, so the kill lands inside one.
    service = await startRosterProcess(database.flags, { ROSTER_TEST_APPLY_DELAY_MS: '1000' });
    const first = syncClient(service.url, token);
    const answered = (async () => {
      for (const batch of outbox) await first.push({ carrierCode, clientId, mutations: batch });
    })().then(
      () => true,
      () => false,
    );
    while ((await lastMutationId(store, carrierCode, clientId)) < 2 * batchSize) await sleep(20);
    await service.kill('SIGKILL');
    expect(await answered).toBe(false);

    // Cursor and records agree on a batch boundary: the batch in flight left nothing behind.
    const appliedBeforeKill = await lastMutationId(store, carrierCode, clientId);
    expect(appliedBeforeKill % batchSize).toBe(0);
    expect(appliedBeforeKill).toBeGreaterThan(0);
    expect(appliedBeforeKill).toBeLessThan(batchSize * batches);
    expect(await storedRecords(store, carrierCode)).toHaveLength(appliedBeforeKill);

    // The desk heard nothing for the batch in flight, so it resends its whole outbox to a restarted service.
    service = await startRosterProcess(database.flags);
    const desk = syncClient(service.url, token);
    const statuses: string[] = [];
    for (const batch of outbox) statuses.push(...(await desk.push({ carrierCode, clientId, mutations: batch })).results.map((r) => r.status));
    expect(statuses.slice(0, appliedBeforeKill).every((s) => s === 'duplicate')).toBe(true);
    expect(statuses.slice(appliedBeforeKill).every((s) => s === 'applied')).toBe(true);

    const records = await storedRecords(store, carrierCode);
    expect(records.map((r) => r.record_id)).toEqual(mutations.map((m) => m.recordId));
    expect(records.every((r) => r.version === 1)).toBe(true);
    const rosterIds = (await desk.pull(0, 1000)).changes.flatMap((c) => (c.kind === 'rosterId' ? [c.startupId] : []));
    expect(rosterIds.toSorted()).toEqual(mutations.map((m) => m.recordId));
  });
});
