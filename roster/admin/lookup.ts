import type { Store } from '../db/schema';

export interface StartupHolder {
  carrierCode: string;
  startupId: string;
  name: string;
  resident: boolean;
}

/** Every carrier that reports a startup with this credit code, across the country. */
export async function creditCodeHolders(store: Store, creditCode: string): Promise<{ creditCode: string; holders: StartupHolder[] }> {
  const rows = await store.db
    .selectFrom('records')
    .select(['carrier_code', 'record_id', 'resident', 'data'])
    .where('credit_code', '=', creditCode)
    .orderBy('carrier_code')
    .orderBy('record_id')
    .execute();
  return { creditCode, holders: rows.map((r) => ({ ...holderOf(r), resident: r.resident === 1 })) };
}

/** A startup row as the authority sees it: where it is and what it is called. */
export function holderOf(row: { carrier_code: string; record_id: string; data: string | null }): Omit<StartupHolder, 'resident'> {
  const { name } = JSON.parse(row.data ?? '{}') as { name?: string };
  return { carrierCode: row.carrier_code, startupId: row.record_id, name: name ?? '' };
}
