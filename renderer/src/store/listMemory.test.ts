import { describe, expect, it } from 'vitest';
import { aFounder, aStartup } from '@core/testing/records';
import { openDb, type DeskDb } from './db';
import { desksForTest } from './desksForTest';
import { listOf, watchList } from './listMemory';
import type { StartupQuery } from './listQuery';
import { rebuildDerived, rebuildStartupIndex } from './rebuildIndex';
import { schemaVersions } from './schema';
import { countMatches, findStartups, pageStartups, saveStartup, voidStartup } from './startups';

const q = (over: Partial<StartupQuery> = {}): StartupQuery => ({ state: 'resident', today: '2026-11-28', sort: 'name', ...over });
const startup = (id: string, name: string) => {
  const { updatedAt: _, ...s } = aStartup(id, { name, creditCode: undefined, entityType: 'team' });
  return s;
};
const ids = async (db: DeskDb, over: Partial<StartupQuery> = {}) => (await findStartups(db, q(over))).map((r) => r.id);

let n = 0;
const openAt = desksForTest();
const open = (name = `list-memory-${++n}`, upTo?: number) => openAt(name, upTo);

describe('the list in memory', () => {
  it('lists a save as soon as it resolves, and nothing of a transaction that failed', async () => {
    const db = await open();
    await saveStartup(db, startup('a', '甲'), []);
    expect(await ids(db)).toEqual(['a']);
    await saveStartup(db, startup('b', '乙'), [{ ...aFounder('f', 'b'), name: '张三' }]);
    expect(await ids(db, { text: '张三' })).toEqual(['b']);
    await expect(
      db.transaction('rw', db.startupIndex, async () => {
        await db.startupIndex.put({ ...(await db.startupIndex.get('a'))!, name: '丙' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await findStartups(db, q({ text: '丙' }))).length).toBe(0);
    await voidStartup(db, 'a', '重复录入');
    expect([await ids(db), await ids(db, { state: 'voided' })]).toEqual([['b'], ['a']]);
    expect(await countMatches(db, q())).toBe(1);
  });

  it('loads what the desk already holds, shows the first page before, and takes writes made while loading', async () => {
    const first = await open();
    for (const [id, name] of [['a', '丁'], ['b', '甲'], ['c', '乙']]) await saveStartup(first, startup(id!, name!), []);
    first.close();
    const db = await open(first.name);
    // Before the memory is loaded: the first page from the plain index, the count kept.
    const [page, count] = await Promise.all([pageStartups(db, q(), undefined, 2), countMatches(db, q())]);
    // In code unit order: 丁 U+4E01, 丙 U+4E19, 乙 U+4E59, 甲 U+7532.
    expect([page.map((r) => r.id), count]).toEqual([['a', 'c'], 3]);
    const loading = listOf(db);
    await saveStartup(db, startup('d', '丙'), []);
    await loading;
    expect(await ids(db)).toEqual(['a', 'd', 'c', 'b']);
    expect(await countMatches(db, q())).toBe(4);
  });

  it('lists a large write in full as soon as it resolves, applied over several tasks', async () => {
    const db = await open();
    await listOf(db);
    const many = Array.from({ length: 1_200 }, (_, i) => ({ ...startup(`m${String(i).padStart(4, '0')}`, `企业${String(1_199 - i).padStart(4, '0')}`), updatedAt: '2026-01-01T00:00:00.000Z' }));
    await db.transaction('rw', [db.startups, db.founders, db.startupIndex, db.tallies], async () => {
      await db.startups.bulkPut(many);
      await rebuildStartupIndex(db, many.map((s) => s.id));
    });
    const listed = await ids(db);
    expect([listed.length, listed[0], listed.at(-1)]).toEqual([1_200, 'm1199', 'm0000']);
    expect(await countMatches(db, q({ text: '企业00' }))).toBe(100);
  });

  it("follows another window's writes of the same desk", async () => {
    const here = await open();
    const there = openDb(here.name);
    await there.open();
    try {
      await listOf(there);
      const moved = new Promise<void>((resolve) => {
        const stop = watchList(there, () => {
          stop();
          resolve();
        });
      });
      await saveStartup(here, startup('a', '甲'), []);
      await moved;
      await expect.poll(() => ids(there)).toEqual(['a']);
    } finally {
      there.close();
    }
  });
});

describe('schema upgrade 9 → 10', () => {
  it('drops the keyset keys of the list rows and the totals kept for filters, and lists the same', async () => {
    const name = `upgrade-v10-${++n}`;
    const v9 = openDb(name, schemaVersions.findIndex((v) => v.version === 9) + 1);
    await v9.open();
    await v9.startups.bulkPut([aStartup('a', { name: '甲' }), aStartup('b', { name: '乙', stage: undefined })]);
    await v9.founders.put(aFounder('f', 'a'));
    await v9.transaction('rw', v9.tables, async () => {
      await rebuildDerived(v9);
    });
    const derived = (await v9.tallies.toArray()).map((t) => `${t.key}=${t.n}`).sort();
    // As version 9 wrote them: keyset keys in every row, a count per filter value, agreements ending per day.
    await v9.table('startupIndex').toCollection().modify((row: Record<string, unknown>) => {
      for (const k of ['byName', 'byAdmittedOn', 'byAgreementEndsOn']) row[k] = [`resident\u0000*\u0000${String(row.name)}\u0000${String(row.id)}`];
    });
    await v9.tallies.bulkPut([
      { key: 'z|resident|s:early', n: 1 },
      { key: 'm|ends:resident|2027-02', n: 2 },
      { key: 'd|2027-02|ends:resident|28', n: 2 },
    ]);
    v9.close();

    const upgraded = await open(name);
    expect(upgraded.verno).toBe(schemaVersions.at(-1)!.version);
    for (const row of await upgraded.startupIndex.toArray()) expect(Object.keys(row).filter((k) => k.startsWith('by'))).toEqual([]);
    expect((await upgraded.tallies.toArray()).map((t) => `${t.key}=${t.n}`).sort()).toEqual(derived);
    expect([await ids(upgraded), await ids(upgraded, { gap: 'stage' }), await countMatches(upgraded, q())]).toEqual([['b', 'a'], ['b'], 2]);
  });
});
