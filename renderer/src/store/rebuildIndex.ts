import { addTo } from '@core/grouping';
import type { Table } from 'dexie';
import { completionGaps, type Entity, type Founder, type Startup } from '@core/records';
import { addCoachedMonths } from '@core/tallies/totals';
import type { TallyRow } from './tallies';
import { indexRowOf, type StartupIndexRow } from './startupIndex';
import { applyTallies, indexRowsDelta, recordDelta } from './tallies';
import { sendInTasks } from './requestsInTasks';

/** The tables the derived data comes from and goes to; untyped so a schema upgrade can pass its transaction's. */
export interface IndexTables {
  startups: Table;
  founders: Table;
  startupIndex: Table;
  tallies: Table;
}

/**
 * The named startups' founders as stored, by startup: a request per startup, all sent at once (`anyOf`
 * walks a cursor, a round trip per founder).
 */
export async function foundersOf(t: Pick<IndexTables, 'founders'>, ids: string[]): Promise<Map<string, Founder[]>> {
  const founders = (await Promise.all(ids.map((id) => t.founders.where('startupId').equals(id).toArray()))) as Founder[][];
  return new Map(ids.map((id, i) => [id, founders[i]!]));
}

/**
 * A row the same as the one stored: most edits (a room, a phone) and most roster decisions (a roster id)
 * leave the list row as it was, and writing it again costs a write and a change to the list memory for nothing.
 */
function sameRow(row: StartupIndexRow, old: StartupIndexRow | undefined): boolean {
  if (!old) return false;
  // Compared field by field: stringifying both rows (thousands of characters each) made most of a bulk
  // edit's garbage.
  const a = row as unknown as Record<string, unknown>;
  const b = old as unknown as Record<string, unknown>;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/** Startups' index rows built from them and their founders, those that changed written with the change they make to the totals. */
export async function writeIndexRows(t: IndexTables, startups: (Startup | undefined)[], founders: Map<string, Founder[]>, old: (StartupIndexRow | undefined)[]) {
  const changes = startups.flatMap((s, i) => {
    const after = s && indexRowOf(s, founders.get(s.id) ?? []);
    return after && sameRow(after, old[i]) ? [] : [{ before: old[i], after }];
  });
  const rows = changes.flatMap(({ after }) => (after ? [after] : []));
  await Promise.all([sendInTasks(t.startupIndex, 'bulkPut', rows), applyTallies(t.tallies, indexRowsDelta(changes))]);
}

/** Derives the named startups' index rows from their records, and moves the kept totals with them. */
export async function rebuildStartupIndex(t: IndexTables, ids: string[]) {
  const [startups, founders, old] = await Promise.all([t.startups.bulkGet(ids), foundersOf(t, ids), t.startupIndex.bulkGet(ids)]);
  await writeIndexRows(t, startups as (Startup | undefined)[], founders, old as (StartupIndexRow | undefined)[]);
}

/**
 * Records derived at a time. A bulk request is issued in one task, each row serialised there: 500
 * index rows took 160 ms when each had dozens of index keys (before schema 10).
 */
const CHUNK = 250;
/** Totals written at a time, once all are summed. */
const TALLY_CHUNK = 1000;

/** Reads a table by id, a chunk at a time, so a large desk never sits in memory whole. */
export async function eachChunk<T extends { id: string }>(table: Table, fn: (rows: T[]) => Promise<void> | void) {
  let rows = (await table.orderBy(':id').limit(CHUNK).toArray()) as T[];
  while (rows.length > 0) {
    await fn(rows);
    if (rows.length < CHUNK) return;
    rows = (await table.where(':id').above(rows.at(-1)!.id).limit(CHUNK).toArray()) as T[];
  }
}

export interface DerivedTables extends IndexTables {
  sessions: Table;
  reports: Table;
  evaluations: Table;
  mentors: Table;
}

/**
 * Derives everything derived (list index, kept totals) anew from the records: after a restore, an
 * upgrade. The totals are summed in memory and written once at the end, never read: adding each
 * chunk's change to the stored totals read and wrote thousands of day totals per chunk.
 */
export async function rebuildDerived(t: DerivedTables) {
  await Promise.all([t.startupIndex.clear(), t.tallies.clear()]);
  const totals = new Map<string, number>();
  await eachChunk<Startup>(t.startups, async (startups) => {
    const founders = await foundersInRange(t, startups.map((s) => s.id));
    const rows = startups.map((s) => indexRowOf(s, founders.get(s.id) ?? []));
    await t.startupIndex.bulkPut(rows);
    indexRowsDelta(rows.map((after) => ({ after })), totals);
  });
  for (const [entity, table] of [['session', t.sessions], ['report', t.reports], ['evaluation', t.evaluations], ['mentor', t.mentors]] as [Entity, Table][]) {
    await eachChunk<{ id: string }>(table, (rows) => void recordDelta(entity, rows.map((after) => ({ before: undefined, after })), totals));
  }
  await writeTotals(t.tallies, totals);
}

/**
 * The named startups' founders, by startup, read as one range of the startupId index (from the least
 * id to the greatest, those of other startups left out): a request per startup cost a round trip each.
 */
export async function foundersInRange(t: Pick<IndexTables, 'founders'>, ids: readonly string[]): Promise<Map<string, Founder[]>> {
  const founders = new Map<string, Founder[]>();
  if (ids.length === 0) return founders;
  const sorted = [...ids].sort();
  const wanted = new Set(ids);
  const inRange = (await t.founders.where('startupId').between(sorted[0]!, sorted.at(-1)!, true, true).toArray()) as Founder[];
  for (const f of inRange) if (wanted.has(f.startupId)) addTo(founders, f.startupId, f);
  return founders;
}

/**
 * The kept totals anew from the list rows held and the other records' sums, which a joining desk added
 * up page by page as it stored them (reading those records again took most of a join's last step).
 */
export async function rebuildTotals(t: Pick<IndexTables, 'startupIndex' | 'tallies'>, recordTotals: ReadonlyMap<string, number>) {
  const totals = new Map(recordTotals);
  await eachChunk<StartupIndexRow>(t.startupIndex, (rows) => void indexRowsDelta(rows.map((after) => ({ after })), totals));
  await t.tallies.clear();
  await writeTotals(t.tallies, totals);
}

/** Totals written as they are listed, a chunk per request: listing a 10,000-startup desk's totals at once took 570 ms. */
async function writeTotals(tallies: Table, totals: Map<string, number>) {
  let rows: TallyRow[] = [];
  for (const [key, n] of addCoachedMonths(totals)) {
    if (n !== 0) rows.push({ key, n });
    if (rows.length === TALLY_CHUNK) {
      await tallies.bulkPut(rows);
      rows = [];
    }
  }
  await tallies.bulkPut(rows);
}

/**
 * Derives anew the index rows of startups with something to complete, with the totals they move:
 * version 6 gave those rows the 待补充 facet. The rows of complete startups stay as they are (most of a
 * desk: deriving 100,000 rows anew takes minutes).
 */
export async function rebuildIncomplete(t: IndexTables) {
  const ids: string[] = [];
  await eachChunk<Startup>(t.startups, (startups) => {
    for (const s of startups) if (completionGaps(s).length > 0) ids.push(s.id);
  });
  for (let i = 0; i < ids.length; i += CHUNK) await rebuildStartupIndex(t, ids.slice(i, i + CHUNK));
}
