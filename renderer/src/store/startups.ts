import type { Founder, KeyGroup, Startup } from '@core/records';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { prepareSeals, unsealFounders } from './sealing';
import { ALL, facet, facetPrefix, listKey, searchPlan, SEP, sortIndex, type ListState, type SortField, type StartupIndexRow } from './startupIndex';
import { facetCount, loadTallyView } from './tallies';
import { rebuildStartupIndex } from './rebuildIndex';
import { writeInTx, writeManyInTx, writeTables } from './write';

type New<T> = Omit<T, 'updatedAt'>;

/** Saves a startup with its founders, all or nothing: a failed founder leaves the startup unsaved too. */
export async function saveStartup(db: DeskDb, startup: New<Startup>, founders: New<Founder>[]): Promise<Startup> {
  const sealed = await prepareSeals(db, founders);
  return db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    const [saved] = await writeManyInTx(db, 'startup', [startup], operatorName(), { reindex: false });
    await writeManyInTx(db, 'founder', founders.map((f) => ({ ...f, startupId: saved!.id })), operatorName(), { stored: sealed, reindex: false });
    // The list row derives from both: built once, after both are written.
    await rebuildStartupIndex(db, [saved!.id]);
    return saved!;
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

export type { SortField };

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

/** The filters a query sets, each as its facet in the list index (the agreement window has none: it is a range). */
function facetsOf(q: StartupQuery): string[] {
  const f: string[] = [];
  if (q.group) f.push(facet.group(q.group));
  if (q.keyProject !== undefined) f.push(facet.key(q.keyProject ? 1 : 0));
  if (q.free !== undefined) f.push(facet.free(q.free ? 1 : 0));
  if (q.industry) f.push(facet.industry(q.industry));
  if (q.field) f.push(facet.field(q.field));
  if (q.stage) f.push(facet.stage(q.stage));
  return f;
}

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
 * Where a query's rows are in the list index: one facet's key range in one sort index, the check the
 * other filters make on each row read (none when one filter decides), and whether the range is already
 * in the wanted order. Only a search in another order than by name, or by a prefix (codes, one
 * character), reads its whole slice and sorts it.
 */
interface ListPlan {
  index: ReturnType<typeof sortIndex>;
  facet: string;
  lower: string;
  upper: string;
  residual?: (row: StartupIndexRow) => boolean;
  inOrder: boolean;
}

const END = '\uffff';

function planOf(q: StartupQuery): ListPlan {
  const s = q.state;
  const facets = facetsOf(q);
  const text = q.text?.trim() ? searchPlan(q.text) : undefined;
  const window = q.endingWithinDays !== undefined;
  const constraints = facets.length + (window ? 1 : 0) + (text ? 1 : 0);
  const residual = constraints > 1 || (text && !text.exact) ? residualFilter(q) : undefined;
  if (text) {
    const f = facet.term(text.term);
    const lower = text.prefix ? `${s}${SEP}${f}` : facetPrefix(s, f);
    return { index: 'byName', facet: f, lower, upper: lower + END, residual, inOrder: !text.prefix && q.sort === 'name' };
  }
  if (window) {
    const lower = facetPrefix(s, ALL);
    return { index: 'byAgreementEndsOn', facet: ALL, lower: lower + q.today, upper: `${lower}${addDays(q.today, q.endingWithinDays!)}${SEP}${END}`, residual, inOrder: q.sort === 'agreementEndsOn' };
  }
  const f = facets[0] ?? ALL;
  const lower = facetPrefix(s, f);
  return { index: sortIndex(q.sort), facet: f, lower, upper: lower + END, residual, inOrder: true };
}

const rangeOf = (db: DeskDb, plan: ListPlan) => {
  const range = db.startupIndex.where(plan.index).between(plan.lower, plan.upper, true, true);
  return plan.residual ? range.filter(plan.residual) : range;
};

/** A slice that is not in the wanted order: read whole, each row once, and sorted. */
async function sortedSlice(db: DeskDb, q: StartupQuery, plan: ListPlan) {
  return (await rangeOf(db, plan).distinct().toArray()).sort(compare(q.sort, q.descending));
}

/** Every row matching a query, in the list's order. */
export async function findStartups(db: DeskDb, q: StartupQuery): Promise<StartupIndexRow[]> {
  const plan = planOf(q);
  if (!plan.inOrder) return sortedSlice(db, q, plan);
  const range = rangeOf(db, plan);
  return (q.descending ? range.reverse() : range).toArray();
}

/**
 * A page of the list, continuing after the last row shown (keyset paging): the next `limit` keys of the
 * query's index range, so a page costs the same at the top of 100,000 startups as at the bottom.
 */
export async function pageStartups(db: DeskDb, q: StartupQuery, after: StartupIndexRow | undefined, limit: number): Promise<StartupIndexRow[]> {
  const plan = planOf(q);
  if (!plan.inOrder) {
    const rows = await sortedSlice(db, q, plan);
    const order = compare(q.sort, q.descending);
    const start = after ? rows.findIndex((r) => order(r, after) > 0) : 0;
    return start < 0 ? [] : rows.slice(start, start + limit);
  }
  let { lower, upper } = plan;
  if (after) {
    const key = listKey(q.state, plan.facet, after[plan.index === 'byAgreementEndsOn' ? 'agreementEndsOn' : q.sort], after.id);
    if (q.descending) upper = key;
    else lower = key;
  }
  let range = db.startupIndex.where(plan.index).between(lower, upper, !after || !!q.descending, !after || !q.descending);
  if (plan.residual) range = range.filter(plan.residual);
  if (q.descending) range = range.reverse();
  return range.limit(limit).toArray();
}

/**
 * How many rows a query lists: one kept count for a single filter, the agreement window summed from
 * kept per-day counts, a search's index range counted, and a slice checked row by row only for combined
 * filters and searches longer than two characters.
 */
export async function countMatches(db: DeskDb, q: StartupQuery): Promise<number> {
  const plan = planOf(q);
  if (!plan.residual && plan.index === 'byAgreementEndsOn' && q.endingWithinDays !== undefined) {
    const range = { from: q.today, to: addDays(q.today, q.endingWithinDays) };
    return (await loadTallyView(db, [range], `ends:${q.state}`)).between(`ends:${q.state}`, range);
  }
  if (!plan.residual && !q.text?.trim()) return facetCount(db, q.state, plan.facet);
  return plan.inOrder ? rangeOf(db, plan).count() : (await rangeOf(db, plan).distinct().primaryKeys()).length;
}

export const countStartups = (db: DeskDb, state: ListState) => countMatches(db, { state, sort: 'name', today: '' });

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
