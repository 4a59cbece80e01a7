import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCarrier } from '../admin/actions';
import { syncClient } from '../client';
import { type OpenStore, openStore } from '../db/open';
import { inBatches, startupUpserts } from '../fixtures';
import { backends, type FreshDatabase } from '../testing/backends';
import { lastMutationId, storedRecords } from '../testing/inspect';
import { buildApp } from './app';

const carrierCode = 'C-TWICE';
const clientId = 'desk-twice-0001';

describe.each(backends)('one desk answered by two services over one database on $name', (backend) => {
  let database: FreshDatabase | undefined;
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await database?.dispose();
  });

  /** A service of its own (its own connections), as a second roster process behind a proxy would be. */
  async function service(): Promise<{ url: string; store: OpenStore }> {
    const store = await openStore(database!.location);
    const app = buildApp({ store });
    await app.listen({ host: '127.0.0.1', port: 0 });
    closers.push(async () => {
      await app.close();
      await store.close();
    });
    return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, store };
  }

  it('applies each mutation once when the same batches reach both at once, and keeps the order', { timeout: 60_000 }, async () => {
    database = await backend.fresh();
    const [a, b] = [await service(), await service()];
    const { token } = await createCarrier(a.store, { code: carrierCode, name: '双进程载体' });
    // 20 startups edited 30 times each, so a batch applied twice or out of order shows in the versions and names.
    const outbox = inBatches(startupUpserts(1, 600, (id) => `s${id % 20}`), 100);
    const sendAll = (url: string) =>
      (async () => {
        const statuses: string[] = [];
        for (const batch of outbox) statuses.push(...(await syncClient(url, token).push({ carrierCode, clientId, mutations: batch })).results.map((r) => r.status));
        return statuses;
      })();
    const [viaA, viaB] = await Promise.all([sendAll(a.url), sendAll(b.url)]);

    // Each id was applied by exactly one of them; the other answered duplicate.
    for (let i = 0; i < 600; i++) expect([viaA[i], viaB[i]].toSorted()).toEqual(['applied', 'duplicate']);
    expect(await lastMutationId(a.store, carrierCode, clientId)).toBe(600);
    const records = await storedRecords(a.store, carrierCode);
    expect(records).toHaveLength(20);
    for (const r of records) {
      expect(r.version).toBe(30);
      const lastEdit = 580 + (Number(r.record_id.slice(1)) || 20);
      expect(r.data?.name).toBe(`企业${r.record_id}第${lastEdit}次`);
    }
    const rosterIds = (await syncClient(b.url, token).pull(0)).changes.filter((c) => c.kind === 'rosterId');
    expect(rosterIds).toHaveLength(20);
  });
});
