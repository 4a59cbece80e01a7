import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mutation } from '@core/sync/protocol';
import { startRosterProcess, type RosterProcess } from '../test/support/rosterProcess';
import { createCarrier } from './admin/actions';
import { type OpenStore, openStore } from './db/open';
import { inBatches, startupRecord } from './fixtures';
import { backends, type FreshDatabase } from './testing/backends';
import { type Desk, pushUntilAnswered } from './testing/deskLoad';
import { lastMutationId, storedRecords } from './testing/inspect';

const carrierCode = 'C-DESKS-CRASH';
const startups = 30;
const batches = 4;
/** Each desk's own field, and the one field all three edit. */
const ownField = ['contactName', 'feeWaiverBasis', 'keyProjectCadre'] as const;
const startupId = (i: number) => `s${String(i).padStart(2, '0')}`;

/**
 * Desk k's offline outbox: in each batch it edits every startup once from version 1 (it saw nothing
 * since), its own field and the room, which all three desks edit. Batch j's values name the desk and j.
 */
function outbox(k: number): Mutation[] {
  return Array.from({ length: batches * startups }, (_, n) => {
    const i = n % startups;
    const j = Math.floor(n / startups);
    const record = { ...startupRecord(startupId(i), i + 1), room: `D${k}-${j}`, [ownField[k]!]: `桌${k}第${j}批` };
    return { mutationId: n + 1, entity: 'startup', recordId: startupId(i), op: 'upsert', record, createdAt: 'now', baseVersion: 1, fields: ['room', ownField[k]!] };
  });
}

describe.each(backends)('three desks of one carrier, the roster killed twice mid-sync, on $name', (backend) => {
  let database: FreshDatabase | undefined;
  let store: OpenStore | undefined;
  let service: RosterProcess | undefined;
  afterEach(async () => {
    await service?.kill('SIGKILL');
    await store?.close();
    await database?.dispose();
  });

  it('applies every mutation of every desk once, merges their fields and relays each once', { timeout: 180_000 }, async () => {
    database = await backend.fresh();
    store = await openStore(database.location);
    const { token } = await createCarrier(store, { code: carrierCode, name: '多台崩溃测试载体' });
    const desks: Desk[] = [0, 1, 2].map((k) => ({ carrierCode, clientId: `desk-crash-${k}`, token, records: '', lastAnswered: 0 }));
    const admitter: Desk = { carrierCode, clientId: 'desk-crash-admit', token, records: '', lastAnswered: 0 };
    const outboxes = desks.map((_, k) => inBatches(outbox(k), startups));
    const url = { current: '' };

    service = await startRosterProcess(database.flags);
    url.current = service.url;
    const admitted = Array.from({ length: startups }, (_, i) => ({
      mutationId: i + 1,
      entity: 'startup',
      recordId: startupId(i),
      op: 'upsert' as const,
      record: startupRecord(startupId(i), i + 1),
      createdAt: 'now',
    }));
    await pushUntilAnswered(() => url.current, admitter, admitted);
    await service.kill('SIGKILL');

    // Each batch's transaction is held open 1 s after its records are written, so a kill lands inside one.
    const sync = () =>
      Promise.all(desks.map(async (desk, k) => {
        for (const batch of outboxes[k]!) await pushUntilAnswered(() => url.current, desk, batch);
      }));
    let syncing: Promise<unknown> | undefined;
    for (const atLeast of [startups, 2 * startups]) {
      service = await startRosterProcess(database.flags, { ROSTER_TEST_APPLY_DELAY_MS: '1000' });
      url.current = service.url;
      syncing ??= sync();
      const applied = async () => (await Promise.all(desks.map((d) => lastMutationId(store!, carrierCode, d.clientId)))).reduce((a, b) => a + b);
      while ((await applied()) < atLeast) await sleep(20);
      await service.kill('SIGKILL');
      url.current = 'http://127.0.0.1:9';
      // A batch is applied whole or not at all: every cursor on a batch boundary.
      for (const d of desks) expect((await lastMutationId(store, carrierCode, d.clientId)) % startups).toBe(0);
    }
    service = await startRosterProcess(database.flags);
    url.current = service.url;
    await syncing;

    // Every desk resends its whole outbox: all duplicate.
    for (const [k, desk] of desks.entries()) {
      for (const batch of outboxes[k]!) {
        const results = await pushUntilAnswered(() => url.current, desk, batch);
        expect(results.every((r) => r.status === 'duplicate')).toBe(true);
      }
      expect(await lastMutationId(store, carrierCode, desk.clientId)).toBe(batches * startups);
    }

    const rows = await store.db.selectFrom('records').select(['record_id', 'data', 'version', 'conflicts']).where('carrier_code', '=', carrierCode).orderBy('record_id').execute();
    expect(rows.map((r) => r.record_id)).toEqual(Array.from({ length: startups }, (_, i) => startupId(i)));
    for (const row of rows) {
      // Created once, then edited once per batch of each desk: applied twice would show higher, lost lower.
      expect(row.version).toBe(1 + desks.length * batches);
      const data = JSON.parse(row.data!) as Record<string, unknown>;
      // Fields only one desk edits hold that desk's last edit; the room one of the desks' last.
      ownField.forEach((field, k) => expect(data[field]).toBe(`桌${k}第${batches - 1}批`));
      expect(String(data.room)).toMatch(/^D[0-2]-\d$/);
      const conflicts = JSON.parse(row.conflicts) as { field: string }[];
      expect(conflicts.length).toBeGreaterThan(0);
      expect(new Set(conflicts.map((c) => c.field))).toEqual(new Set(['room']));
    }
    // One relayed change per accepted mutation, whichever process applied it.
    const relayed = await store.db.selectFrom('roster_changes').select(['origin_client']).where('carrier_code', '=', carrierCode).where('kind', '=', 'record').execute();
    const perDesk = new Map<string, number>();
    for (const r of relayed) perDesk.set(r.origin_client!, (perDesk.get(r.origin_client!) ?? 0) + 1);
    expect(Object.fromEntries(perDesk)).toEqual({
      'desk-crash-admit': startups,
      'desk-crash-0': batches * startups,
      'desk-crash-1': batches * startups,
      'desk-crash-2': batches * startups,
    });
    expect((await storedRecords(store, carrierCode)).every((r) => r.deleted === 0)).toBe(true);
  });
});
