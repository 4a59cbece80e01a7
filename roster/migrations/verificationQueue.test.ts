import { afterEach, describe, expect, it } from 'vitest';
import { verificationQueue } from '../auth/scopedRoster';
import { openStore } from '../db/open';
import { startupRecord } from '../fixtures';
import { backends, type FreshDatabase } from '../testing/backends';
import { hashToken } from '../store/tokens';

describe.each(backends)('migration 021 (verification queue) on $name', (backend) => {
  let database: FreshDatabase | undefined;
  afterEach(() => database?.dispose());

  it('opens a roster 020 wrote: a startup verified before stays out of the queue, an unverified one is in it', async () => {
    database = await backend.fresh();
    const old = await openStore(database.location, '020_console');
    await old.db
      .insertInto('carriers')
      .values({ code: 'C-OLD', name: '老载体', status: 'listed', token_hash: hashToken('token-old'), created_at: '2026-01-01T00:00:00Z' })
      .execute();
    const startup = (id: string, n: number, at: string) => ({
      carrier_code: 'C-OLD',
      entity: 'startup',
      record_id: id,
      data: JSON.stringify(startupRecord(id, n)),
      deleted: 0,
      version: 2,
      updated_at: at,
    });
    await old.db.insertInto('records').values([startup('s1', 1, '2026-02-01T00:00:00Z'), startup('s2', 2, '2026-02-02T00:00:00Z')]).execute();
    await old.db
      .insertInto('roster_changes')
      .values({ carrier_code: 'C-OLD', kind: 'verification', payload: JSON.stringify({ startupId: 's1', result: 'verified' }), created_at: '2026-02-03T00:00:00Z' })
      .execute();
    await old.close();

    const store = await openStore(database.location);
    try {
      const nation = { login: 'nation.viewer', scope: 'nation', role: 'viewer' } as const;
      const queue = await verificationQueue(store, nation, {});
      expect(queue.items.map((i) => [i.startupId, i.reason])).toEqual([['s2', 'new']]);
      expect(await store.db.selectFrom('startup_verifications').selectAll().execute()).toEqual([
        { carrier_code: 'C-OLD', startup_id: 's1', verified_version: 2, result: 'verified', verified_at: '2026-02-03T00:00:00Z' },
      ]);
    } finally {
      await store.close();
    }
  });
});
