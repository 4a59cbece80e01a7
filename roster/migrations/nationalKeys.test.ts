import { afterEach, describe, expect, it } from 'vitest';
import { aFounder } from '@core/testing/records';
import { creditCodeFindings, founderFindings } from '../admin/findings';
import { openStore } from '../db/open';
import { startupRecord } from '../fixtures';
import { backends, type FreshDatabase } from '../testing/backends';
import { hashToken } from '../store/tokens';

describe.each(backends)('migrations 003 (national keys) and 004 (resident counts) on $name', (backend) => {
  let database: FreshDatabase | undefined;
  afterEach(() => database?.dispose());

  it('derives credit code, residency and ID number, and counts residents, for the records version 002 stored', async () => {
    database = await backend.fresh();
    const old = await openStore(database.location, '002_wide_ids');
    const at = '2026-01-01T00:00:00Z';
    await old.db
      .insertInto('carriers')
      .values(['C-A', 'C-B'].map((code) => ({ code, name: code, status: 'listed' as const, token_hash: hashToken(code), created_at: at })))
      .execute();
    const shared = startupRecord('s1', 1);
    const rows = [
      ['C-A', 'startup', 's1', shared],
      ['C-B', 'startup', 'b1', { ...shared, id: 'b1' }],
      ['C-B', 'startup', 'b2', { ...startupRecord('b2', 2), status: 'exited', exitKind: 'graduated', exitedOn: '2026-02-01' }],
      ['C-A', 'founder', 'f1', aFounder('f1', 's1')],
      ['C-B', 'founder', 'g1', aFounder('g1', 'b1')],
      ['C-B', 'startup', 'b3', null],
    ] as const;
    await old.db
      .insertInto('records')
      .values(rows.map(([carrier_code, entity, record_id, data]) => ({ carrier_code, entity, record_id, data: data && JSON.stringify(data), deleted: data ? 0 : 1, version: 1, updated_at: at })))
      .execute();
    await old.close();

    const store = await openStore(database.location);
    try {
      const derived = await store.db.selectFrom('records').select(['record_id', 'credit_code', 'resident', 'id_number']).orderBy('record_id').execute();
      expect(derived).toEqual([
        { record_id: 'b1', credit_code: shared.creditCode, resident: 1, id_number: null },
        { record_id: 'b2', credit_code: startupRecord('b2', 2).creditCode, resident: 0, id_number: null },
        { record_id: 'b3', credit_code: null, resident: 0, id_number: null },
        { record_id: 'f1', credit_code: null, resident: null, id_number: '11010519491231002X' },
        { record_id: 'g1', credit_code: null, resident: null, id_number: '11010519491231002X' },
        { record_id: 's1', credit_code: shared.creditCode, resident: 1, id_number: null },
      ]);
      expect(await store.db.selectFrom('resident_counts').selectAll().orderBy('carrier_code').execute()).toEqual([
        { carrier_code: 'C-A', residents: 1 },
        { carrier_code: 'C-B', residents: 1 },
      ]);
      expect((await creditCodeFindings(store, { limit: 10 })).findings).toHaveLength(1);
      expect((await founderFindings(store, { limit: 10 })).findings).toEqual([
        { idNumber: '110105********002X', founders: [expect.objectContaining({ carrierCode: 'C-A' }), expect.objectContaining({ carrierCode: 'C-B' })] },
      ]);
    } finally {
      await store.close();
    }
  });
});
