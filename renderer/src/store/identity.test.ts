import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aFounder, anEvaluation, aReport, aSession, aStartup } from '@core/testing/records';
import type { Founder, Startup } from '@core/records';
import { openDb, type DeskDb } from './db';
import { mergeStartups, keepDuplicates, possibleDuplicates } from './duplicates';
import { IdentityError } from './identity';
import { schemaVersions } from './schema';
import { readmitStartup, saveStartup, voidStartup } from './startups';
import { applyRosterChanges } from './syncState';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`identity-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

const CODE = '914403001922038216';
const ID_A = '110105198001010016';
const ID_B = '11010519850505002X';
const input = ({ updatedAt: _u, ...s }: Startup) => s;
const founderInput = ({ updatedAt: _u, ...f }: Founder) => f;
const company = (id: string, over: Partial<Startup> = {}) => input(aStartup(id, { name: `${id}公司`, creditCode: CODE, ...over }));
const team = (id: string, name: string) => input(aStartup(id, { name, entityType: 'team' }));
const person = (id: string, startupId: string, name: string, idNumber: string) => founderInput(aFounder(id, startupId, { name, idNumber }));

const refused = async (save: Promise<unknown>) => {
  const error = await save.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(IdentityError);
  return (error as IdentityError).problems;
};

describe('the form’s save keeps one record per company and per person', () => {
  it('refuses a second live startup with a credit code, naming the holder; an edit of the holder saves', async () => {
    await saveStartup(db, company('s1'), []);
    const [problem] = await refused(saveStartup(db, company('s2'), []));
    expect(problem).toMatchObject({ kind: 'creditCodeTaken', holder: { id: 's1', name: 's1公司' } });
    await saveStartup(db, company('s1', { room: 'A-1' }), []);
    expect(await db.startups.count()).toBe(1);
  });

  it('a voided or exited startup’s code comes back only as its re-admission, which keeps its history', async () => {
    await saveStartup(db, company('s1'), []);
    await voidStartup(db, 's1', '误录');
    expect((await refused(saveStartup(db, company('s2'), [])))[0]).toMatchObject({ kind: 'creditCodeReadmission', holder: { id: 's1' } });
    await readmitStartup(db, 's1', '2026-03-01', '2029-02-28');
    const back = (await db.startups.get('s1'))!;
    expect(back).toMatchObject({ status: 'resident', admittedOn: '2026-03-01', agreementEndsOn: '2029-02-28' });
    expect(back.voidedAt).toBeUndefined();
    expect(await db.audit.where('recordId').equals('s1').count()).toBe(3);
  });

  it('refuses an ID number held by a founder of another name, and allows the same person founding two residents', async () => {
    await saveStartup(db, team('t1', '青禾团队'), [person('f1', 't1', '李娟', ID_A)]);
    const [problem] = await refused(saveStartup(db, company('s2'), [person('f2', 's2', '李军', ID_A)]));
    expect(problem).toMatchObject({ kind: 'idNumberTaken', index: 0, holder: { founder: { name: '李娟' }, startup: { name: '青禾团队' } } });
    await saveStartup(db, company('s2'), [person('f2', 's2', '李 娟', ID_A)]);
    expect(await db.founders.where('idNumber').equals(ID_A).count()).toBe(2);
  });

  it('refuses a second copy of an unregistered team, found by its founder’s number, then by its name', async () => {
    await saveStartup(db, team('t1', '青禾团队'), [person('f1', 't1', '李娟', ID_A)]);
    expect((await refused(saveStartup(db, team('t2', '青禾种植队'), [person('f2', 't2', '李娟', ID_A)])))[0]).toMatchObject({ kind: 'teamExists', holder: { id: 't1' } });
    expect((await refused(saveStartup(db, team('t3', '青禾团队'), [person('f3', 't3', '王芳', ID_B)])))[0]).toMatchObject({ kind: 'teamExists', holder: { id: 't1' } });
  });
});

describe('an update that changes nothing writes nothing', () => {
  it('in the form’s save', async () => {
    await saveStartup(db, company('s1'), [person('f1', 's1', '李娟', ID_A)]);
    const [audit, outbox] = [await db.audit.count(), await db.outbox.count()];
    await saveStartup(db, company('s1'), [person('f1', 's1', '李娟', ID_A)]);
    expect([await db.audit.count(), await db.outbox.count()]).toEqual([audit, outbox]);
  });

  it('in sync apply: a roster decision the desk already holds is not written again', async () => {
    await saveStartup(db, company('s1'), []);
    await applyRosterChanges(db, [{ seq: 1, kind: 'rosterId', startupId: 's1', rosterId: 'RS1' }], 1);
    const puts = vi.spyOn(db.startups, 'bulkPut');
    await applyRosterChanges(db, [{ seq: 2, kind: 'rosterId', startupId: 's1', rosterId: 'RS1' }], 2);
    expect(puts).not.toHaveBeenCalled();
    await applyRosterChanges(db, [{ seq: 3, kind: 'rosterId', startupId: 's1', rosterId: 'RS2' }], 3);
    expect(puts).toHaveBeenCalledTimes(1);
    expect((await db.startups.get('s1'))!.rosterId).toBe('RS2');
  });
});

describe('duplicates a desk held before the rules (schema v6)', () => {
  it('are listed on upgrade, merged with every record re-pointed through the repositories, or kept', async () => {
    const name = `identity-upgrade-${n}`;
    const v5 = openDb(name, schemaVersions.findIndex((v) => v.version === 6));
    await v5.open();
    await v5.startups.bulkPut([aStartup('a', { creditCode: CODE }), aStartup('b', { creditCode: CODE }), aStartup('t1', { name: '青禾团队', entityType: 'team' }), aStartup('t2', { name: '青禾团队', entityType: 'team' })]);
    await v5.founders.bulkPut([aFounder('fa', 'a', { name: '李娟', idNumber: ID_A }), aFounder('fb', 'b', { name: '李娟', idNumber: ID_A }), aFounder('fb2', 'b', { name: '王芳', idNumber: ID_B })]);
    await v5.reports.bulkPut([aReport('a', '2025Q1'), aReport('b', '2025Q1'), aReport('b', '2025Q2')]);
    await v5.evaluations.bulkPut([anEvaluation('b', '2025Q2', 'good')]);
    await v5.sessions.bulkPut([aSession('x', '2025-05-01T09:00:00.000Z', { startupIds: ['b'] })]);
    v5.close();

    const up = openDb(name);
    await up.open();
    try {
      expect(up.verno).toBe(schemaVersions.at(-1)!.version);
      const open = await possibleDuplicates(up);
      expect(open.map((d) => [d.group.kind, d.startups.map((s) => s.id)])).toEqual([
        ['creditCode', ['a', 'b']],
        ['team', ['t1', 't2']],
      ]);
      const audit = await up.audit.count();
      await mergeStartups(up, open[0]!.group, 'a', (kept) => `合并到 ${kept.name}`);
      // b's own founder 李娟 is a's already; 王芳, the Q2 report, the evaluation and the session move; Q1 stays with b.
      expect((await up.founders.where('startupId').equals('a').toArray()).map((f) => f.id).sort()).toEqual(['fa', 'fb2']);
      expect((await up.reports.where('startupId').equals('a').toArray()).map((r) => r.id).sort()).toEqual(['a-2025Q1', 'b-2025Q2']);
      expect(await up.evaluations.where('startupId').equals('a').count()).toBe(1);
      expect((await up.sessions.get('x'))!.startupIds).toEqual(['a']);
      expect((await up.startups.get('b'))).toMatchObject({ voidedReason: '合并到 a' });
      // founder, report, evaluation, session, voided startup: each with its audit and outbox entry.
      expect(await up.audit.count()).toBe(audit + 5);
      expect(await up.outbox.count()).toBe(5);
      expect(await up.audit.where('recordId').equals('b').count()).toBe(1);

      await keepDuplicates(up, open[1]!.group);
      expect(await possibleDuplicates(up)).toEqual([]);
    } finally {
      await up.delete();
    }
  });
});
