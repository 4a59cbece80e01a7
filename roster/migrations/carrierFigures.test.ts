import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../db/open';
import { startupRecord } from '../fixtures';
import { backends, type FreshDatabase } from '../testing/backends';
import { hashToken } from '../store/tokens';

describe.each(backends)('migration 022 (carrier figures) on $name', (backend) => {
  let database: FreshDatabase | undefined;
  afterEach(() => database?.dispose());

  it('counts the records a roster of 021 already holds, and keeps counting new ones', async () => {
    database = await backend.fresh();
    const old = await openStore(database.location, '021_verification_queue');
    await old.db.insertInto('carriers').values({ code: 'C-OLD', name: '老载体', status: 'listed', token_hash: hashToken('token-old'), created_at: '2026-01-01T00:00:00Z' }).execute();
    const row = (id: string, data: Record<string, unknown>) => ({ carrier_code: 'C-OLD', entity: 'startup', record_id: id, data: JSON.stringify(data), deleted: 0, version: 1, updated_at: '2026-02-01T00:00:00Z' });
    await old.db
      .insertInto('records')
      .values([
        row('s1', { ...startupRecord('s1', 1), admittedOn: '2026-01-15' }),
        row('s2', { ...startupRecord('s2', 2), admittedOn: '2024-01-10', status: 'exited', exitKind: 'graduated', exitedOn: '2026-02-01' }),
      ])
      .execute();
    await old.close();

    const store = await openStore(database.location);
    try {
      const figures = () => store.db.selectFrom('carrier_figures').select(['period', 'measure', 'amount']).where('amount', '<>', 0).orderBy('period').orderBy('measure').execute();
      expect(await figures()).toEqual([
        { period: '2024Q1', measure: 'admitted', amount: 1 },
        { period: '2026Q1', measure: 'admitted', amount: 1 },
        { period: '2026Q1', measure: 'exit:graduated', amount: 1 },
        { period: '2026Q1', measure: 'success', amount: 1 },
        { period: '2027Q4', measure: 'due', amount: 2 },
        // Left before its agreement ended: on time, counted in the quarter the agreement ends.
        { period: '2027Q4', measure: 'ontime', amount: 1 },
      ]);
      await store.db.deleteFrom('records').where('record_id', '=', 's2').execute();
      expect(await figures()).toEqual([
        { period: '2026Q1', measure: 'admitted', amount: 1 },
        { period: '2027Q4', measure: 'due', amount: 1 },
      ]);
    } finally {
      await store.close();
    }
  });
});
