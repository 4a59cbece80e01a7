import type { Store } from '../db/schema';

/** What the roster holds for one carrier, read straight from the database. */
export async function storedRecords(store: Store, carrierCode: string) {
  const rows = await store.db
    .selectFrom('records')
    .select(['entity', 'record_id', 'data', 'deleted', 'version'])
    .where('carrier_code', '=', carrierCode)
    .orderBy('record_id')
    .execute();
  return rows.map((r) => ({ ...r, data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>) }));
}

export async function lastMutationId(store: Store, carrierCode: string, clientId: string): Promise<number> {
  const row = await store.db
    .selectFrom('client_cursors')
    .select('last_mutation_id')
    .where('carrier_code', '=', carrierCode)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row?.last_mutation_id ?? 0;
}
