import type { Table } from 'dexie';
import type { Entity, Founder, Startup } from '@core/records';
import { indexRowOf, type StartupIndexRow } from './startupIndex';
import { applyTallies, indexRowsDelta, recordDelta } from './tallies';

/** The tables the derived data comes from and goes to; untyped so a schema upgrade can pass its transaction's. */
export interface IndexTables {
  startups: Table;
  founders: Table;
  startupIndex: Table;
  tallies: Table;
}

/** Derives the named startups' index rows from their records, and moves the kept totals with them. */
export async function rebuildStartupIndex(t: IndexTables, ids: string[]) {
  const [startups, people, old] = (await Promise.all([t.startups.bulkGet(ids), t.founders.where('startupId').anyOf(ids).toArray(), t.startupIndex.bulkGet(ids)])) as [
    (Startup | undefined)[],
    Founder[],
    (StartupIndexRow | undefined)[],
  ];
  const byStartup = new Map<string, Founder[]>();
  for (const f of people) byStartup.set(f.startupId, [...(byStartup.get(f.startupId) ?? []), f]);
  const rows = startups.map((s) => (s ? indexRowOf(s, byStartup.get(s.id) ?? []) : undefined));
  await t.startupIndex.bulkPut(rows.filter((r) => !!r));
  await applyTallies(t.tallies, indexRowsDelta(rows.map((after, i) => ({ before: old[i], after }))));
}

const CHUNK = 5000;

/** Reads a table by id, a chunk at a time, so a large desk never sits in memory whole. */
async function eachChunk<T extends { id: string }>(table: Table, fn: (rows: T[]) => Promise<void> | void) {
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

/** Derives everything derived (list index, kept totals) anew from the records: after a restore, an upgrade, demo data. */
export async function rebuildDerived(t: DerivedTables) {
  await Promise.all([t.startupIndex.clear(), t.tallies.clear()]);
  await eachChunk<Startup>(t.startups, (rows) => rebuildStartupIndex(t, rows.map((s) => s.id)));
  for (const [entity, table] of [['session', t.sessions], ['report', t.reports], ['evaluation', t.evaluations], ['mentor', t.mentors]] as [Entity, Table][]) {
    await eachChunk<{ id: string }>(table, (rows) => applyTallies(t.tallies, recordDelta(entity, rows.map((after) => ({ before: undefined, after })))));
  }
}
