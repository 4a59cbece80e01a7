import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRuleSet, entities, type Startup } from '@core/records';
import { aMentor, aReport, aSession } from '@core/testing/records';
import { idNumberCheckChar } from '@core/validators/idNumber';
import { startupRecord } from '../../../roster/fixtures';
import { backends } from '../../../roster/testing/backends';
import { type RunningRoster, startRoster } from '../../../roster/testing/server';
import { deskDump } from '../../../test/support/deskDump';
import { browserBridge } from '../platform/browserBridge';
import { saveCarrier } from '../store/carrier';
import { heldVersions, JOINED_VERSIONS } from '../store/rosterVersions';
import { tableOf } from '../store/schema';
import { conflictsOf, listConflicts, settleConflict } from '../store/conflicts';
import { type DeskDb, openDb } from '../store/db';
import { saveStartup } from '../store/startups';
import { applySnapshotPage, readSyncStatus, rosterVersion, setDeskName, type SnapshotProgress, snapshotProgress } from '../store/syncState';
import { saveRecord } from '../store/write';
import { createJoinCode, listDesks, revokeDesk, type RosterEndpoint, type RosterTransport, snapshotPage } from './client';
import { SNAPSHOT_PAGE, syncOnce } from './engine';
import { isEmptyDesk, JoinRefused, joinDesk } from './join';

const sqlite = backends.find((b) => b.name === 'sqlite')!;
const transport: RosterTransport = (request) => browserBridge.rosterRequest(request);

