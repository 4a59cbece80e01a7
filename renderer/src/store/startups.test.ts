import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Founder, Startup } from '@core/records';
import { generateIncubator } from '@core/demo/generate';
import { openDb, type DeskDb } from './db';
import { rebuildDerived } from './rebuildIndex';
import { countMatches, countStartups, findStartups, pageStartups, saveStartup, startupFile, voidStartup, type StartupQuery } from './startups';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`startups-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

const base = (id: string, over: Partial<Startup> = {}): Omit<Startup, 'updatedAt'> => ({
  id,
  name: '杭州云帆数字科技有限公司',
  entityType: 'enterprise',
  creditCode: '914403001922038216',
  registeredOn: '2024-01-10',
  industry: 'I',
  field: 'digital',
  stage: 'early',
  admittedOn: '2025-03-01',
  agreementEndsOn: '2027-02-28',
  area: 40,
  feeWaived: false,
  keyProject: false,
  status: 'resident',
  ...over,
});
/** One person, one ID number: each founder id its own number. */
const ID_NUMBERS: Record<string, string> = { f1: '11010519491231002X', f2: '110105198001010016', f3: '11010519850505002X' };
const founder = (id: string, startupId: string, over: Partial<Founder> = {}): Omit<Founder, 'updatedAt'> => ({
  id,
  startupId,
  name: '王芳',
  idNumber: ID_NUMBERS[id] ?? '320102199003030031',
  keyGroups: ['veteran'],
  firstTime: true,
  trainingCertified: false,
  ...over,
});
const q = (over: Partial<StartupQuery> = {}): StartupQuery => ({ state: 'resident', today: '2026-11-28', sort: 'name', ...over });

describe('startups repository', () => {
  it('saves a startup with founders in one transaction and indexes them', async () => {
    await saveStartup(db, base('s1'), [founder('f1', 's1'), founder('f2', 's1', { name: '李强', keyGroups: ['graduate'] })]);
    const row = (await db.startupIndex.get('s1'))!;
    expect(row).toMatchObject({ state: 'resident', founders: '王芳、李强', qualifiesFree: true });
    expect(row.groups.sort()).toEqual(['graduate', 'veteran']);
    // The startup and its founders are written side by side: each still takes its own mutation id.
    expect((await db.outbox.toArray()).map((e) => [e.entity, e.mutationId])).toEqual([['startup', 1], ['founder', 2], ['founder', 3]]);
    expect((await db.meta.get('nextMutationId'))!.value).toBe(4);
  });

  it('audits a founder edit against the stored founder, and writes nothing for a founder unchanged', async () => {
    await saveStartup(db, base('s1'), [founder('f1', 's1'), founder('f2', 's1', { name: '李强' })]);
    await saveStartup(db, base('s1'), [founder('f1', 's1', { name: '王芳芳' }), founder('f2', 's1', { name: '李强' })]);
    const audit = await db.audit.where('[entity+recordId]').equals(['founder', 'f1']).sortBy('seq');
    expect(audit.map((a) => [(a.before as Founder | null)?.name ?? null, (a.after as Founder).name])).toEqual([
      [null, '王芳'],
      ['王芳', '王芳芳'],
    ]);
    expect(await db.audit.where('[entity+recordId]').equals(['founder', 'f2']).count()).toBe(1);
    expect(await db.outbox.where('recordId').equals('f2').count()).toBe(1);
  });

  it("builds an edit's list row as deriving it anew from the stored records would", async () => {
    await saveStartup(db, base('s1'), [founder('f2', 's1', { name: '李强', keyGroups: ['graduate'] }), founder('f1', 's1')]);
    // The second save names one founder; the other stays on record and in the row.
    await saveStartup(db, base('s1', { stage: 'growth' }), [founder('f1', 's1', { name: '王芳芳', keyGroups: ['migrantWorker'] })]);
    const saved = (await db.startupIndex.get('s1'))!;
    expect(saved).toMatchObject({ stage: 'growth', founders: '王芳芳、李强' });
    await db.transaction('rw', [db.startups, db.founders, db.startupIndex, db.tallies, db.sessions, db.reports, db.evaluations, db.mentors], async () => rebuildDerived(db));
    expect(await db.startupIndex.get('s1')).toEqual(saved);
  });

  it('writes the list row again only when the edit changes it', async () => {
    await saveStartup(db, base('s1'), [founder('f1', 's1')]);
    const put = vi.spyOn(db.startupIndex, 'bulkPut');
    const written = () => put.mock.calls.flatMap(([rows]) => rows.map((r) => r.id));
    // The room is not in the list: the startup and its audit entry are written, the list row is not.
    await saveStartup(db, base('s1', { room: 'A-101' }), [founder('f1', 's1')]);
    expect((await db.startups.get('s1'))!.room).toBe('A-101');
    expect(written()).toEqual([]);
    await saveStartup(db, base('s1', { room: 'A-101', area: 60 }), [founder('f1', 's1')]);
    expect(written()).toEqual(['s1']);
    expect((await db.startupIndex.get('s1'))!.area).toBe(60);
  });

  it('saves nothing when one founder is invalid', async () => {
    await expect(saveStartup(db, base('s1'), [founder('f1', 's1', { idNumber: '110105194912310021' })])).rejects.toThrow();
    expect(await db.startups.count()).toBe(0);
    expect(await db.startupIndex.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('finds by name fragment, by founder name and by credit code prefix', async () => {
    await saveStartup(db, base('s1'), [founder('f1', 's1')]);
    await saveStartup(db, base('s2', { name: '临安青禾农业科技有限公司', creditCode: '9144030071526726XG' }), [founder('f2', 's2', { name: '赵刚' })]);
    const names = async (text: string) => (await findStartups(db, q({ text }))).map((r) => r.id);
    expect(await names('云帆')).toEqual(['s1']);
    expect(await names('农业科技')).toEqual(['s2']);
    expect(await names('科技')).toEqual(['s2', 's1']);
    expect(await names('赵刚')).toEqual(['s2']);
    expect(await names('91440300715')).toEqual(['s2']);
    expect(await names('９１４４０３００１９')).toEqual(['s1']);
    expect(await names('不存在')).toEqual([]);
  });

  it('filters by key group, agreement window and flags, and voided startups leave the resident list', async () => {
    await saveStartup(db, base('s1', { agreementEndsOn: '2026-12-20', feeWaived: true }), [founder('f1', 's1')]);
    await saveStartup(db, base('s2', { keyProject: true, creditCode: '91330106MA2B00001Y' }), [founder('f2', 's2', { keyGroups: ['graduate'] })]);
    const ids = async (over: Partial<StartupQuery>) => (await findStartups(db, q(over))).map((r) => r.id);
    expect(await ids({ group: 'graduate' })).toEqual(['s2']);
    expect(await ids({ endingWithinDays: 30 })).toEqual(['s1']);
    expect(await ids({ keyProject: true })).toEqual(['s2']);
    expect(await ids({ free: true })).toEqual(['s1']);
    expect(await ids({ free: true, stage: 'growth' })).toEqual([]);

    await voidStartup(db, 's1', '重复录入');
    expect(await countStartups(db, 'resident')).toBe(1);
    expect(await ids({ state: 'voided', stage: 'early' })).toEqual(['s1']);
    const file = (await startupFile(db, 's1'))!;
    expect(file.startup.voidedReason).toBe('重复录入');
    expect(file.audit.length).toBe(3);
  });

  it('pages the whole list in index order with keyset paging, ties included, both directions', async () => {
    const demo = generateIncubator({ startups: 60, today: '2026-11-28', idPrefix: 'x' });
    for (const s of demo.startups.slice(0, 60)) await saveStartup(db, { ...s, status: 'resident', exitKind: undefined, exitedOn: undefined, stage: 'early' }, []);
    for (const descending of [false, true]) {
      const seen: string[] = [];
      let after;
      for (;;) {
        const page = await pageStartups(db, q({ sort: 'admittedOn', descending }), after, 7);
        if (page.length === 0) break;
        seen.push(...page.map((r) => r.id));
        after = page.at(-1);
      }
      const expected = (await db.startupIndex.toArray()).sort((a, b) => (a.admittedOn + a.id < b.admittedOn + b.id ? -1 : 1)).map((r) => r.id);
      expect(seen).toEqual(descending ? expected.reverse() : expected);
    }
  });

  it('pages every filter, search and window by keyset in the order asked, with its count', async () => {
    const demo = generateIncubator({ startups: 120, today: '2026-11-28', idPrefix: 'p' });
    for (const s of demo.startups) {
      const founders = demo.founders.filter((f) => f.startupId === s.id);
      await saveStartup(db, { ...s, status: 'resident', exitKind: undefined, exitedOn: undefined, voidedAt: undefined }, founders);
    }
    const all = await db.startupIndex.toArray();
    const someName = all[0]!.name;
    const queries: Partial<StartupQuery>[] = [
      {},
      { stage: 'growth' },
      { industry: all[3]!.industry },
      { field: all[5]!.field || undefined, sort: 'agreementEndsOn', descending: true },
      { group: 'graduate', sort: 'admittedOn' },
      { keyProject: true },
      { free: false, stage: 'early', descending: true },
      { endingWithinDays: 400, sort: 'agreementEndsOn' },
      { endingWithinDays: 400, sort: 'name' },
      { text: someName.slice(2, 4) },
      { text: someName.slice(2, 5), descending: true },
      { text: someName.slice(2, 4), sort: 'admittedOn' },
      { text: someName.slice(3, 4) },
    ];
    for (const over of queries) {
      const query = q(over);
      const expected = await findStartups(db, query);
      const seen: string[] = [];
      let after;
      for (;;) {
        const page = await pageStartups(db, query, after, 9);
        if (page.length === 0) break;
        seen.push(...page.map((r) => r.id));
        after = page.at(-1);
      }
      expect(seen, JSON.stringify(over)).toEqual(expected.map((r) => r.id));
      expect(await countMatches(db, query), JSON.stringify(over)).toBe(expected.length);
      // The same rows a plain scan of every index row finds, sorted the same way.
      const field = query.sort;
      const byHand = all
        .filter((r) => (over.stage ? r.stage === over.stage : true) && (over.industry ? r.industry === over.industry : true) && (over.field ? r.field === over.field : true))
        .filter((r) => (over.group ? r.groups.includes(over.group) : true) && (over.keyProject === undefined ? true : r.key === (over.keyProject ? 1 : 0)) && (over.free === undefined ? true : r.free === (over.free ? 1 : 0)))
        .filter((r) => (over.endingWithinDays ? r.agreementEndsOn >= '2026-11-28' && r.agreementEndsOn <= '2028-01-02' : true))
        .filter((r) => (over.text ? r.name.includes(over.text) || r.founders.includes(over.text) : true))
        .sort((a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id < b.id ? -1 : 1));
      expect(expected.map((r) => r.id), JSON.stringify(over)).toEqual((query.descending ? byHand.reverse() : byHand).map((r) => r.id));
    }
    expect((await findStartups(db, q({ stage: 'growth' }))).length).toBeGreaterThan(0);
    // Counts are exact at any size, a search's too.
    expect(await countMatches(db, q({ text: '公司' }))).toBe((await findStartups(db, q({ text: '公司' }))).length);
    expect(await countMatches(db, q({ text: '公' }))).toBeGreaterThan(3);
    expect(await countMatches(db, q())).toBe(120);
  });

  it('finds a founder by part of a longer name', async () => {
    await saveStartup(db, base('s1'), [founder('f1', 's1', { name: '欧阳娜娜' })]);
    expect((await findStartups(db, q({ text: '阳娜' }))).map((r) => r.id)).toEqual(['s1']);
    expect((await findStartups(db, q({ text: '欧阳娜娜' }))).map((r) => r.id)).toEqual(['s1']);
  });
});

describe('schema upgrade 1 → 2', () => {
  it('derives the list index from data written by version 1', async () => {
    const name = `upgrade-${++n}`;
    const v1 = openDb(name, 1);
    await v1.open();
    await v1.startups.put({ ...base('s1'), updatedAt: '2025-03-01T00:00:00.000Z' });
    await v1.founders.put({ ...founder('f1', 's1'), updatedAt: '2025-03-01T00:00:00.000Z' });
    v1.close();

    const v2 = openDb(name);
    await v2.open();
    expect(await v2.startups.count()).toBe(1);
    expect((await findStartups(v2, q({ text: '王芳' }))).map((r) => r.id)).toEqual(['s1']);
    await v2.delete();
  });
});
