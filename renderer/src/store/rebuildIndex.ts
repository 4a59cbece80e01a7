import type { Table } from 'dexie';
import type { Founder, Startup } from '@core/records';
import { indexRowOf } from './startupIndex';

/** The tables the index is derived from; untyped so the schema upgrade can pass its transaction's tables. */
export interface IndexTables {
  startups: Table;
  founders: Table;
  startupIndex: Table;
}

/** Derives startups' index rows from the records (every startup, or the ones named). */
export async function rebuildStartupIndex(t: IndexTables, ids?: string[]) {
  const [rows, people] = (
    ids
      ? await Promise.all([t.startups.bulkGet(ids), t.founders.where('startupId').anyOf(ids).toArray()])
      : await Promise.all([t.startups.toArray(), t.founders.toArray()])
  ) as [(Startup | undefined)[], Founder[]];
  const byStartup = new Map<string, Founder[]>();
  for (const f of people) byStartup.set(f.startupId, [...(byStartup.get(f.startupId) ?? []), f]);
  await t.startupIndex.bulkPut(rows.filter((s): s is Startup => !!s).map((s) => indexRowOf(s, byStartup.get(s.id) ?? [])));
}
