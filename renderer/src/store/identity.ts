import type { Table } from 'dexie';
import { identityProblems, sameIdNumber, sameName, type FounderRef, type IdentityLookup, type IdentityProblem, type TeamRef } from '@core/identity';
import type { Founder, Startup } from '@core/records';
import { normalizeCode } from '@core/text';
import { maskIdNumber } from '@core/validators/idNumber';
import type { DeskDb } from './db';
import { foundersOf } from './rebuildIndex';
import { lockSettings, unsealFounders } from './sealing';

/** Keys asked for at once: issuing a query costs the page about 0.1 ms, so a batch stays a short task. */
const LOOKUP_BATCH = 250;

/**
 * Records whose `index` holds one of `keys`, asked a batch at a time in one transaction: `anyOf` walks
 * a cursor from key to key, a round trip each, and 5,000 credit codes took seconds.
 */
export async function withKeys<T, I>(db: DeskDb, table: Table<T, string, I>, index: string, keys: string[]): Promise<T[]> {
  return db.transaction('r', table, async () => {
    const found: T[] = [];
    for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
      for (const rows of await Promise.all(keys.slice(i, i + LOOKUP_BATCH).map((key) => table.where(index).equals(key).toArray()))) found.push(...rows);
    }
    return found;
  });
}

const distinct = (values: string[]) => [...new Set(values.filter(Boolean))];
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** What is asked about: the credit codes, ID numbers and team names a form or file gives. */
export interface IdentityQuery {
  creditCodes: string[];
  idNumbers: string[];
  teamNames: string[];
}

/** The identity lookup (core/identity) over the desk's records, with the records found, for an update's before. */
export interface StoreIdentityLookup extends IdentityLookup {
  startup(id: string): Startup | undefined;
  /** A found startup's founders, numbers opened. */
  foundersOf(startupId: string): Founder[];
}

/**
 * Reads, through the credit code, ID number and name indexes, every startup and founder that may
 * already be the ones asked about, with the matched startups' founders. ID numbers are opened before
 * comparing (a sealed founder's index holds the masked number), so call it outside a write's
 * transaction: WebCrypto inside one would let IndexedDB commit it.
 */
export async function identityLookups(db: DeskDb, q: IdentityQuery): Promise<StoreIdentityLookup> {
  const codes = distinct(q.creditCodes.map(normalizeCode));
  const numbers = distinct(q.idNumbers.map(normalizeCode));
  const sealed = !!(await lockSettings(db));
  // A sealed founder is indexed by its masked number: asked by that, then compared once opened.
  const numberKeys = distinct(numbers.flatMap((n) => (sealed && !n.includes('*') ? [n, maskIdNumber(n)] : [n])));
  const [byCode, byNumber, byName] = await Promise.all([
    withKeys(db, db.startups, 'creditCode', codes),
    withKeys(db, db.founders, 'idNumber', numberKeys).then(unsealFounders),
    withKeys(db, db.startups, 'name', distinct(q.teamNames.map((n) => n.trim()))),
  ]);
  const withNumber = byNumber.filter((f) => numbers.some((n) => sameIdNumber(n, f.idNumber)));
  const known = byId([...byCode, ...byName]);
  const missing = distinct(withNumber.map((f) => f.startupId)).filter((id) => !known.has(id));
  for (const s of await db.startups.bulkGet(missing)) if (s) known.set(s.id, s);
  const founders = await db.transaction('r', db.founders, () => foundersOf(db, [...known.keys()]));
  const opened = new Map<string, Founder[]>();
  for (const [id, list] of founders) opened.set(id, await unsealFounders(list));
  const ref = (f: Founder): FounderRef => ({ founder: f, startup: known.get(f.startupId) ?? { id: f.startupId, name: '' } });
  const teams: TeamRef[] = [...known.values()].filter((s) => s.entityType === 'team').map((s) => ({ startup: s, idNumbers: (opened.get(s.id) ?? []).map((f) => f.idNumber) }));
  return {
    holdersOfCode: (code) => byCode.filter((s) => s.creditCode === normalizeCode(code)),
    foundersWithId: (idNumber) => withNumber.filter((f) => sameIdNumber(idNumber, f.idNumber)).map(ref),
    teams,
    startup: (id) => known.get(id),
    foundersOf: (startupId) => opened.get(startupId) ?? [],
  };
}

/** A save refused by the identity rules: each problem names the startup or person already holding what was given. */
export class IdentityError extends Error {
  constructor(readonly problems: IdentityProblem[]) {
    super(problems.map((p) => `${p.kind} ${p.kind === 'idNumberTaken' ? p.holder.startup.id : p.holder.id}`).join('; '));
    this.name = 'IdentityError';
  }
}

/**
 * The identity rules a startup and its founders, as about to be saved, break. Only what the save
 * changes is checked (a new record, a new code or name, a founder's new number or name): a desk that
 * already held duplicates before the rules still saves an edit of one; they are listed to be merged.
 */
export async function identityCheck(db: DeskDb, startup: Pick<Startup, 'id' | 'name' | 'creditCode' | 'entityType'>, founders: Pick<Founder, 'id' | 'name' | 'idNumber' | 'startupId'>[]): Promise<IdentityProblem[]> {
  const [stored, storedFounders] = await Promise.all([
    db.startups.get(startup.id),
    db.founders.bulkGet(founders.map((f) => f.id)).then((found) => unsealFounders(found.filter((f): f is Founder => !!f))),
  ]);
  const copyChanged = !stored || stored.name !== startup.name || stored.creditCode !== startup.creditCode;
  const changedFounders = founders.filter((f) => {
    const before = storedFounders.find((s) => s.id === f.id);
    return !before || !sameName(before.name, f.name) || normalizeCode(before.idNumber) !== normalizeCode(f.idNumber);
  });
  if (!copyChanged && changedFounders.length === 0) return [];
  const lookup = await identityLookups(db, {
    creditCodes: startup.creditCode ? [startup.creditCode] : [],
    idNumbers: founders.map((f) => f.idNumber),
    teamNames: startup.creditCode ? [] : [startup.name],
  });
  return identityProblems(startup, founders, lookup).filter((p) =>
    p.kind === 'idNumberTaken' ? changedFounders.includes(founders[p.index]!) : copyChanged,
  );
}

/** The other startups a founder founded: the same person (one ID number, one name) may found several residents. */
export async function alsoFounded(db: DeskDb, founder: Pick<Founder, 'name' | 'idNumber' | 'startupId'>): Promise<{ id: string; name: string }[]> {
  const lookup = await identityLookups(db, { creditCodes: [], idNumbers: [founder.idNumber], teamNames: [] });
  return lookup
    .foundersWithId(founder.idNumber)
    .filter((h) => h.startup.id !== founder.startupId && sameName(h.founder.name, founder.name))
    .map((h) => ({ id: h.startup.id, name: h.startup.name }));
}