let dbs: DeskDb[] = [];
let n = 0;
const newDb = () => {
  const db = openDb(`desks-test-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});

/** A token store per desk, as the bridge keeps the token on each computer. */
function secrets() {
  let token: string | undefined;
  return {
    setSecret: async ({ value }: { value: string }) => void (token = value),
    rosterRequest: transport,
    get token() {
      return token!;
    },
  };
}

const startup = (id: string, k: number, over: Partial<Startup> = {}) => ({ ...startupRecord(id, k), ...over }) as Startup;

describe('several desks of one carrier against the roster service', () => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(sqlite);
  });
  afterEach(() => roster.close());

  /** The carrier's first desk, under the carrier token as desks always were. */
  async function firstDesk(code: string) {
    const token = await roster.carrier(code);
    const db = newDb();
    await saveCarrier(db, { name: `载体 ${code}`, line: 'hrss', type: 'startupBase', level: 'city', regionCode: '330185', address: '杭州市临安区', area: 5000, seats: 80, rules: defaultRuleSet, rosterCode: code, operator: '王芳' });
    await setDeskName(db, '主管电脑');
    const endpoint: RosterEndpoint = { url: roster.url, token, transport };
    return { db, endpoint, sync: () => syncOnce({ db, endpoint: async () => endpoint }) };
  }

  /** A second desk, joined with a code made on `from`. */
  async function joinedDesk(from: RosterEndpoint, deskName: string) {
    const db = newDb();
    const { code } = await createJoinCode(from);
    const store = secrets();
    await joinDesk(db, store, { rosterUrl: roster.url, joinCode: code.toLowerCase(), deskName, keep: true });
    const endpoint = (): Promise<RosterEndpoint> => Promise.resolve({ url: roster.url, token: store.token, transport });
    return { db, endpoint: await endpoint(), sync: () => syncOnce({ db, endpoint }) };
  }

  it('a new desk joins with a code, loads the carrier whole, and every later change reaches the other desk, never echoed', async () => {
    const a = await firstDesk('C-JOIN');
    for (let k = 1; k <= 30; k++) await saveStartup(a.db, startup(`s-${k}`, k), k === 1 ? [{ id: 'f-1', startupId: 's-1', name: '李娟', idNumber: '11010519491231002X', keyGroups: [], firstTime: true, trainingCertified: false }] : []);
    await a.sync();

    const b = await joinedDesk(a.endpoint, '外勤笔记本');
    await b.sync();
    expect(await deskDump(b.db)).toEqual(await deskDump(a.db));
    expect((await b.db.carrier.get('carrier'))?.rosterCode).toBe('C-JOIN');
    expect(await b.db.outbox.count()).toBe(0);

    // Admitted on the field laptop, seen on the manager's desk; audited there as the laptop's.
    await saveRecord(b.db, 'startup', startup('s-new', 99, { name: '外勤录入的企业' }), '李娟');
    await b.sync();
    await a.sync();
    expect((await a.db.startups.get('s-new'))?.name).toBe('外勤录入的企业');
    expect((await a.db.audit.where('recordId').equals('s-new').first())?.who).toBe('李娟 @ 外勤笔记本');
    expect(await a.db.outbox.count()).toBe(0);
    // B's own change is not sent back to it: its audit holds only its own entry.
    await b.sync();
    expect(await b.db.audit.where('recordId').equals('s-new').count()).toBe(1);
    expect(await deskDump(b.db)).toEqual(await deskDump(a.db));

    const desks = await listDesks(a.endpoint);
    expect(desks.map((d) => d.name).sort()).toEqual(['主管电脑', '外勤笔记本']);
    expect(desks.every((d) => d.revokedAt === null)).toBe(true);
  });

  it('a join of several pages keeps the list and totals right, straight through or resumed where it stopped', async () => {
    const a = await firstDesk('C-PAGES');
    const idNumber = (k: number) => {
      const first17 = `11010519900101${String(k).padStart(3, '0')}`;
      return first17 + idNumberCheckChar(first17);
    };
    const founder = (k: number) => ({ id: `f-${k}`, startupId: `s-${k}`, name: `创始人${k}`, idNumber: idNumber(k), keyGroups: [], firstTime: true, trainingCertified: false });
    for (let k = 1; k <= 450; k++) await saveStartup(a.db, startup(`s-${k}`, k), [founder(k)]);
    // Records that move the kept totals: a mentor, sessions, quarterly reports.
    await saveRecord(a.db, 'mentor', aMentor('m1'), '王芳');
    for (let k = 1; k <= 120; k++) await saveRecord(a.db, 'session', aSession(`ss-${k}`, `2026-0${1 + (k % 9)}-1${k % 10}T09:00:00+08:00`, { startupIds: [`s-${k}`] }), '王芳');
    for (let k = 1; k <= 150; k++) await saveRecord(a.db, 'report', aReport(`s-${k}`, k % 2 ? '2026Q1' : '2026Q2', { employees: k % 7 }), '王芳');
    await a.sync();
    const whole = await deskDump(a.db);

    // Straight through: the totals summed page by page.
    const c = await joinedDesk(a.endpoint, '三号电脑');
    await c.sync();
    expect(await deskDump(c.db)).toEqual(whole);
    // No audit entry per record: a join edits nothing.
    expect(await c.db.audit.count()).toBe(0);
    // The roster's version of every record, kept a page to a row: the same as the desk that pushed them holds.
    const held = (await Promise.all(entities.map(async (entity) => ((await c.db.table(tableOf[entity]).toCollection().primaryKeys()) as string[]).map((recordId) => ({ entity, recordId }))))).flat();
    expect(await heldVersions(c.db, held)).toEqual(await heldVersions(a.db, held));
    expect(await c.db.table('rosterVersions').count()).toBe(0);
    expect(await c.db.table(JOINED_VERSIONS).count()).toBe(Math.ceil(held.length / SNAPSHOT_PAGE));

    // The roster goes away after the first page: where the load stood is kept.
    const b = await joinedDesk(a.endpoint, '二号电脑');
    let asked = 0;
    const flaky: RosterTransport = (request) => (request.url.includes('/v1/sync/snapshot') && ++asked > 1 ? Promise.reject(new TypeError('Failed to fetch')) : transport(request));
    await expect(syncOnce({ db: b.db, endpoint: async () => ({ ...b.endpoint, transport: flaky }) })).rejects.toBeDefined();
    const stopped = (await snapshotProgress(b.db))!;
    expect(stopped).toMatchObject({ joining: true, done: SNAPSHOT_PAGE });
    // The rest, with the desk stopped after the last page, before its totals were written.
    let progress: SnapshotProgress | undefined = stopped;
    while (progress && progress.derivingTo === undefined) progress = await applySnapshotPage(b.db, await snapshotPage(b.endpoint, progress.after, SNAPSHOT_PAGE), progress);
    expect(progress?.derivingTo).toBeGreaterThan(0);
    expect(await b.db.startups.count()).toBe(450);

    await b.sync();
    expect(await snapshotProgress(b.db)).toBeUndefined();
    expect(await deskDump(b.db)).toEqual(whole);
    expect((await readSyncStatus(b.db)).cursor).toBe((await readSyncStatus(a.db)).cursor);
    // An edit on the joined desk is made on that version, so the roster merges it field by field.
    await saveRecord(c.db, 'startup', { ...(await c.db.startups.get('s-7'))!, room: 'B-7' }, '王芳');
    expect((await c.db.outbox.toArray()).map((e) => [e.recordId, e.baseVersion, e.fields])).toEqual([['s-7', await rosterVersion(a.db, 'startup', 's-7'), ['room']]]);
    await c.sync();
    const before = await rosterVersion(a.db, 'startup', 's-7');
    await a.sync();
    expect(await rosterVersion(c.db, 'startup', 's-7')).toBe(before + 1);
    expect((await a.db.startups.get('s-7'))?.room).toBe('B-7');
    expect(await a.db.table('conflicts').count()).toBe(0);
  });

  it('a desk that holds records may not join: it would mix two carriers', async () => {
    const a = await firstDesk('C-FULL');
    const other = newDb();
    await saveRecord(other, 'startup', startup('mine', 1), '王芳');
    expect(await isEmptyDesk(other)).toBe(false);
    const { code } = await createJoinCode(a.endpoint);
    await expect(joinDesk(other, secrets(), { rosterUrl: roster.url, joinCode: code, deskName: '旧电脑', keep: true })).rejects.toBeInstanceOf(JoinRefused);
    expect(await other.startups.count()).toBe(1);
  });

  it('concurrent offline edits: fields edited on one side both survive, the same field is a conflict on both desks until settled', async () => {
    const a = await firstDesk('C-EDIT');
    await saveRecord(a.db, 'startup', startup('s-1', 1), '王芳');
    await a.sync();
    const b = await joinedDesk(a.endpoint, '外勤笔记本');
    await b.sync();

    const held = (await a.db.startups.get('s-1'))!;
    await saveRecord(a.db, 'startup', { ...held, room: 'A-101', contactPhone: '13800138001' }, '王芳');
    await saveRecord(b.db, 'startup', { ...held, contactName: '张三', contactPhone: '13800138002' }, '李娟');
    await a.sync();
    await b.sync();
    await a.sync();
    const dumpA = await deskDump(a.db);
    expect(await deskDump(b.db)).toEqual(dumpA);
    // B pushed later: its phone won; A's room and B's contact both survive.
    expect(await a.db.startups.get('s-1')).toMatchObject({ room: 'A-101', contactName: '张三', contactPhone: '13800138002' });
    const conflicts = await listConflicts(a.db);
    expect(conflicts.map((c) => [c.field, c.kept, c.lost, c.cause])).toEqual([['contactPhone', '13800138002', '13800138001', 'field']]);
    expect(conflicts[0]!.lostBy.desk).toBe('主管电脑');

    // The manager restores her value on A; the conflict is gone on both desks after they sync.
    await settleConflict(a.db, conflicts[0]!, 'lost');
    await a.sync();
    await b.sync();
    expect((await b.db.startups.get('s-1'))?.contactPhone).toBe('13800138001');
    expect(await conflictsOf(b.db, 'startup', 's-1')).toEqual([]);
    expect(await deskDump(b.db)).toEqual(await deskDump(a.db));
  });

  it('the same company admitted on two desks offline becomes one startup on both, the founders under the standing id', async () => {
    const a = await firstDesk('C-SAME');
    await a.sync();
    const b = await joinedDesk(a.endpoint, '外勤笔记本');
    await b.sync();
    const person = (id: string, startupId: string, idNumber: string) => ({ id, startupId, name: `创始人${id}`, idNumber, keyGroups: [], firstTime: true, trainingCertified: false });
    await saveStartup(a.db, startup('s-a', 7, { name: '云帆科技' }), [person('f-a', 's-a', '11010519491231002X')]);
    await saveStartup(b.db, startup('s-b', 7, { name: '云帆科技（外勤）', room: 'C-3' }), [person('f-b', 's-b', '110105198001010016')]);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const db of [a.db, b.db]) {
      expect((await db.startups.toArray()).map((s) => s.id)).toEqual(['s-a']);
      expect((await db.founders.orderBy('id').toArray()).map((f) => [f.id, f.startupId])).toEqual([['f-a', 's-a'], ['f-b', 's-a']]);
    }
    expect((await a.db.startups.get('s-a'))?.room).toBe('C-3');
    expect(await deskDump(b.db)).toEqual(await deskDump(a.db));
  });

  it('a revoked desk is refused at once with the reason, and keeps its data', async () => {
    const a = await firstDesk('C-LOST');
    await saveRecord(a.db, 'startup', startup('s-1', 1), '王芳');
    await a.sync();
    const b = await joinedDesk(a.endpoint, '丢失的笔记本');
    await b.sync();
    const clientId = (await listDesks(a.endpoint)).find((d) => d.name === '丢失的笔记本')!.clientId;
    await revokeDesk(a.endpoint, clientId);
    await saveRecord(b.db, 'startup', { ...(await b.db.startups.get('s-1'))!, room: 'Z-9' }, '李娟');
    await expect(b.sync()).rejects.toMatchObject({ kind: 'revoked' });
    expect((await readSyncStatus(b.db)).lastError).toMatchObject({ kind: 'revoked', detail: expect.stringContaining('revoked') });
    expect(await b.db.startups.get('s-1')).toMatchObject({ room: 'Z-9' });
    expect(await b.db.outbox.count()).toBe(1);
    expect((await listDesks(a.endpoint)).find((d) => d.clientId === clientId)?.revokedAt).not.toBeNull();
  });
});
