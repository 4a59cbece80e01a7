import { z } from 'zod';
import { creditCodeFindings, founderFindings } from '../admin/findings';
import type { Store } from '../db/schema';
import type { CreditCodeFindingView, FindingsView, FounderFindingView } from '../http/consoleApi';
import { parseInput } from '../errors';
import type { Account } from './accounts';
import { inScope } from './scope';

/**
 * The roster's cross-carrier findings (admin/findings.ts) as one console account may see them: only
 * findings that touch a carrier inside its scope, and of each, only the carriers inside it by name; the
 * others are counted, so an officer knows to ask the other region without learning its carriers.
 */
export const findingsPageQuery = z.object({
  after: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

async function placesOf(store: Store, codes: string[]): Promise<Map<string, { name: string; region: string | null }>> {
  if (codes.length === 0) return new Map();
  const rows = await store.db
    .selectFrom('carriers as c')
    .leftJoin('carrier_profiles as p', 'p.carrier_code', 'c.code')
    .select(['c.code', 'c.name', 'p.region_code'])
    .where('c.code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, region: r.region_code }]));
}

/** Splits a finding's records into those in the scope (named) and the number of other carriers. */
function split<H extends { carrierCode: string }>(account: Account, places: Map<string, { name: string; region: string | null }>, holders: H[]) {
  const inside = holders.filter((h) => inScope(account.scope, places.get(h.carrierCode)?.region));
  const outside = new Set(holders.filter((h) => !inside.includes(h)).map((h) => h.carrierCode));
  return { inside: inside.map((h) => ({ ...h, carrierName: places.get(h.carrierCode)?.name ?? '' })), elsewhere: outside.size };
}

export async function creditCodeFindingsInScope(store: Store, account: Account, input: unknown): Promise<FindingsView<CreditCodeFindingView>> {
  const page = await creditCodeFindings(store, { ...parseInput(findingsPageQuery, input), scope: account.scope });
  const places = await placesOf(store, page.findings.flatMap((f) => f.holders.map((h) => h.carrierCode)));
  return {
    findings: page.findings.map((f) => {
      const { inside, elsewhere } = split(account, places, f.holders);
      return { creditCode: f.creditCode, holders: inside, elsewhere };
    }),
    next: page.next ?? null,
  };
}

export async function founderFindingsInScope(store: Store, account: Account, input: unknown): Promise<FindingsView<FounderFindingView>> {
  const page = await founderFindings(store, { ...parseInput(findingsPageQuery, input), scope: account.scope });
  const places = await placesOf(store, page.findings.flatMap((f) => f.founders.map((h) => h.carrierCode)));
  return {
    findings: page.findings.map((f) => {
      const { inside, elsewhere } = split(account, places, f.founders);
      return { idNumberMasked: f.idNumber, founders: inside, elsewhere };
    }),
    next: page.next ?? null,
  };
}
