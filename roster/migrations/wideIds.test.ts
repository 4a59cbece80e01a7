import { afterEach, describe, expect, it } from 'vitest';
import { syncClient } from '../client';
import { openStore } from '../db/open';
import { startupUpserts } from '../fixtures';
import { buildApp } from '../http/app';
import { backends, type FreshDatabase } from '../testing/backends';
import { hashToken } from '../store/tokens';

describe.each(backends)('migration 002 (wide ids, roster ids per carrier) on $name', (backend) => {
  let database: FreshDatabase | undefined;
  afterEach(() => database?.dispose());

  it('keeps the roster ids 001 handed out and numbers new ones after each carrier’s highest', async () => {
    database = await backend.fresh();
    // What version 001 wrote: roster ids numbered across carriers (A got 1 and 3, B got 2).
    const old = await openStore(database.location, '001_init');
    const at = '2026-01-01T00:00:00Z';
    await old.db
      .insertInto('carriers')
      .values([
        { code: 'C-A', name: 'A', status: 'listed', token_hash: hashToken('token-a'), created_at: at },
        { code: 'C-B', name: 'B', status: 'listed', token_hash: hashToken('token-b'), created_at: at },
      ])
      .execute();
    await old.db.insertInto('client_cursors').values({ carrier_code: 'C-A', client_id: 'desk-a-0001', last_mutation_id: 2 }).execute();
    for (const [carrier_code, startup_id] of [['C-A', 's1'], ['C-B', 's1'], ['C-A', 's2']] as const) {
      // 001 had no per-carrier number column; its rows are inserted as it wrote them.
      await old.db.insertInto('roster_ids').values({ carrier_code, startup_id } as never).execute();
    }
    await old.close();

    const store = await openStore(database.location);
    const app = buildApp({ store });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      const deskA = syncClient(url, 'token-a');
      // s1 and s2 are known (already numbered); s3 is new and follows A's highest id, 3.
      const reply = await deskA.push({ carrierCode: 'C-A', clientId: 'desk-a-0001', mutations: startupUpserts(3, 3, (id) => `s${id - 2}`) });
      expect(reply.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      const changes = (await deskA.pull(0)).changes.flatMap((c) => (c.kind === 'rosterId' ? [[c.startupId, c.rosterId]] : []));
      expect(changes).toEqual([['s3', 'RS00000004']]);
      const rows = await store.db.selectFrom('roster_ids').select(['carrier_code', 'startup_id', 'number']).orderBy('id').execute();
      expect(rows).toEqual([
        { carrier_code: 'C-A', startup_id: 's1', number: 1 },
        { carrier_code: 'C-B', startup_id: 's1', number: 2 },
        { carrier_code: 'C-A', startup_id: 's2', number: 3 },
        { carrier_code: 'C-A', startup_id: 's3', number: 4 },
      ]);
      // B's next id follows B's own highest (2), whatever A has.
      const deskB = syncClient(url, 'token-b');
      await deskB.push({ carrierCode: 'C-B', clientId: 'desk-b-0001', mutations: startupUpserts(1, 1, () => 's9') });
      expect((await deskB.pull(0)).changes.find((c) => c.kind === 'rosterId')).toMatchObject({ startupId: 's9', rosterId: 'RS00000003' });
    } finally {
      await app.close();
      await store.close();
    }
  });
});
