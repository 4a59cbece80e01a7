import type { Founder } from '../records';
import { normalizeCode } from '../text';
import { maskIdNumber } from '../validators/idNumber';
import { isLive, nameKey, type StartupRef } from './rules';

/**
 * Startups a desk held before the identity rules, that may be one company or one team twice:
 * `creditCode`, live startups with one code; `team`, live unregistered teams sharing a founder's ID
 * number or a name; `idNumber`, one ID number on founders of different names (a typing error, fixed
 * by editing, not by merging).
 */
export interface DuplicateGroup {
  kind: 'creditCode' | 'team' | 'idNumber';
  /** The shared code, name, or ID number masked (the list is kept as it is, and a number is never kept in clear outside its founder). */
  value: string;
  startupIds: string[];
}

/** A group's identity, stable whatever the order of its startups: a kept group is not listed again. */
export const groupKey = (g: DuplicateGroup) => `${g.kind}:${[...g.startupIds].sort().join(',')}`;

function groupsOf(kind: DuplicateGroup['kind'], pairs: Iterable<[string, string]>, shown: (value: string) => string = (v) => v): DuplicateGroup[] {
  const byValue = new Map<string, Set<string>>();
  for (const [value, startupId] of pairs) byValue.set(value, (byValue.get(value) ?? new Set()).add(startupId));
  return [...byValue].filter(([, ids]) => ids.size > 1).map(([value, ids]) => ({ kind, value: shown(value), startupIds: [...ids].sort() }));
}

/** Every group of possible duplicates among the given startups and founders (see `DuplicateGroup`). */
export function findDuplicateGroups(startups: readonly StartupRef[], founders: readonly Pick<Founder, 'name' | 'idNumber' | 'startupId'>[]): DuplicateGroup[] {
  const live = new Map(startups.filter(isLive).map((s) => [s.id, s]));
  const codes = groupsOf('creditCode', [...live.values()].flatMap((s) => (s.creditCode ? [[normalizeCode(s.creditCode), s.id] as [string, string]] : [])));
  const isTeam = (id: string) => live.get(id)?.entityType === 'team';
  const liveFounders = founders.filter((f) => live.has(f.startupId));
  // A team twice: one founder's number, or one name, on two teams; grouped once whichever found them.
  const teams = [
    ...groupsOf('team', liveFounders.filter((f) => isTeam(f.startupId)).map((f) => [normalizeCode(f.idNumber), f.startupId]), maskIdNumber),
    ...groupsOf('team', [...live.values()].filter((s) => s.entityType === 'team').map((s) => [nameKey(s.name), s.id])),
  ];
  const seen = new Set<string>();
  const distinctTeams = teams.filter((g) => !seen.has(groupKey(g)) && !!seen.add(groupKey(g)));
  // One number, two spellings of the person: the founders' names differ once spaces and width are folded.
  const namesOf = new Map<string, Set<string>>();
  for (const f of liveFounders) {
    const id = normalizeCode(f.idNumber);
    namesOf.set(id, (namesOf.get(id) ?? new Set()).add(nameKey(f.name)));
  }
  const ids = groupsOf('idNumber', liveFounders.filter((f) => namesOf.get(normalizeCode(f.idNumber))!.size > 1).map((f) => [normalizeCode(f.idNumber), f.startupId]), maskIdNumber);
  return [...codes, ...distinctTeams, ...ids];
}
