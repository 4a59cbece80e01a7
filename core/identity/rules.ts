import type { Founder, Startup } from '../records';
import { normalizeCode, toHalfWidth } from '../text';
import { maskIdNumber } from '../validators/idNumber';

/** A startup as the identity rules need it: which it is, what it is called, whether it is still live. */
export type StartupRef = Pick<Startup, 'id' | 'name' | 'entityType' | 'status'> & Partial<Pick<Startup, 'creditCode' | 'voidedAt'>>;

/** Live: resident and not voided. A credit code belongs to at most one live startup. */
export const isLive = (s: Pick<Startup, 'status'> & Partial<Pick<Startup, 'voidedAt'>>) => s.status === 'resident' && !s.voidedAt;

/** Two spellings of one name: full-width folded, case and every space ignored (李 娟 is 李娟). */
export const nameKey = (name: string) => toHalfWidth(name).replace(/\s+/g, '').toLowerCase();
export const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);

/**
 * Who may take a credit code, given the startups that hold it: `free` when none other does, `taken`
 * when another live startup does (a second record of one company), `readmission` when only a voided or
 * exited one does (the company may come back, but as that startup, so its history stays on one file).
 */
export type CodeCheck = { kind: 'free' } | { kind: 'taken'; holder: StartupRef } | { kind: 'readmission'; holder: StartupRef };

export function checkCreditCode(selfId: string, holders: readonly StartupRef[]): CodeCheck {
  const others = holders.filter((h) => h.id !== selfId);
  const live = others.find(isLive);
  if (live) return { kind: 'taken', holder: live };
  const gone = others[0];
  return gone ? { kind: 'readmission', holder: gone } : { kind: 'free' };
}

/** A founder as stored elsewhere, with the startup it founded. */
export interface FounderRef {
  founder: Pick<Founder, 'id' | 'name' | 'idNumber' | 'startupId'>;
  startup: Pick<StartupRef, 'id' | 'name'>;
}

/** The same ID number on a founder of another name: a typing error somewhere, for the manager to fix. */
export interface IdConflict {
  /** Index of the founder in the checked list. */
  index: number;
  holder: FounderRef;
}

/**
 * An ID number belongs to one person. Each founder is checked against founders stored elsewhere with
 * the same number (`holders`) and against the others in the list: the same number under another name is
 * a conflict; under the same name it is the same person, who may found several residents.
 */
export function checkFounderIds(founders: readonly Pick<Founder, 'id' | 'name' | 'idNumber' | 'startupId'>[], holders: readonly FounderRef[], startupName: string): IdConflict[] {
  const conflicts: IdConflict[] = [];
  founders.forEach((f, index) => {
    const id = normalizeCode(f.idNumber);
    const elsewhere = holders.find((h) => h.founder.id !== f.id && normalizeCode(h.founder.idNumber) === id && !sameName(h.founder.name, f.name));
    const earlier = founders.slice(0, index).find((o) => normalizeCode(o.idNumber) === id && !sameName(o.name, f.name));
    const holder = elsewhere ?? (earlier && { founder: earlier, startup: { id: earlier.startupId, name: startupName } });
    if (holder) conflicts.push({ index, holder });
  });
  return conflicts;
}

/** A number as a file gives it matches a stored one when equal, or when the file holds its masked form (an export without ID numbers). */
export function sameIdNumber(given: string, stored: string): boolean {
  const g = normalizeCode(given);
  const s = normalizeCode(stored);
  return g === s || g === maskIdNumber(s);
}

/** A team the desk holds, with its founders' ID numbers. */
export interface TeamRef {
  startup: StartupRef;
  idNumbers: readonly string[];
}

/**
 * The live unregistered team a row or form means, if the desk holds it: first by its founders' ID
 * numbers (a name is often retyped, a person's number is not); among several, or with none given, by
 * its name within the carrier. Undefined when nothing, or nothing single, matches.
 */
export function matchTeam(name: string, idNumbers: readonly string[], teams: readonly TeamRef[]): StartupRef | undefined {
  const live = teams.filter((t) => t.startup.entityType === 'team' && !t.startup.creditCode && isLive(t.startup));
  const byId = live.filter((t) => idNumbers.some((given) => t.idNumbers.some((stored) => sameIdNumber(given, stored))));
  const named = (among: readonly TeamRef[]) => {
    const found = among.filter((t) => sameName(t.startup.name, name));
    return found.length === 1 ? found[0]!.startup : undefined;
  };
  if (byId.length === 1) return byId[0]!.startup;
  if (byId.length > 1) return named(byId);
  return named(live);
}
