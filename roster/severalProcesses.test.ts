import { afterEach, describe, expect, it } from 'vitest';
import { startRosterProcess, type RosterProcess } from '../test/support/rosterProcess';
import { createCarrier } from './admin/actions';
import { type OpenStore, openStore } from './db/open';
import { inBatches } from './fixtures';
import { backends, type FreshDatabase } from './testing/backends';
import { checkExactlyOnce, type Desk, deskMutations, pushUntilAnswered } from './testing/deskLoad';
import { type Proxy, startNginx, upstreamHeader } from './testing/nginx';

const processes = 3;
const perDesk = 300;
const batchSize = 50;

// PostgreSQL is what several processes share (on SQLite they would take turns at one file's write lock).
const postgres = backends.find((b) => b.name === 'pg')!;

describe('three roster processes on one PostgreSQL behind nginx', () => {
  let database: FreshDatabase | undefined;
  let store: OpenStore | undefined;
  const services: RosterProcess[] = [];
  let proxy: Proxy | undefined;
  afterEach(async () => {
    await proxy?.stop();
    for (const service of services.splice(0)) await service.kill('SIGTERM');
    await store?.close();
    await database?.dispose();
  });

  it('applies each mutation once, in each desk\'s order, whichever process each request reaches', { timeout: 180_000 }, async () => {
    database = await postgres.fresh();
    store = await openStore(database.location);
    const [a, b] = [await createCarrier(store, { code: 'C-PROC-A', name: '多进程载体甲' }), await createCarrier(store, { code: 'C-PROC-B', name: '多进程载体乙' })];
    // Two desks of one carrier share its roster-id counter, across processes.
    const desks: Desk[] = [
      { carrierCode: a.code, clientId: 'desk-proc-a1', token: a.token, records: 'a1', lastAnswered: 0 },
      { carrierCode: a.code, clientId: 'desk-proc-a2', token: a.token, records: 'a2', lastAnswered: 0 },
      { carrierCode: b.code, clientId: 'desk-proc-b1', token: b.token, records: 'b1', lastAnswered: 0 },
    ];
    for (let i = 0; i < processes; i++) services.push(await startRosterProcess(database.flags));
    proxy = await startNginx(services.map((s) => s.url));
    const target = () => proxy!.url;

    // Requests are spread over every process.
    const reached = new Set<string>();
    for (let i = 0; i < 60 && reached.size < processes; i++) reached.add((await fetch(`${proxy.url}/v1/health`)).headers.get(upstreamHeader) ?? '');
    expect(reached.size).toBe(processes);

    // Each desk sends every batch twice at once (a resend racing the original), each copy to a process at random.
    await Promise.all(
      desks.map(async (desk) => {
        for (const batch of inBatches(deskMutations(desk, 1, perDesk), batchSize)) {
          const [first, second] = await Promise.all([pushUntilAnswered(target, desk, batch), pushUntilAnswered(target, desk, batch)]);
          for (const [i, result] of first.entries()) expect([result.status, second[i]!.status].toSorted()).toEqual(['applied', 'duplicate']);
        }
      }),
    );

    const check = await checkExactlyOnce(store, target, desks);
    expect(check).toEqual({ resent: desks.length * perDesk, notDuplicate: 0, lost: 0, doubled: 0, outOfOrder: 0, badRosterIds: 0 });
  });
});
