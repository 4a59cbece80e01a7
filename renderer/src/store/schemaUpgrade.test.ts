import { describe, expect, it } from 'vitest';
import { generateIncubator } from '@core/demo/generate';
import { openDb, type DeskDb } from './db';
import { rebuildDerived } from './rebuildIndex';
import { schemaVersions } from './schema';
import { countMatches, pageStartups, type StartupQuery } from './startups';

const STARTUPS = 10_000;
const OLDEST = schemaVersions[0]!.version;
const LATEST = schemaVersions.at(-1)!.version;
const TODAY = '2026-11-28';
/** The tables version 1 already had, with the records a desk of that version held. */
const RECORDS = ['startups', 'founders', 'mentors', 'sessions', 'reports', 'exits'] as const;

const q = (over: Partial<StartupQuery> = {}): StartupQuery => ({ state: 'resident', today: TODAY, sort: 'name', ...over });
/** What the list shows for a query: its first page and its count. */
const LIST: Partial<StartupQuery>[] = [{}, { state: 'exited' }, { stage: 'growth' }, { industry: 'I' }, { field: 'digital' }, { group: 'veteran' }, { keyProject: true }, { free: true }, { endingWithinDays: 90, sort: 'agreementEndsOn' }, { sort: 'admittedOn', descending: true }, { text: '科技' }];

const byKey = <T>(rows: T[], key: (row: T) => string) => rows.toSorted((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const records = (db: DeskDb, table: string) => db.table(table).toArray().then((rows: { id: string }[]) => byKey(rows, (r) => r.id));

async function shown(db: DeskDb) {
  const lists = [];
  for (const over of LIST) lists.push({ query: over, page: (await pageStartups(db, q(over), undefined, 50)).map((r) => r.id), count: await countMatches(db, q(over)) });
  return {
    lists,
    index: byKey(await db.startupIndex.toArray(), (r) => r.id),
    // The dashboard's figures are read from these kept totals.
    totals: byKey(await db.tallies.toArray(), (t) => t.key),
  };
}

describe(`schema upgrade from the oldest version (${OLDEST} → ${LATEST}) at ${STARTUPS.toLocaleString('en-US')} startups`, () => {
  it('keeps every record and shows the same list, counts and totals as a desk written at the latest version', async () => {
    const inc = generateIncubator({ startups: STARTUPS, sessionsPerStartup: 1, quarters: 1, seed: 11, today: TODAY, idPrefix: 'up-' });
    const old = openDb('upgrade-oldest', 1);
    const fresh = openDb('upgrade-oldest-reference');
    try {
      await old.open();
      expect(old.verno).toBe(OLDEST);
      await old.carrier.put(inc.carrier);
      for (const table of RECORDS) await old.table(table).bulkAdd(inc[table]);
      old.close();

      // The same records written by today's desk: its list rows and totals derived as an import derives them.
      await fresh.open();
      await fresh.transaction('rw', fresh.tables, async () => {
        await fresh.carrier.put(inc.carrier);
        for (const table of RECORDS) await fresh.table(table).bulkAdd(inc[table]);
        await rebuildDerived(fresh);
      });

      const upgraded = openDb('upgrade-oldest');
      await upgraded.open();
      try {
        expect(upgraded.verno).toBe(LATEST);
        expect(await upgraded.carrier.get('carrier')).toEqual(inc.carrier);
        for (const table of RECORDS) expect(await records(upgraded, table), table).toEqual(byKey(inc[table] as { id: string }[], (r) => r.id));
        const after = await shown(upgraded);
        expect(after.index).toHaveLength(STARTUPS);
        // Not an empty list matching an empty list: the queries find startups.
        expect(after.lists[0]!.page).toHaveLength(50);
        expect(after.lists.filter((l) => l.count > 0).length).toBeGreaterThan(LIST.length - 2);
        expect(after).toEqual(await shown(fresh));
      } finally {
        await upgraded.delete();
      }
    } finally {
      old.close();
      await fresh.delete();
    }
  }, 600_000);
});
