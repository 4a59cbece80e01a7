import type { Founder, Startup } from '@core/records';
import type { DeskDb } from './db';
import { existingCopy } from '@core/identity';
import { IdentityError, identityCheck, identityLookups } from './identity';
import { operatorName } from './operator';
import { prepareSeals, unsealFounders } from './sealing';
import { listOf, loadedListOf } from './listMemory';
import { filtersNothing, matcherOf, type StartupQuery } from './listQuery';
import type { ListState, SortField, StartupIndexRow } from './startupIndex';
import { stateCount } from './tallies';
import { foundersOf, writeIndexRows } from './rebuildIndex';
import { prepareWrite, saveRecord, writeInTx, writeTables } from './write';

type New<T> = Omit<T, 'updatedAt'>;

/**
 * Saves a startup with its founders, all or nothing: a failed founder leaves the startup unsaved too.
 * Everything is read at once, then everything written at once: each round trip inside a transaction
 * costs about 2 ms here, and an edit made one after another took twice as long as its writes alone.
 */
export async function saveStartup(db: DeskDb, startup: New<Startup>, founders: New<Founder>[]): Promise<Startup> {
  const problems = await identityCheck(db, startup, founders.map((f) => ({ ...f, startupId: startup.id })));
  if (problems.length > 0) throw new IdentityError(problems);
  const sealed = await prepareSeals(db, founders);
  return db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    const who = operatorName();
    // A startup's founders are its own: read by startup, they are the founders' stored forms too, and
    // the list row needs them all. Every read goes out in one round trip.
    const stored = foundersOf(db, [startup.id]).then((m) => m.get(startup.id) ?? []);
    const storedById = stored.then((all) => new Map(all.map((f) => [f.id, f])));
    const [ownWrite, founderWrite, storedFounders, old] = await Promise.all([
      prepareWrite(db, 'startup', [startup], who, { reindex: false }),
      prepareWrite(db, 'founder', founders.map((f) => ({ ...f, startupId: startup.id })), who, {
        stored: sealed,
        reindex: false,
        befores: storedById.then((byId) => founders.map((f) => byId.get(f.id))),
      }),
      stored,
      db.startupIndex.bulkGet([startup.id]),
    ]);
    if (!ownWrite.changes && !founderWrite.changes) return ownWrite.saved[0]!;
    // The list row derives from both, as they will be stored: the founders written replace their
    // stored forms, in the order the index reads them (by id).
    const written = founderWrite.atRest as Founder[];
    const kept = storedFounders.filter((f) => !written.some((w) => w.id === f.id));
    const all = [...kept, ...written].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await Promise.all([ownWrite.apply(), founderWrite.apply(), writeIndexRows(db, ownWrite.atRest as Startup[], new Map([[startup.id, all]]), old)]);
    return ownWrite.saved[0]!;
  });
}

/**
 * A startup that exited or was voided comes back as itself: resident again from `admittedOn`, its exit
 * or void cleared, so its file keeps its whole history (the old dates and decisions are in its audit
 * entries and exit decisions). Refused while another live startup holds its credit code.
 */
export async function readmitStartup(db: DeskDb, id: string, admittedOn: string, agreementEndsOn: string): Promise<Startup> {
  const startup = await db.startups.get(id);
  if (!startup) throw new Error(`No startup ${id}`);
  const lookup = await identityLookups(db, { creditCodes: startup.creditCode ? [startup.creditCode] : [], idNumbers: [], teamNames: startup.creditCode ? [] : [startup.name] });
  // Another voided or exited copy does not stand in the way; a live one does.
  const copy = existingCopy(startup, [], lookup);
  if (copy && copy.kind !== 'creditCodeReadmission') throw new IdentityError([copy]);
  const { exitKind: _exitKind, exitedOn: _exitedOn, voidedReason: _voidedReason, voidedAt: _voidedAt, ...kept } = startup;
  return saveRecord(db, 'startup', { ...kept, status: 'resident', admittedOn, agreementEndsOn }, operatorName());
}

