import type { Carrier } from '@core/records';
import { supportRulesSchema, type SupportRules } from '@core/supports';
import type { DeskDb } from './db';

/** The rule sets the roster published, by province (the two first digits of a region code). */
export type PublishedSupportRules = Record<string, SupportRules>;

const KEY = 'supports.published';

export const provinceOf = (carrier: Pick<Carrier, 'regionCode'>) => carrier.regionCode.slice(0, 2);

export async function publishedSupportRules(db: DeskDb): Promise<PublishedSupportRules> {
  return ((await db.meta.get(KEY))?.value as PublishedSupportRules | undefined) ?? {};
}

/**
 * Keeps a rule set the roster published, the highest version per province: a page pulled again, or an
 * older version arriving late, changes nothing. Validated by the roster with the same schema; a set this
 * desk cannot read stops the pull visibly. Call inside applyRosterChanges' transaction (it covers meta).
 */
export async function keepPublishedSupportRules(db: DeskDb, province: string, rules: unknown): Promise<void> {
  const parsed = supportRulesSchema.parse(rules);
  const held = await publishedSupportRules(db);
  if ((held[province]?.version ?? 0) >= parsed.version) return;
  await db.meta.put({ key: KEY, value: { ...held, [province]: parsed } });
}

/** What supports are judged by: the set published for the carrier's province where there is one, else the carrier's own rules. */
export interface SupportRulesInForce {
  rules: SupportRules;
  /** The province whose published set this is; absent when the carrier's local rules apply. */
  publishedFor?: string;
}

export function supportRulesInForce(carrier: Pick<Carrier, 'regionCode' | 'rules'>, published: PublishedSupportRules): SupportRulesInForce {
  const province = provinceOf(carrier);
  const set = published[province];
  return set ? { rules: set, publishedFor: province } : { rules: carrier.rules.supports };
}

