import { afterEach, describe, expect, it } from 'vitest';
import { createAccount } from '../auth/accounts';
import { listCarriers } from '../auth/scopedRoster';
import { openStore } from '../db/open';
import { backends, type FreshDatabase } from '../testing/backends';
import { hashToken } from '../store/tokens';

describe.each(backends)('migration 020 (console accounts, audit, carrier regions) on $name', (backend) => {
  let database: FreshDatabase | undefined;
  afterEach(() => database?.dispose());

  it('opens a roster 002 wrote: its carriers stay, the nation sees them, a province does not until placed', async () => {
    database = await backend.fresh();
    const old = await openStore(database.location, '002_wide_ids');
    await old.db
      .insertInto('carriers')
      .values({ code: 'C-OLD', name: '老载体', status: 'rectify', token_hash: hashToken('token-old'), created_at: '2026-01-01T00:00:00Z' })
      .execute();
    await old.close();

    const store = await openStore(database.location);
    try {
      await createAccount(store, { login: 'nation.viewer', scope: 'nation', role: 'viewer' });
      const nation = { login: 'nation.viewer', scope: 'nation', role: 'viewer' } as const;
      const province = { login: 'p', scope: '44', role: 'viewer' } as const;
      expect(await listCarriers(store, nation, {})).toEqual({
        total: 1,
        carriers: [{ code: 'C-OLD', name: '老载体', status: 'rectify', regionCode: null, line: null, level: null }],
      });
      expect(await listCarriers(store, province, {})).toEqual({ total: 0, carriers: [] });
      await store.db.insertInto('carrier_profiles').values({ carrier_code: 'C-OLD', region_code: '440305', line: 'science', level: 'national' }).execute();
      expect((await listCarriers(store, province, { line: 'science' })).total).toBe(1);
    } finally {
      await store.close();
    }
  });
});
