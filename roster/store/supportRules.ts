import { sql } from 'kysely';
import { z } from 'zod';
import { supportRulesSchema } from '@core/supports';
import type { Store } from '../db/schema';
import { RosterError } from '../errors';
import { storable } from '../storableText';
import { appendChange } from './changes';

/**
 * A province's support rule set (issue 23: "publishable by the roster"), published by the authority to
 * every desk; a desk applies it where its carrier's region lies in the province.
 */
export const supportRulesInput = storable(
  z.object({
    province: z.string().regex(/^\d{2}$/, 'province: the 2 digits a GB/T 2260 region code starts with'),
    rules: supportRulesSchema,
  }),
);
export type SupportRulesInput = z.infer<typeof supportRulesInput>;

/** The latest version published for the province, 0 if none. */
async function publishedVersion(store: Store, province: string): Promise<number> {
  const rows = await store.db.selectFrom('roster_changes').select('payload').where('kind', '=', 'supportRules').where('carrier_code', 'is', null).execute();
  return rows
    .map((r) => JSON.parse(r.payload) as { province: string; rules: { version: number } })
    .filter((p) => p.province === province)
    .reduce((v, p) => Math.max(v, p.rules.version), 0);
}

/**
 * Published for every carrier, as templates are. A version at or below the one already published for the
 * province is refused: desks keep the highest they hold, so it would never reach them.
 */
export async function publishSupportRules(store: Store, input: SupportRulesInput): Promise<{ seq: number }> {
  return store.db.transaction().execute(async (db) => {
    const tx = { ...store, db };
    // Two publishes at once must not both pass the check: take now the lock appendChange takes anyway.
    if (store.dialect === 'pg') await sql`lock table roster_changes in share row exclusive mode`.execute(db);
    const published = await publishedVersion(tx, input.province);
    if (input.rules.version <= published) {
      throw new RosterError(409, 'conflict', `province ${input.province} already has support rules version ${published}: publish a higher version`);
    }
    return { seq: await appendChange(tx, null, { kind: 'supportRules', province: input.province, rules: input.rules }) };
  });
}
