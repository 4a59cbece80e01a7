import type { Founder, Startup } from '../records';
import { normalizeCode } from '../text';
import { checkCreditCode, checkFounderIds, matchTeam, type FounderRef, type StartupRef, type TeamRef } from './rules';

/** What the store found for the codes, numbers and names being checked (see the store's `identityLookups`). */
export interface IdentityLookup {
  /** Every startup holding this credit code, live or not. */
  holdersOfCode(creditCode: string): readonly StartupRef[];
  /** Every founder holding this ID number, with the startup it founded. */
  foundersWithId(idNumber: string): readonly FounderRef[];
  /** Unregistered teams that share a founder's number or the name given. */
  teams: readonly TeamRef[];
}

/** Why a startup cannot be saved as it is; each names the startup (or person) already holding what it claims. */
export type IdentityProblem =
  | { kind: 'creditCodeTaken'; holder: StartupRef }
  | { kind: 'creditCodeReadmission'; holder: StartupRef }
  | { kind: 'teamExists'; holder: StartupRef }
  | { kind: 'idNumberTaken'; index: number; holder: FounderRef };

/** The startup a new or edited record would be a second copy of, if any: by credit code, or for an unregistered team by founders then name. */
export function existingCopy(startup: Pick<Startup, 'id' | 'name' | 'creditCode'>, idNumbers: readonly string[], lookup: IdentityLookup): IdentityProblem | undefined {
  if (startup.creditCode) {
    const check = checkCreditCode(startup.id, lookup.holdersOfCode(normalizeCode(startup.creditCode)));
    if (check.kind === 'taken') return { kind: 'creditCodeTaken', holder: check.holder };
    if (check.kind === 'readmission') return { kind: 'creditCodeReadmission', holder: check.holder };
    return undefined;
  }
  const team = matchTeam(startup.name, idNumbers, lookup.teams.filter((t) => t.startup.id !== startup.id));
  return team ? { kind: 'teamExists', holder: team } : undefined;
}

/** Every identity rule a startup and its founders, about to be saved from the form, break. */
export function identityProblems(startup: Pick<Startup, 'id' | 'name' | 'creditCode' | 'entityType'>, founders: readonly Pick<Founder, 'id' | 'name' | 'idNumber' | 'startupId'>[], lookup: IdentityLookup): IdentityProblem[] {
  const copy = existingCopy(startup, founders.map((f) => f.idNumber), lookup);
  const holders = founders.flatMap((f) => lookup.foundersWithId(normalizeCode(f.idNumber)));
  const ids = checkFounderIds(founders, holders, startup.name).map((c): IdentityProblem => ({ kind: 'idNumberTaken', ...c }));
  return [...(copy ? [copy] : []), ...ids];
}
