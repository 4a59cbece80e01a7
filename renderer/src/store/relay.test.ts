import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Founder, Startup } from '@core/records';
import type { Conflict, OutboxEntry, RosterChange } from '@core/sync/protocol';
import { startupRecord } from '../../../roster/fixtures';
import { conflictsOf, listConflicts, settleConflict } from './conflicts';
import { openDb, type DeskDb } from './db';
import { rebase } from './relay';
import { schemaVersions } from './schema';
import { saveSession } from './sessions';
import { countStartups, saveStartup } from './startups';
import { applyPushResults, applyRosterChanges, rosterVersion } from './syncState';
import { saveRecord } from './write';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`relay-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

const FIELD_LAPTOP = { clientId: 'desk-laptop-0001', desk: '外勤笔记本', by: '李娟' };
const startup = (id: string, k: number, over: Partial<Startup> = {}) => ({ ...startupRecord(id, k), updatedAt: '2026-03-01T08:00:00.000Z', ...over }) as Startup;
const founder = (id: string, startupId: string): Omit<Founder, 'updatedAt'> => ({
  id, startupId, name: '王芳', idNumber: '11010519491231002X', keyGroups: ['veteran'], firstTime: true, trainingCertified: false,
});
const outbox = () => db.outbox.orderBy('mutationId').toArray();
/** The roster accepted everything the desk sent, at these versions. */
async function acceptAll(version = 1) {
  const sent = await outbox();
  await applyPushResults(db, sent, sent.map((e) => ({ mutationId: e.mutationId, status: 'applied' as const, version })));
}
let seq = 0;
const relayed = (record: object & { id: string }, version: number, over: Partial<Extract<RosterChange, { kind: 'record' }>> = {}): RosterChange => ({
  seq: ++seq, kind: 'record', entity: 'startup', recordId: record.id, op: 'upsert', record, version, origin: FIELD_LAPTOP, conflicts: [], ...over,
});
const conflict = (over: Partial<Conflict> = {}): Conflict => ({
  id: 'k-1', entity: 'startup', recordId: 's1', field: 'contactPhone', lost: '13800138001', kept: '13800138002',
  lostBy: { clientId: 'desk-a', desk: '主管电脑', by: '王芳' }, keptBy: FIELD_LAPTOP, cause: 'field', at: '2026-03-02T08:00:00Z', ...over,
});

describe('outbox entries for several desks', () => {
  it('carry the roster version they were made on, the fields they changed and who made them', async () => {
    await saveRecord(db, 'startup', startup('s1', 1), '王芳');
    const [created] = await outbox();
    expect(created).toMatchObject({ baseVersion: 0, by: '王芳' });
    expect(created!.fields).toEqual(expect.arrayContaining(['name', 'creditCode', 'status']));
    expect(created!.fields).not.toContain('updatedAt');
    await acceptAll(3);
    await saveRecord(db, 'startup', { ...(await db.startups.get('s1'))!, contactPhone: '13800138008', room: 'A-201' }, '李强');
    expect(await outbox()).toEqual([expect.objectContaining({ baseVersion: 3, fields: ['room', 'contactPhone'], by: '李强' })]);
    // A write that changes nothing still appends nothing.
    await saveRecord(db, 'startup', (await db.startups.get('s1'))!, '李强');
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('records relayed from the carrier’s other desks', () => {
  it('are stored through the write path: no outbox entry, audited as person @ desk, list rows and counts right, version and conflicts kept', async () => {
    await applyRosterChanges(db, [relayed(startup('s1', 1, { name: '杭州云帆数字科技有限公司' }), 1), relayed(startup('s2', 2), 1)], 2);
    expect(await db.outbox.count()).toBe(0);
    expect(await countStartups(db, 'resident')).toBe(2);
    expect((await db.startupIndex.get('s1'))?.name).toBe('杭州云帆数字科技有限公司');
    expect((await db.audit.where('recordId').equals('s1').first())?.who).toBe('李娟 @ 外勤笔记本');
    // The record is stored exactly as the roster holds it, its time included.
    expect(await db.startups.get('s1')).toEqual(startup('s1', 1, { name: '杭州云帆数字科技有限公司' }));

    const later = startup('s1', 1, { name: '杭州云帆科技有限公司', updatedAt: '2026-03-05T08:00:00.000Z' });
    await applyRosterChanges(db, [relayed(later, 2, { conflicts: [conflict({ field: 'name', lost: '云帆', kept: '杭州云帆科技有限公司' })] })], 3);
    expect((await db.startups.get('s1'))?.name).toBe('杭州云帆科技有限公司');
    expect(await rosterVersion(db, 'startup', 's1')).toBe(2);
    expect(await conflictsOf(db, 'startup', 's1')).toEqual([expect.objectContaining({ field: 'name', lost: '云帆' })]);
    // An older or the same version (a page pulled again) changes nothing.
    await applyRosterChanges(db, [relayed(startup('s1', 1, { name: '旧名' }), 2)], 4);
    expect((await db.startups.get('s1'))?.name).toBe('杭州云帆科技有限公司');
    expect(await db.audit.where('recordId').equals('s1').count()).toBe(2);
  });

  it('are rebased under the desk’s unsent edits: the remote record with the pending fields laid over it, the edits still to go', async () => {
    await applyRosterChanges(db, [relayed(startup('s1', 1), 1)], 1);
    await saveRecord(db, 'startup', { ...(await db.startups.get('s1'))!, contactPhone: '13800138008' }, '王芳');
    await applyRosterChanges(db, [relayed(startup('s1', 1, { name: '外勤改的名字', contactPhone: '13800138001', updatedAt: '2026-03-09T00:00:00.000Z' }), 2)], 2);
    expect(await db.startups.get('s1')).toMatchObject({ name: '外勤改的名字', contactPhone: '13800138008' });
    expect(await outbox()).toEqual([expect.objectContaining({ baseVersion: 1, fields: ['contactPhone'] })]);
    expect(await rosterVersion(db, 'startup', 's1')).toBe(2);
  });

  it('rebase lays only the fields each pending edit changed, oldest first, and a cleared field stays cleared', () => {
    const pending: Pick<OutboxEntry, 'record' | 'fields'>[] = [
      { record: { id: 'x', a: 1, b: 1, c: 1 }, fields: ['a'] },
      { record: { id: 'x', a: 2, b: 2 }, fields: ['a', 'c'] },
    ];
    expect(rebase({ id: 'x', a: 0, b: 0, c: 0, d: 0 }, pending)).toEqual({ id: 'x', a: 2, b: 0, d: 0 });
  });

  it('a tombstone removes the record with an audit entry and takes it out of the counts', async () => {
    await applyRosterChanges(db, [relayed(startup('s1', 1), 1), relayed(startup('s2', 2), 1)], 2);
    await applyRosterChanges(db, [relayed(startup('s2', 2), 2, { op: 'delete', record: null })], 3);
    expect(await db.startups.get('s2')).toBeUndefined();
    expect(await db.startupIndex.get('s2')).toBeUndefined();
    expect(await countStartups(db, 'resident')).toBe(1);
    expect((await db.audit.where('recordId').equals('s2').last())).toMatchObject({ after: null, who: '李娟 @ 外勤笔记本' });
  });
});

describe('push results of the roster’s merges', () => {
  it('a merged record replaces the local one and its conflicts are listed, with no new outbox entry', async () => {
    await saveRecord(db, 'startup', startup('s1', 1, { contactPhone: '13800138001' }), '王芳');
    const sent = await outbox();
    const merged = startup('s1', 1, { contactPhone: '13800138001', room: 'B-12', updatedAt: '2026-03-04T00:00:00.000Z' });
    await applyPushResults(db, sent, [{ mutationId: sent[0]!.mutationId, status: 'applied', version: 3, record: merged, conflicts: [conflict()] }]);
    expect(await db.startups.get('s1')).toEqual(merged);
    expect(await db.outbox.count()).toBe(0);
    expect(await listConflicts(db)).toEqual([expect.objectContaining({ id: 'k-1', field: 'contactPhone' })]);
    expect(await rosterVersion(db, 'startup', 's1')).toBe(3);
    // A later accepted edit with no conflicts clears them.
    await saveRecord(db, 'startup', { ...merged, room: 'B-13' }, '王芳');
    await acceptAll(4);
    expect(await listConflicts(db)).toEqual([]);
  });

  it('the same company admitted on two desks: everything under the absorbed id moves to the standing one', async () => {
    // Admitted here while another desk admitted the same company (the same credit code) as `standing`.
    await saveStartup(db, startup('mine', 1, { name: '云帆（本机录入）' }), [founder('f1', 'mine')]);
    const zero = { employees: 3, keyGroupHires: 0, newGraduateHires: 0, insuredEmployees: 3, revenue: 10, netProfit: 0, taxPaid: 0, rdSpend: 0, ipApplied: 0, inventionPatentsGranted: 0, otherIpGranted: 0, financing: 0, guaranteeLoans: 0, equityFinancing: 0, subsidies: 0 };
    await saveRecord(db, 'report', { id: 'r1', startupId: 'mine', period: '2026Q1', ...zero }, '王芳');
    await saveRecord(db, 'mentor', { id: 'm1', name: '王导师', kind: 'coach', coachLevel: 3, expertise: [], active: true }, '王芳');
    await saveSession(db, { kind: 'appointment', mentorIds: ['m1'], startupIds: ['mine'], startsAt: '2026-03-02T10:00:00+08:00', durationMinutes: 60, mode: 'onsite', topics: ['融资'], actionItems: [], status: 'held' });
    expect(await countStartups(db, 'resident')).toBe(1);
    const sent = await outbox();
    const mineEntry = sent.find((e) => e.recordId === 'mine')!;
    const standing = startup('standing', 1, { contactPhone: '13800138002', updatedAt: '2026-03-06T00:00:00.000Z' });
    await applyPushResults(
      db,
      sent,
      sent.map((e) => (e === mineEntry ? { mutationId: e.mutationId, status: 'applied' as const, version: 2, recordId: 'standing', record: standing } : { mutationId: e.mutationId, status: 'applied' as const, version: 1 })),
    );
    expect(await db.startups.get('mine')).toBeUndefined();
    expect(await db.startups.get('standing')).toEqual(standing);
    expect((await db.founders.get('f1'))?.startupId).toBe('standing');
    expect((await db.sessions.toArray()).map((s) => s.startupIds)).toEqual([['standing']]);
    expect((await db.reports.get('r1'))?.startupId).toBe('standing');
    expect(await countStartups(db, 'resident')).toBe(1);
    expect((await db.startupIndex.get('standing'))?.founders).toBe('王芳');
    expect(await db.startupIndex.get('mine')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('settling a conflict', () => {
  it('choosing the lost value, or keeping the current one, is an edit whose outbox entry resolves the conflict', async () => {
    await applyRosterChanges(db, [relayed(startup('s1', 1, { contactPhone: '13800138002' }), 2, { conflicts: [conflict(), conflict({ id: 'k-2', field: 'room', lost: 'A-1', kept: undefined })] })], 1);
    await settleConflict(db, (await conflictsOf(db, 'startup', 's1')).find((c) => c.id === 'k-1')!, 'lost');
    expect((await db.startups.get('s1'))?.contactPhone).toBe('13800138001');
    expect(await outbox()).toEqual([expect.objectContaining({ baseVersion: 2, fields: ['contactPhone'], resolves: ['k-1'] })]);
    // Keeping the value the record holds changes nothing, and is still sent: the roster must close the conflict.
    await settleConflict(db, (await conflictsOf(db, 'startup', 's1'))[0]!, 'kept');
    expect((await outbox()).at(-1)).toMatchObject({ resolves: ['k-2'], fields: [] });
    expect(await listConflicts(db)).toEqual([]);
  });
});

describe('schema version 9', () => {
  it('opens a version 8 database with its records and adds the conflicts table', async () => {
    const name = `conflicts-upgrade-${++n}`;
    const v8 = openDb(name, schemaVersions.findIndex((v) => v.version === 9));
    await v8.open();
    await v8.startups.put(startup('old', 1));
    v8.close();
    const up = openDb(name);
    await up.open();
    try {
      expect(up.verno).toBe(schemaVersions.at(-1)!.version);
      expect((await up.startups.get('old'))?.name).toBe('孵化企业1');
      await applyRosterChanges(up, [relayed(startup('old', 1, { name: '新名' }), 2, { conflicts: [conflict({ recordId: 'old' })] })], 1);
      expect(await conflictsOf(up, 'startup', 'old')).toHaveLength(1);
    } finally {
      await up.delete();
    }
  });
});