/** A startup admitted by mistake is voided with a reason, never deleted. */
export async function voidStartup(db: DeskDb, id: string, reason: string): Promise<void> {
  await db.transaction('rw', writeTables(db, 'startup'), async () => {
    const startup = await db.startups.get(id);
    if (!startup) throw new Error(`No startup ${id}`);
    await writeInTx(db, 'startup', { ...startup, voidedReason: reason, voidedAt: new Date().toISOString() }, operatorName());
  });
}

export type { SortField, StartupQuery };

/**
 * The first page of a state's whole list before the memory is loaded: the desk has just opened, and
 * reading 100,000 rows takes a second or two, while a page is one plain index range.
 */
async function firstPageFromIndex(db: DeskDb, q: StartupQuery, limit: number): Promise<StartupIndexRow[]> {
  const range = db.startupIndex.where(`[state+${q.sort}+id]`).between([q.state, ''], [q.state, '\uffff']);
  return (q.descending ? range.reverse() : range).limit(limit).toArray();
}

function take<T>(rows: Iterable<T>, limit: number): T[] {
  const out: T[] = [];
  if (limit <= 0) return out;
  for (const row of rows) if (out.push(row) >= limit) break;
  return out;
}

/** Every row matching a query, in the list's order. */
export async function findStartups(db: DeskDb, q: StartupQuery): Promise<StartupIndexRow[]> {
  const list = await listOf(db);
  return [...list.matching(matcherOf(q), q.sort, q.descending)];
}

/** The ids of every row matching a query, for acting on all of them (a bulk edit of what a filter lists). */
export async function matchingIds(db: DeskDb, q: StartupQuery): Promise<string[]> {
  return (await findStartups(db, q)).map((r) => r.id);
}

/** A page of the list, continuing after the last row shown (keyset paging). */
export async function pageStartups(db: DeskDb, q: StartupQuery, after: StartupIndexRow | undefined, limit: number): Promise<StartupIndexRow[]> {
  const loaded = await loadedListOf(db);
  if (!loaded && !after && filtersNothing(q)) return firstPageFromIndex(db, q, limit);
  const list = loaded ?? (await listOf(db));
  return take(list.matching(matcherOf(q), q.sort, q.descending, after), limit);
}

/** How many rows a query lists, exactly: a state's whole list from its kept count until the memory is loaded. */
export async function countMatches(db: DeskDb, q: StartupQuery): Promise<number> {
  const loaded = await loadedListOf(db);
  if (!loaded && filtersNothing(q)) return stateCount(db, q.state);
  return (loaded ?? (await listOf(db))).count(matcherOf(q));
}

export const countStartups = (db: DeskDb, state: ListState) => countMatches(db, { state, sort: 'name', today: '' });

/** Everything recorded about one startup, for its file. */
export async function startupFile(db: DeskDb, id: string) {
  const founders = await db.founders.where('startupId').equals(id).toArray();
  const [startup, audit, sessions, reports, evaluations, exits] = await Promise.all([
    db.startups.get(id),
    // A request per record, sent together (`anyOf` walks a cursor, a round trip per entry).
    Promise.all([id, ...founders.map((f) => f.id)].map((r) => db.audit.where('recordId').equals(r).toArray())).then((parts) => parts.flat()),
    db.sessions.where('startupIds').equals(id).toArray(),
    db.reports.where('startupId').equals(id).toArray(),
    db.evaluations.where('startupId').equals(id).toArray(),
    db.exits.where('startupId').equals(id).toArray(),
  ]);
  // Opened last: every read above is done, so the live query has seen all it depends on.
  return startup ? { startup, founders: await unsealFounders(founders), audit, sessions, reports, evaluations, exits } : undefined;
}
export type StartupFile = NonNullable<Awaited<ReturnType<typeof startupFile>>>;
