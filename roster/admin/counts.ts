import type { Store } from '../db/schema';

/** What the authority counts: resident startups (not exited, not voided), as migration 004 keeps them per carrier. */

export async function carrierCount(store: Store, carrierCode: string): Promise<{ carrierCode: string; residentStartups: number }> {
  const row = await store.db.selectFrom('resident_counts').select('residents').where('carrier_code', '=', carrierCode).executeTakeFirst();
  return { carrierCode, residentStartups: row?.residents ?? 0 };
}

export interface RegionCounts {
  region: string;
  residentStartups: number;
  carriers: { carrierCode: string; regionCode: string; residentStartups: number }[];
}

/**
 * Carriers whose own record (as their desk reported it) lies in a region, by its GB/T 2260 code
 * prefix: 2 digits a province, 4 a city, 6 a county. A range rather than LIKE, so the index serves it
 * whatever the database's collation.
 */
export async function regionCounts(store: Store, region: string): Promise<RegionCounts> {
  let query = store.db
    .selectFrom('records')
    .leftJoin('resident_counts', 'resident_counts.carrier_code', 'records.carrier_code')
    .select(['records.carrier_code', 'records.region_code', 'resident_counts.residents'])
    .where('region_code', 'is not', null)
    .where('region_code', '>=', region);
  const end = regionEnd(region);
  if (end !== undefined) query = query.where('region_code', '<', end);
  const carriers = await query.orderBy('records.carrier_code').execute();
  const rows = carriers.map((c) => ({ carrierCode: c.carrier_code, regionCode: c.region_code!, residentStartups: c.residents ?? 0 }));
  return { region, residentStartups: rows.reduce((sum, r) => sum + r.residentStartups, 0), carriers: rows };
}

/** The first code after every code that starts with `prefix` ("33" → "34"); none after "99". */
function regionEnd(prefix: string): string | undefined {
  if (/^9+$/.test(prefix)) return undefined;
  return String(Number(prefix) + 1).padStart(prefix.length, '0');
}
