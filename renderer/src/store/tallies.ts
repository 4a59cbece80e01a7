import type { EntityTable, Table } from 'dexie';
import type { DateRange } from '@core/kpis/carrierNumbers';
import type { Entity, Evaluation, Mentor, Report, Session } from '@core/records';
import { coachedMonth, difference, isCoachedKey, evaluationContribution, mentorContribution, reportContribution, sessionContribution, startupContribution, type Contribution } from '@core/tallies/contributions';
import { monthsToRead, TallyView } from '@core/tallies/view';
import type { ListState, StartupIndexRow } from './startupIndex';

/** One kept count or sum (see core/tallies/contributions.ts for what the keys mean). */
export interface TallyRow {
  key: string;
  n: number;
}
type Tallies = Table<TallyRow, string> | EntityTable<TallyRow, 'key'>;
/** What reads the totals needs of a database: its table of them. */
type WithTallies = { tallies: Tallies };

/** Records whose writes move the kept totals (startups move them through their list-index rows). */
const contributionOf: Partial<Record<Entity, (record: never) => Contribution[]>> = {
  session: (s: Session) => sessionContribution(s),
  report: (r: Report) => reportContribution(r),
  evaluation: (e: Evaluation) => evaluationContribution(e),
  mentor: (m: Mentor) => mentorContribution(m),
};

export const movesTallies = (entity: Entity) => entity in contributionOf;

/** What records of one kind add up to, old and new, as one change to the totals. */
export function recordDelta(entity: Entity, changes: readonly { before: unknown; after: unknown }[], into = new Map<string, number>()) {
  const of = contributionOf[entity];
  if (!of) return into;
  for (const { before, after } of changes) {
    for (const [k, n] of difference(before ? of(before as never) : [], after ? of(after as never) : [])) into.set(k, (into.get(k) ?? 0) + n);
  }
  return into;
}

/**
 * The list's one kept count, per state: the whole list's count shown before the list is in memory
 * (`listMemory`), which counts everything else. Version 9 also kept a count per filter value and the
 * agreements ending per day (`dropListTallies`).
 */
const listContribution = (row: StartupIndexRow): Contribution[] => [[`z|${row.state}|*`, 1]];
const rowContribution = (row: StartupIndexRow) => [...startupContribution(row), ...listContribution(row)];

export function indexRowsDelta(changes: readonly { before?: StartupIndexRow; after?: StartupIndexRow }[], into = new Map<string, number>()) {
  for (const { before, after } of changes) {
    for (const [k, n] of difference(before ? rowContribution(before) : [], after ? rowContribution(after) : [])) into.set(k, (into.get(k) ?? 0) + n);
  }
  return into;
}

/** How many startups a state lists: one read. */
export const stateCount = async (db: WithTallies, state: ListState) => (await db.tallies.get(`z|${state}|*`))?.n ?? 0;

/** The totals version 9 kept for the list's filters (a count per filter value, agreements ending per day), which the memory answers now. */
export async function dropListTallies(tallies: Table<TallyRow, string>) {
  const keys = (await tallies.toCollection().primaryKeys()) as string[];
  await tallies.bulkDelete(keys.filter((k) => (k.startsWith('z|') && !k.endsWith('|*')) || k.startsWith('m|ends:') || (k.startsWith('d|') && k.includes('|ends:'))));
}

/** Reads the kept totals one or more date ranges need. */
export async function loadTallyView(db: WithTallies, ranges: readonly DateRange[], series?: string): Promise<TallyView> {
  const months = monthsToRead(ranges);
  const range = (prefix: string) => db.tallies.where('key').between(prefix, `${prefix}\uffff`).toArray();
  const parts = series
    ? [range(`m|${series}|`), ...months.map((m) => range(`d|${m}|${series}|`))]
    : [db.tallies.where('key').between('g|', 'q|\uffff').toArray(), ...months.map((m) => range(`d|${m}|`))];
  return new TallyView((await Promise.all(parts)).flat(), months);
}

/**
 * Adds a change to the totals inside the caller's transaction. A startup's held sessions per month are
 * counted too, so the month's count of distinct coached startups moves only when one goes 0 ↔ some.
 */
export async function applyTallies(tallies: Tallies, delta: Map<string, number>): Promise<void> {
  if (delta.size === 0) return;
  const keys = [...delta.keys()];
  const rows = await tallies.bulkGet(keys);
  const next = new Map<string, number>();
  keys.forEach((k, i) => next.set(k, (rows[i]?.n ?? 0) + delta.get(k)!));
  const coached = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!isCoachedKey(k)) return;
    const was = (rows[i]?.n ?? 0) > 0;
    const is = next.get(k)! > 0;
    if (was !== is) coached.set(coachedMonth(k), (coached.get(coachedMonth(k)) ?? 0) + (is ? 1 : -1));
  });
  if (coached.size > 0) {
    const months = [...coached.keys()];
    const had = await tallies.bulkGet(months);
    months.forEach((k, i) => next.set(k, (had[i]?.n ?? 0) + coached.get(k)!));
  }
  const gone = [...next].filter(([, n]) => n === 0).map(([k]) => k);
  await tallies.bulkPut([...next].filter(([, n]) => n !== 0).map(([key, n]) => ({ key, n })));
  if (gone.length > 0) await tallies.bulkDelete(gone);
}
