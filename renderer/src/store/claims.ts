import type { Claim } from '@core/records';
import { standingFor, supportsOf, type StandingInput, type SupportRules } from '@core/supports';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { ValidationError, writeInTx, writeTables } from './write';

/** What the form gives; the store fixes the cap, whether the applicant qualified and the rule set version. */
export type ClaimInput = Omit<Claim, 'id' | 'updatedAt' | 'cap' | 'qualified' | 'rulesVersion'> & { id?: string };

const today = () => new Date().toISOString().slice(0, 10);

/** A startup's records as eligibility reads them. */
export async function standingInput(db: DeskDb, startupId: string, on = today()): Promise<StandingInput | undefined> {
  const [startup, founders, reports, claims] = await Promise.all([
    db.startups.get(startupId),
    db.founders.where('startupId').equals(startupId).toArray(),
    db.reports.where('startupId').equals(startupId).toArray(),
    db.claims.where('startupId').equals(startupId).toArray(),
  ]);
  return startup && { startup, founders, reports, claims, today: on };
}

/**
 * Saves a claim with its audit and outbox entries. The applicant is judged against the rule set as the
 * claim is saved: one who does not meet every condition may still claim, with a reason, and the claim
 * is marked as such; an amount above the support's cap is refused.
 */
export function saveClaim(db: DeskDb, { id, ...input }: ClaimInput, rules: SupportRules, on = today()): Promise<Claim> {
  return db.transaction('rw', [...writeTables(db, 'claim'), db.startups, db.founders, db.reports], async () => {
    const facts = await standingInput(db, input.startupId, on);
    if (!facts) throw new ValidationError([{ path: ['startupId'], message: 'v.startupRequired' }]);
    const support = supportsOf(rules).find((s) => s.id === input.support);
    const founderId = support?.applicant === 'founder' ? input.founderId : undefined;
    if (support?.applicant === 'founder' && !facts.founders.some((f) => f.id === founderId)) {
      throw new ValidationError([{ path: ['founderId'], message: 'v.claim.founderRequired' }]);
    }
    const standing = support ? standingFor(facts, rules, support.id, founderId, id) : undefined;
    return writeInTx(
      db,
      'claim',
      {
        ...input,
        founderId,
        id: id ?? crypto.randomUUID(),
        cap: standing?.amount,
        qualified: !!standing && standing.checks.every((c) => c.met),
        rulesVersion: rules.version,
      },
      operatorName(),
    );
  });
}

export const claimsOfStartup = (db: DeskDb, startupId: string) => db.claims.where('startupId').equals(startupId).toArray();
export const allClaims = (db: DeskDb) => db.claims.toArray();
