import type { ImportLookup } from '../import/matching';
import { sameIdNumber } from '../identity';
import type { Founder, Startup } from '../records';
import { normalizeCode } from '../text';

/** The identity lookup over records held in memory, as the store's `identityLookups` gives it over the database. */
export function lookupOf(startups: readonly Startup[], founders: readonly Founder[]): ImportLookup {
  const startupOf = (id: string) => startups.find((s) => s.id === id);
  return {
    holdersOfCode: (code) => startups.filter((s) => s.creditCode === normalizeCode(code)),
    foundersWithId: (idNumber) => founders.filter((f) => sameIdNumber(idNumber, f.idNumber)).map((founder) => ({ founder, startup: startupOf(founder.startupId)! })),
    teams: startups.filter((s) => s.entityType === 'team').map((startup) => ({ startup, idNumbers: founders.filter((f) => f.startupId === startup.id).map((f) => f.idNumber) })),
    startup: startupOf,
    foundersOf: (startupId) => founders.filter((f) => f.startupId === startupId),
  };
}
