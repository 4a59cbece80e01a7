import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateIncubator } from '@core/demo/generate';
import { openDb, type DeskDb } from './db';
import { identityLookups } from './identity';
import { importResidents, type ImportRow } from './importResidents';
import { rebuildDerived } from './rebuildIndex';
import { ValidationError } from './write';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`import-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

const rows = (count: number, prefix = 'imp-'): ImportRow[] => {
  const inc = generateIncubator({ startups: count, sessionsPerStartup: 0, quarters: 0, today: '2025-11-15', idPrefix: prefix });
  return inc.startups.map((startup) => ({ startup, founder: inc.founders.find((f) => f.startupId === startup.id) }));
};

describe('importResidents (bulk)', () => {
  it('writes every row with its audit entry, index row and one outbox entry, ids consecutive', async () => {
    const input = rows(30);
    expect(await importResidents(db, input)).toEqual({ added: 30, updated: 0 });
    expect(await db.startups.count()).toBe(30);
    expect(await db.founders.count()).toBe(30);
    expect(await db.startupIndex.count()).toBe(30);
    expect(await db.audit.count()).toBe(60);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.mutationId)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(outbox.map((e) => e.clientId)).size).toBe(1);
    expect((await db.meta.get('nextMutationId'))?.value).toBe(61);
    expect((await db.startupIndex.get(input[0]!.startup.id))?.founders).toBe(input[0]!.founder!.name);
  });

  it('an update keeps what the desk decided; an unchanged row writes nothing', async () => {
    const [row] = rows(1);
    await importResidents(db, [row!]);
    const id = row!.startup.id;
    await db.startups.update(id, { status: 'exited', rosterId: 'RS00000001' });
    const before = await db.audit.count();
    expect(await importResidents(db, [{ ...row!, startup: { ...row!.startup, id: 'ignored', name: '新名称有限公司', status: 'resident' }, updates: id }])).toEqual({ added: 0, updated: 1 });
    expect(await db.startups.get(id)).toMatchObject({ name: '新名称有限公司', status: 'exited', rosterId: 'RS00000001' });
    expect(await db.audit.count()).toBe(before + 1);
    await importResidents(db, [{ ...row!, startup: { ...row!.startup, name: '新名称有限公司' }, updates: id }]);
    expect(await db.audit.count()).toBe(before + 1);
  });

  it('a re-imported roster that only proposes an industry or agreement end leaves what the manager completed', async () => {
    const [row] = rows(1);
    await importResidents(db, [row!]);
    const id = row!.startup.id;
    const stored = (await db.startups.get(id))!;
    const reimport = { ...row!, startup: { ...row!.startup, industry: stored.industry === 'A' ? 'B' : 'A', agreementEndsOn: '2099-12-31', area: 999, proposed: ['industry' as const, 'agreementEndsOn' as const] }, updates: id };
    await importResidents(db, [reimport]);
    const after = await db.startups.get(id);
    expect(after).toMatchObject({ industry: stored.industry, agreementEndsOn: stored.agreementEndsOn, area: 999 });
    expect(after).not.toHaveProperty('proposed');
  });

  it('goes in steps within one transaction: an invalid row in a later step leaves the whole import unwritten', async () => {
    const input = rows(5);
    input[3] = { ...input[3]!, startup: { ...input[3]!.startup, name: '' } };
    const progress: number[] = [];
    await expect(importResidents(db, input, (p) => progress.push(p.done), 2)).rejects.toBeInstanceOf(ValidationError);
    // The first step was written (and reported) before the second failed; the abort took it back.
    expect(progress).toEqual([2]);
    for (const table of [db.startups, db.founders, db.startupIndex, db.audit, db.outbox]) expect(await table.count()).toBe(0);
    expect(await db.meta.get('nextMutationId')).toBeUndefined();
  });

  it('looks up the startups and founders a file names by credit code, ID number and team name, as the file writes them', async () => {
    const input = rows(3);
    await importResidents(db, input);
    const [a, b] = input;
    const lookup = await identityLookups(db, {
      creditCodes: [a!.startup.creditCode!.toLowerCase(), ` ${b!.startup.creditCode!}`, '91330185MA2AXXXX0X', ''],
      idNumbers: [a!.founder!.idNumber.toLowerCase()],
      teamNames: [],
    });
    expect(lookup.holdersOfCode(a!.startup.creditCode!).map((s) => s.id)).toEqual([a!.startup.id]);
    expect(lookup.holdersOfCode(b!.startup.creditCode!).map((s) => s.id)).toEqual([b!.startup.id]);
    expect(lookup.holdersOfCode(input[2]!.startup.creditCode!)).toEqual([]);
    expect(lookup.foundersWithId(a!.founder!.idNumber).map((h) => [h.founder.id, h.startup.id])).toEqual([[a!.founder!.id, a!.startup.id]]);
    expect(lookup.foundersOf(a!.startup.id).map((f) => f.id)).toEqual([a!.founder!.id]);
  });

  it('moves the kept totals exactly as deriving them anew from the records does', async () => {
    const input = rows(7);
    await importResidents(db, input.slice(0, 4), undefined, 3);
    // A second import renames one startup (its name's search terms move) and adds three.
    const renamed = { ...input[0]!, startup: { ...input[0]!.startup, name: '云帆智农科技有限公司' }, updates: input[0]!.startup.id };
    await importResidents(db, [renamed, ...input.slice(4)], undefined, 2);
    const kept = await db.tallies.orderBy('key').toArray();
    expect(kept.length).toBeGreaterThan(50);
    await db.transaction('rw', [db.startups, db.founders, db.startupIndex, db.tallies, db.sessions, db.reports, db.evaluations, db.mentors], async () => {
      await rebuildDerived(db);
    });
    expect(await db.tallies.orderBy('key').toArray()).toEqual(kept);
  });

  it('reports each step and numbers the outbox across steps as one run', async () => {
    const progress: [number, number][] = [];
    expect(await importResidents(db, rows(5), (p) => progress.push([p.done, p.total]), 2)).toEqual({ added: 5, updated: 0 });
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.mutationId)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    // A founder's mutation follows its startup's, so the roster never sees a founder of an unknown startup.
    for (const f of outbox.filter((e) => e.entity === 'founder')) {
      const startupId = (f.record as { startupId: string }).startupId;
      expect(outbox.findIndex((e) => e.recordId === startupId)).toBeLessThan(outbox.indexOf(f));
    }
    expect(await db.startupIndex.count()).toBe(5);
  });
});
