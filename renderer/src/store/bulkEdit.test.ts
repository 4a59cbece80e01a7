import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Founder, Startup } from '@core/records';
import { aFounder, aStartup } from '@core/testing/records';
import { BulkEditError, bulkEdit, undoBulkEdit } from './bulkEdit';
import { openDb, type DeskDb } from './db';
import { rebuildDerived } from './rebuildIndex';
import { schemaVersions } from './schema';
import type { StartupIndexRow } from './startupIndex';
import { countMatches, findStartups, matchingIds, saveStartup, type StartupQuery } from './startups';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`bulk-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

type New<T> = Omit<T, 'updatedAt'>;
const startup = (id: string, over: Partial<Startup> = {}): New<Startup> => {
  const { updatedAt: _, ...s } = aStartup(id, { name: `企业${id}`, entityType: 'team', ...over });
  return s;
};
const q = (over: Partial<StartupQuery> = {}): StartupQuery => ({ state: 'resident', today: '2026-11-28', sort: 'name', ...over });
const gapIds = async (over: Partial<StartupQuery> = {}) => (await findStartups(db, q(over))).map((r) => r.id);
const count = async (over: Partial<StartupQuery> = {}) => countMatches(db, q(over));
const writes = async () => ({ audit: await db.audit.count(), outbox: await db.outbox.count() });
const sorted = (rows: { key: string; n: number }[]) => rows.map(({ key, n }) => `${key}=${n}`).sort();

/** The list rows and totals as they would be if derived anew from the records. */
async function derivedAnew(target = db) {
  const keep = [await target.startupIndex.toArray(), await target.tallies.toArray()] as const;
  await target.transaction('rw', target.tables, async () => {
    await rebuildDerived(target);
  });
  const anew = [await target.startupIndex.toArray(), await target.tallies.toArray()] as const;
  await target.transaction('rw', target.startupIndex, target.tallies, async () => {
    await target.startupIndex.clear();
    await target.tallies.clear();
    await target.startupIndex.bulkPut(keep[0]);
    await target.tallies.bulkPut(keep[1]);
  });
  return { rows: anew[0], totals: sorted(anew[1]) };
}

/** Four residents: no industry, no stage, a proposed industry, and one complete. */
async function fourResidents() {
  await saveStartup(db, startup('s1', { industry: undefined }), [aFounder('f1', 's1', { keyGroups: ['graduate'] })]);
  await saveStartup(db, startup('s2', { stage: undefined }), [aFounder('f2', 's2', { name: '李强', idNumber: '110105198001010016', keyGroups: ['veteran'] }), aFounder('f3', 's2', { name: '赵敏', idNumber: '11010519850505002X', keyGroups: [] })]);
  await saveStartup(db, startup('s3', { industry: 'A', proposed: ['industry'] }), []);
  await saveStartup(db, startup('s4'), []);
}

describe('the 待补充 facet of the list', () => {
  it('lists and counts startups with missing or proposed fields, per field, exactly', async () => {
    await fourResidents();
    expect(await gapIds({ gap: 'any' })).toEqual(['s1', 's2', 's3']);
    expect(await gapIds({ gap: 'industry' })).toEqual(['s1', 's3']);
    expect(await gapIds({ gap: 'stage' })).toEqual(['s2']);
    expect(await gapIds({ gap: 'field' })).toEqual([]);
    expect([await count({ gap: 'any' }), await count({ gap: 'industry' }), await count({ gap: 'stage' })]).toEqual([3, 2, 1]);
    // Combined with another filter.
    expect(await gapIds({ gap: 'any', industry: 'A' })).toEqual(['s3']);
    expect((await db.startupIndex.get('s1'))!.gaps).toEqual(['industry']);
    expect((await db.startupIndex.get('s4'))!.gaps).toBeUndefined();
    expect(await matchingIds(db, q({ gap: 'any' }))).toEqual(['s1', 's2', 's3']);
  });
});

describe('bulkEdit', () => {
  it('writes only the startups it changes, each with one audit and one outbox entry, and confirms what it sets', async () => {
    await fourResidents();
    const was = await writes();
    const progress: number[] = [];
    const result = await bulkEdit(db, ['s1', 's2', 's3', 's4'], { industry: 'I' }, (p) => progress.push(p.done));
    // s2 and s4 already are in I: not written.
    expect([result.changed, result.unchanged]).toEqual([2, 2]);
    expect(progress).toEqual([4]);
    expect(await writes()).toEqual({ audit: was.audit + 2, outbox: was.outbox + 2 });
    const audit = await db.audit.where('seq').above(0).reverse().limit(2).toArray();
    expect(audit.map((a) => [a.recordId, (a.before as Startup).industry ?? null, (a.after as Startup).industry]).sort()).toEqual([
      ['s1', null, 'I'],
      ['s3', 'A', 'I'],
    ]);
    const outbox = (await db.outbox.toArray()).slice(-2);
    expect(outbox.map((e) => [e.recordId, (e.record as Startup).industry])).toEqual([['s1', 'I'], ['s3', 'I']]);
    // A value a person set is no longer the desk's proposal.
    expect((await db.startups.get('s3'))!.proposed).toBeUndefined();
    expect(await gapIds({ gap: 'any' })).toEqual(['s2']);
    expect(await count({ gap: 'any' })).toBe(1);
    expect(await count({ industry: 'I' })).toBe(4);
    const anew = await derivedAnew();
    expect(sorted(await db.tallies.toArray())).toEqual(anew.totals);
  });

  it('is undone by a second bulk edit, with audit and outbox entries of its own, and redone by undoing that', async () => {
    await fourResidents();
    const before = await db.startups.toArray();
    const edit = await bulkEdit(db, ['s1', 's2', 's3', 's4'], { industry: 'C', stage: 'growth', agreementEndsOn: '2028-06-30', area: 80 });
    expect(edit.changed).toBe(4);
    expect(await count({ gap: 'any' })).toBe(0);
    const was = await writes();
    const undo = await undoBulkEdit(db, edit.undo);
    expect(undo.changed).toBe(4);
    expect(await writes()).toEqual({ audit: was.audit + 4, outbox: was.outbox + 4 });
    const strip = (rows: Startup[]) =>
      rows.map((r) => {
        const { updatedAt: _u, ...s } = r;
        return s;
      });
    expect(strip(await db.startups.toArray())).toEqual(strip(before));
    expect(await gapIds({ gap: 'any' })).toEqual(['s1', 's2', 's3']);
    expect((await db.startups.get('s3'))!.proposed).toEqual(['industry']);
    await undoBulkEdit(db, undo.undo);
    expect((await db.startups.get('s1'))).toMatchObject({ industry: 'C', stage: 'growth', agreementEndsOn: '2028-06-30', area: 80 });
    const anew = await derivedAnew();
    expect(sorted(await db.tallies.toArray())).toEqual(anew.totals);
  });

  it('adds a key group to the founders who lack it, writing those founders only, and undoes it', async () => {
    await fourResidents();
    const was = await writes();
    const edit = await bulkEdit(db, ['s1', 's2', 's4'], { keyGroup: 'veteran' });
    // f1 and f3 gain it; f2 has it; s4 has no founders.
    expect([edit.changed, edit.unchanged]).toEqual([2, 1]);
    expect(await writes()).toEqual({ audit: was.audit + 2, outbox: was.outbox + 2 });
    expect((await db.founders.bulkGet(['f1', 'f2', 'f3'])).map((f) => (f as Founder).keyGroups)).toEqual([['graduate', 'veteran'], ['veteran'], ['veteran']]);
    expect(await gapIds({ group: 'veteran' })).toEqual(['s1', 's2']);
    expect(await count({ group: 'veteran' })).toBe(2);
    await undoBulkEdit(db, edit.undo);
    expect((await db.founders.bulkGet(['f1', 'f2', 'f3'])).map((f) => (f as Founder).keyGroups)).toEqual([['graduate'], ['veteran'], []]);
    expect(await count({ group: 'veteran' })).toBe(1);
  });

  it('edits many in steps, all in one transaction, and the list and totals are as if derived anew', async () => {
    for (let i = 0; i < 40; i++) await saveStartup(db, startup(`m${String(i).padStart(2, '0')}`, { industry: i % 3 ? undefined : 'F', field: i % 4 ? 'digital' : undefined }), []);
    expect(await count({ gap: 'any' })).toBe(30);
    const ids = await matchingIds(db, q({ gap: 'industry' }));
    expect(ids).toHaveLength(26);
    const progress: number[] = [];
    const edit = await bulkEdit(db, ids, { industry: 'M' }, (p) => progress.push(p.done), 7);
    expect(progress).toEqual([7, 14, 21, 26]);
    expect(edit.changed).toBe(26);
    expect(await count({ gap: 'industry' })).toBe(0);
    expect(await count({ industry: 'M' })).toBe(26);
    expect(await count({ gap: 'field' })).toBe(10);
    const anew = await derivedAnew();
    expect(sorted(await db.tallies.toArray())).toEqual(anew.totals);
    const byId = (rows: StartupIndexRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await db.startupIndex.toArray())).toEqual(byId(anew.rows));
  });

  it('writes nothing at all when a record fails its check', async () => {
    await fourResidents();
    const was = await writes();
    await expect(bulkEdit(db, ['s1', 's2'], { agreementEndsOn: '2024-06-30' })).rejects.toEqual(new BulkEditError('企业s1', 'v.agreementBeforeAdmission'));
    expect(await writes()).toEqual(was);
    expect((await db.startups.get('s1'))!.agreementEndsOn).toBe('2027-12-31');
  });
});

describe('schema upgrade 5 → 6', () => {
  it('gives the startups of version 5 data with something to complete their 待补充 facet and counts', async () => {
    const name = `upgrade-v6-${++n}`;
    const v5 = openDb(name, schemaVersions.findIndex((v) => v.version === 5) + 1);
    await v5.open();
    const at = '2026-01-01T00:00:00.000Z';
    await v5.startups.bulkPut([aStartup('a', { name: '甲' }), aStartup('b', { name: '乙', stage: undefined }), aStartup('c', { name: '丙', field: 'ai', proposed: ['field'] })]);
    await v5.founders.put({ ...aFounder('f', 'a'), updatedAt: at });
    await v5.transaction('rw', v5.tables, async () => {
      await rebuildDerived(v5);
    });
    // As version 5 wrote them: no 待补充 facet in the rows.
    await v5.startupIndex.toCollection().modify((row: StartupIndexRow) => {
      delete row.gaps;
    });
    const untouched = await v5.startupIndex.get('a');
    v5.close();

    const upgraded = openDb(name);
    await upgraded.open();
    try {
      expect(upgraded.verno).toBe(schemaVersions.at(-1)!.version);
      const find = async (gap: StartupQuery['gap']) => (await findStartups(upgraded, q({ gap }))).map((r) => r.id);
      expect([await find('any'), await find('stage'), await find('field')]).toEqual([['c', 'b'], ['b'], ['c']]);
      expect(await countMatches(upgraded, q({ gap: 'any' }))).toBe(2);
      expect(await upgraded.startupIndex.get('a')).toEqual(untouched);
      const anew = await derivedAnew(upgraded);
      expect(sorted(await upgraded.tallies.toArray())).toEqual(anew.totals);
    } finally {
      await upgraded.delete();
    }
  });
});
