import type { Store } from '../db/schema';

/** What the authority counts: resident startups (not exited, not voided), read off migration 003's index. */

export async function carrierCount(store: Store, carrierCode: string): Promise<{ carrierCode: string; residentStartups: number }> {
  const row = await store.db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('carrier_code', '=', carrierCode)
    .where('resident', '=', 1)
    .executeTakeFirstOrThrow();
  return { carrierCode, residentStartups: Number(row.n) };
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
    .select(['carrier_code', 'region_code'])
    .where('region_code', 'is not', null)
    .where('region_code', '>=', region);
  const end = regionEnd(region);
  if (end !== undefined) query = query.where('region_code', '<', end);
  const carriers = await query.orderBy('carrier_code').execute();
  const codes = carriers.map((c) => c.carrier_code);
  const counted =
    codes.length === 0
      ? []
      : await store.db
          .selectFrom('records')
          .select((eb) => ['carrier_code', eb.fn.countAll<number | string>().as('n')])
          .where('resident', '=', 1)
          .where('carrier_code', 'in', codes)
          .groupBy('carrier_code')
          .execute();
  const byCarrier = new Map(counted.map((c) => [c.carrier_code, Number(c.n)]));
  const rows = carriers.map((c) => ({ carrierCode: c.carrier_code, regionCode: c.region_code!, residentStartups: byCarrier.get(c.carrier_code) ?? 0 }));
  return { region, residentStartups: rows.reduce((sum, r) => sum + r.residentStartups, 0), carriers: rows };
}

/** The first code after every code that starts with `prefix` ("33" → "34"); none after "99". */
function regionEnd(prefix: string): string | undefined {
  if (/^9+$/.test(prefix)) return undefined;
  return String(Number(prefix) + 1).padStart(prefix.length, '0');
}
