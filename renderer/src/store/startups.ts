import Dexie from 'dexie';
import type { Founder, KeyGroup, Startup } from '@core/records';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { prepareSeals, unsealFounders } from './sealing';
import { searchPlan, type ListState, type StartupIndexRow } from './startupIndex';
import { writeInTx, writeTables } from './write';

type New<T> = Omit<T, 'updatedAt'>;

/** Saves a startup with its founders, all or nothing: a failed founder leaves the startup unsaved too. */
export async function saveStartup(db: DeskDb, startup: New<Startup>, founders: New<Founder>[]): Promise<Startup> {
  const sealed = await prepareSeals(db, founders);
  return db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    const saved = await writeInTx(db, 'startup', startup, operatorName());
    for (const f of founders) await writeInTx(db, 'founder', { ...f, startupId: saved.id }, operatorName(), sealed);
    return saved;
  });
}

/** A startup admitted by mistake is voided with a reason, never deleted. */
export async function voidStartup(db: DeskDb, id: string, reason: string): Promise<void> {
  await db.transaction('rw', writeTables(db, 'startup'), async () => {
    const startup = await db.startups.get(id);
    if (!startup) throw new Error(`No startup ${id}`);
    await writeInTx(db, 'startup', { ...startup, voidedReason: reason, voidedAt: new Date().toISOString() }, operatorName());
  });
}

export type SortField = 'name' | 'admittedOn' | 'agreementEndsOn';

export interface StartupQuery {
  state: ListState;
  text?: string;
  stage?: Startup['stage'];
  industry?: string;
  field?: Startup['field'];
  group?: KeyGroup;
  keyProject?: boolean;
  free?: boolean;
  /** Agreement ends between today and today + days. */
  endingWithinDays?: number;
  today: string;
  sort: SortField;
  descending?: boolean;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

function residualFilter(q: StartupQuery): (row: StartupIndexRow) => boolean {
  const until = q.endingWithinDays !== undefined ? addDays(q.today, q.endingWithinDays) : undefined;
  const plan = q.text?.trim() ? searchPlan(q.text) : undefined;
  return (r) =>
    r.state === q.state &&
    (!q.stage || r.stage === q.stage) &&
    (!q.industry || r.industry === q.industry) &&
    (!q.field || r.field === q.field) &&
    (!q.group || r.groups.includes(q.group)) &&
    (q.keyProject === undefined || r.key === (q.keyProject ? 1 : 0)) &&
    (q.free === undefined || r.free === (q.free ? 1 : 0)) &&
    (!until || (r.agreementEndsOn >= q.today && r.agreementEndsOn <= until)) &&
    (!plan || plan.matches(r));
}

const compare = (field: SortField, descending?: boolean) => (a: StartupIndexRow, b: StartupIndexRow) => {
  const c = a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return descending ? -c : c;
};

/**
 * The rows matching a query, sorted. The most selective index leads (search term, key group, agreement
 * window, an equality filter); only that slice is read and checked in full, never the whole table.
 * Without any filter the caller pages through `pageStartups` instead.
 */
export async function findStartups(db: DeskDb, q: StartupQuery): Promise<StartupIndexRow[]> {
  const t = db.startupIndex;
  const s = q.state;
  let slice;
  if (q.text?.trim()) {
    const plan = searchPlan(q.text);
    slice = plan.prefix ? t.where('terms').startsWith(plan.term).distinct() : t.where('terms').equals(plan.term);
  } else if (q.endingWithinDays !== undefined) {
    slice = t.where('[state+agreementEndsOn]').between([s, q.today], [s, addDays(q.today, q.endingWithinDays)], true, true);
  } else if (q.group) slice = t.where('groups').equals(q.group);
  else if (q.keyProject !== undefined) slice = t.where('[state+key]').equals([s, q.keyProject ? 1 : 0]);
  else if (q.free !== undefined) slice = t.where('[state+free]').equals([s, q.free ? 1 : 0]);
  else if (q.industry) slice = t.where('[state+industry]').equals([s, q.industry]);
  else if (q.field) slice = t.where('[state+field]').equals([s, q.field]);
  else if (q.stage) slice = t.where('[state+stage]').equals([s, q.stage]);
  else throw new Error('findStartups needs a filter; page through pageStartups');
  const rows = (await slice.toArray()).filter(residualFilter(q));
  return rows.sort(compare(q.sort, q.descending));
}

export const hasFilter = (q: StartupQuery) =>
  !!q.text?.trim() || !!q.stage || !!q.industry || !!q.field || !!q.group || q.keyProject !== undefined || q.free !== undefined || q.endingWithinDays !== undefined;

/** A page of the unfiltered list in index order, continuing after the last row shown (keyset paging). */
export async function pageStartups(db: DeskDb, q: Pick<StartupQuery, 'state' | 'sort' | 'descending'>, after: StartupIndexRow | undefined, limit: number) {
  const index = `[state+${q.sort}]`;
  const s = q.state;
  let range;
  if (!after) range = db.startupIndex.where(index).between([s, Dexie.minKey], [s, Dexie.maxKey]);
  else if (q.descending) range = db.startupIndex.where(index).between([s, Dexie.minKey], [s, after[q.sort]], true, true);
  else range = db.startupIndex.where(index).between([s, after[q.sort]], [s, Dexie.maxKey], true, true);
  if (q.descending) range = range.reverse();
  // Rows that tie on the sort key are ordered by id within the index; skip the ones already shown.
  if (after) range = range.filter((r) => r[q.sort] !== after[q.sort] || (q.descending ? r.id < after.id : r.id > after.id));
  return range.limit(limit).toArray();
}

export const countStartups = (db: DeskDb, state: ListState) =>
  db.startupIndex.where('[state+name]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count();

/** Everything recorded about one startup, for its file. */
export async function startupFile(db: DeskDb, id: string) {
  const founders = await db.founders.where('startupId').equals(id).toArray();
  const [startup, audit, sessions, reports, evaluations, exits] = await Promise.all([
    db.startups.get(id),
    db.audit.where('recordId').anyOf([id, ...founders.map((f) => f.id)]).toArray(),
    db.sessions.where('startupIds').equals(id).toArray(),
    db.reports.where('startupId').equals(id).toArray(),
    db.evaluations.where('startupId').equals(id).toArray(),
    db.exits.where('startupId').equals(id).toArray(),
  ]);
  // Opened last: every read above is done, so the live query has seen all it depends on.
  return startup ? { startup, founders: await unsealFounders(founders), audit, sessions, reports, evaluations, exits } : undefined;
}
export type StartupFile = NonNullable<Awaited<ReturnType<typeof startupFile>>>;
