import { afterEach, describe, expect, it } from 'vitest';
import type { Mutation, PushRequest, RosterChange } from '@core/sync/protocol';
import { aSession } from '@core/testing/records';
import { adminClient, joinCarrier, send, syncClient } from '../client';
import { startupRecord } from '../fixtures';
import { compactChanges } from '../store/compaction';
import { backends } from '../testing/backends';
import { storedRecords } from '../testing/inspect';
import { adminToken, type RunningRoster, startRoster } from '../testing/server';

const hours = (n: number) => n * 60 * 60 * 1000;

/** A desk of a carrier that joined with a join code: its clientId, its own token, its outbox counter. */
interface JoinedDesk {
  clientId: string;
  token: string;
  nextId: number;
}

const upsert = (desk: JoinedDesk, recordId: string, record: Record<string, unknown>, extra: Partial<Mutation> = {}): Mutation => ({
  mutationId: desk.nextId++,
  entity: 'startup',
  recordId,
  op: 'upsert',
  record,
  createdAt: '2026-03-01T08:00:00Z',
  ...extra,
});

const founder = (id: string, startupId: string) => ({
  id,
  updatedAt: '2026-03-01T08:00:00Z',
  startupId,
  name: '李娟',
  idNumber: '11010519491231002X',
  keyGroups: [],
  firstTime: true,
  trainingCertified: false,
});

const records = (changes: RosterChange[]) => changes.flatMap((c) => (c.kind === 'record' ? [c] : []));

describe.each(backends)('several desks of one carrier on $name', (backend) => {
  let roster: RunningRoster;
  let clock = new Date('2026-03-01T08:00:00Z');
  afterEach(() => roster.close());

  async function start() {
    clock = new Date('2026-03-01T08:00:00Z');
    roster = await startRoster(backend, { now: () => clock });
  }

  /** A carrier and `count` desks joined to it by join codes made with the carrier token. */
  async function carrierWithDesks(code: string, count: number) {
    const carrierToken = await roster.carrier(code);
    const desks: JoinedDesk[] = [];
    for (let i = 0; i < count; i++) {
      const { code: joinCode } = await syncClient(roster.url, carrierToken).createJoinCode();
      const clientId = `${code}-desk-${i}`;
      const joined = await joinCarrier(roster.url, joinCode, clientId, `桌面 ${i}`);
      desks.push({ clientId, token: joined.token, nextId: 1 });
    }
    return { carrierToken, desks };
  }

  const push = (code: string, desk: JoinedDesk, mutations: Mutation[], extra: Partial<PushRequest> = {}) =>
    syncClient(roster.url, desk.token).push({ carrierCode: code, clientId: desk.clientId, mutations, ...extra });

  it('lets a desk join once with a code that expires after 24 hours, storing only its hash', async () => {
    await start();
    const carrierToken = await roster.carrier('C-JOIN');
    const made = await syncClient(roster.url, carrierToken).createJoinCode();
    expect(made.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(made.expiresAt).toBe('2026-03-02T08:00:00.000Z');
    const stored = await roster.store.db.selectFrom('join_codes').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(made.code.replace(/-/g, ''));

    // Typed in lower case without dashes, as a person might.
    const joined = await joinCarrier(roster.url, made.code.replace(/-/g, '').toLowerCase(), 'laptop-0001', '外勤笔记本');
    expect(joined).toEqual({ carrierCode: 'C-JOIN', carrierName: '载体 C-JOIN', token: expect.stringMatching(/^rsd_/) });
    const again = await send(roster.url, 'POST', '/v1/desks/join', undefined, { joinCode: made.code, clientId: 'laptop-0002', deskName: '另一台' });
    expect(again).toEqual({ status: 403, body: { error: 'join_code_invalid', reason: expect.stringContaining('not valid') } });

    const late = await syncClient(roster.url, carrierToken).createJoinCode();
    clock = new Date(clock.getTime() + hours(24) + 1);
    const expired = await send(roster.url, 'POST', '/v1/desks/join', undefined, { joinCode: late.code, clientId: 'laptop-0003', deskName: '迟到' });
    expect(expired).toEqual(again);
    const unknown = await send(roster.url, 'POST', '/v1/desks/join', undefined, { joinCode: 'ZZZZ-ZZZZ-ZZZZ', clientId: 'laptop-0004', deskName: '猜的' });
    expect(unknown).toEqual(again);

    // The authority issues one too.
    const issued = await send(roster.url, 'POST', '/v1/admin/carriers/C-JOIN/join-codes', adminToken, {});
    expect(issued.status).toBe(200);
    expect((await joinCarrier(roster.url, (issued.body as { code: string }).code, 'office-0001', '办公室')).carrierCode).toBe('C-JOIN');
    expect((await send(roster.url, 'POST', '/v1/admin/carriers/C-NONE/join-codes', adminToken, {})).status).toBe(404);

    const desks = await syncClient(roster.url, joined.token).desks();
    expect(desks.map((d) => [d.clientId, d.name, d.revokedAt])).toEqual([
      ['office-0001', '办公室', null],
      ['laptop-0001', '外勤笔记本', null],
    ]);
  });

  it('binds a desk token to its clientId and its carrier', async () => {
    await start();
    const { desks } = await carrierWithDesks('C-BIND', 1);
    await roster.carrier('C-OTHER');
    const desk = desks[0]!;
    const asOther = await send(roster.url, 'POST', '/v1/sync/push', desk.token, {
      carrierCode: 'C-BIND',
      clientId: 'someone-else-01',
      mutations: [upsert({ ...desk }, 's1', startupRecord('s1', 1))],
    });
    expect(asOther).toEqual({ status: 403, body: { error: 'forbidden', reason: expect.stringContaining(desk.clientId) } });
    expect((await send(roster.url, 'GET', '/v1/sync/pull?since=0&clientId=someone-else-01', desk.token)).status).toBe(403);
    const otherCarrier = await send(roster.url, 'POST', '/v1/sync/push', desk.token, {
      carrierCode: 'C-OTHER',
      clientId: desk.clientId,
      mutations: [upsert({ ...desk }, 's1', startupRecord('s1', 1))],
    });
    expect(otherCarrier.status).toBe(403);
    expect(await storedRecords(roster.store, 'C-BIND')).toEqual([]);
    expect(await storedRecords(roster.store, 'C-OTHER')).toEqual([]);
  });

  it('refuses a revoked desk at once, whatever token it sends, and lists it as revoked', async () => {
    await start();
    const { carrierToken, desks } = await carrierWithDesks('C-REV', 2);
    const [office, laptop] = desks as [JoinedDesk, JoinedDesk];
    await push('C-REV', laptop, [upsert(laptop, 's1', startupRecord('s1', 1))], { deskName: '外勤笔记本', pending: 3 });
    expect((await syncClient(roster.url, laptop.token).revoke(laptop.clientId)).status).toBe(400);

    const revoked = await syncClient(roster.url, office.token).revoke(laptop.clientId);
    expect(revoked).toEqual({ status: 200, body: { desk: expect.objectContaining({ clientId: laptop.clientId, revokedAt: clock.toISOString() }) } });
    const unpushed = [upsert(laptop, 's2', startupRecord('s2', 2))];
    const body = { carrierCode: 'C-REV', clientId: laptop.clientId, mutations: unpushed };
    const refusal = { status: 403, body: { error: 'desk_revoked', reason: expect.stringContaining('revoked') } };
    expect(await send(roster.url, 'POST', '/v1/sync/push', laptop.token, body)).toEqual(refusal);
    expect(await send(roster.url, 'GET', '/v1/sync/pull?since=0', laptop.token)).toEqual(refusal);
    expect(await send(roster.url, 'GET', '/v1/sync/snapshot', laptop.token)).toEqual(refusal);
    // The carrier token does not get the revoked desk's clientId back in.
    expect(await send(roster.url, 'POST', '/v1/sync/push', carrierToken, body)).toEqual(refusal);
    expect(await send(roster.url, 'GET', `/v1/sync/pull?since=0&clientId=${laptop.clientId}`, carrierToken)).toEqual(refusal);
    expect((await storedRecords(roster.store, 'C-REV')).map((r) => r.record_id)).toEqual(['s1']);

    const listed = await syncClient(roster.url, office.token).desks();
    expect(listed.find((d) => d.clientId === laptop.clientId)).toEqual({
      clientId: laptop.clientId,
      name: '外勤笔记本',
      joinedAt: '2026-03-01T08:00:00.000Z',
      lastSeenAt: '2026-03-01T08:00:00.000Z',
      pending: 3,
      revokedAt: '2026-03-01T08:00:00.000Z',
    });
    expect((await syncClient(roster.url, office.token).revoke('no-such-desk')).status).toBe(404);
  });

  it("never shows one carrier's records to another carrier's desk", async () => {
    await start();
    const east = await carrierWithDesks('C-EAST', 1);
    const west = await carrierWithDesks('C-WEST', 1);
    await push('C-EAST', east.desks[0]!, [upsert(east.desks[0]!, 's1', startupRecord('s1', 1, '东方企业'))]);
    await push('C-WEST', west.desks[0]!, [upsert(west.desks[0]!, 's1', startupRecord('s1', 2, '西方企业'))]);
    const snapshot = await syncClient(roster.url, west.desks[0]!.token).snapshotPage();
    expect(snapshot.records.map((r) => (r.record as { name: string }).name)).toEqual(['西方企业']);
    const westPull = await syncClient(roster.url, west.desks[0]!.token).pull(0, 1000);
    expect(JSON.stringify(westPull)).not.toContain('东方企业');
    expect((await syncClient(roster.url, west.desks[0]!.token).desks()).map((d) => d.clientId)).toEqual([west.desks[0]!.clientId]);
  });

  it("relays each desk's accepted mutations to the others in the roster's order, never back to the desk that made them", async () => {
    await start();
    const { carrierToken, desks } = await carrierWithDesks('C-RELAY', 3);
    const [a, b, c] = desks as [JoinedDesk, JoinedDesk, JoinedDesk];
    await push('C-RELAY', a, [upsert(a, 'a1', startupRecord('a1', 1)), upsert(a, 'a2', startupRecord('a2', 2))], { deskName: '前台' });
    await push('C-RELAY', b, [upsert(b, 'b1', startupRecord('b1', 3), { by: '李强' })]);
    // A rejected mutation is not relayed.
    await push('C-RELAY', a, [upsert(a, 'a3', { id: 'a3' }), upsert(a, 'a1', startupRecord('a1', 1, '改名企业'))]);

    const seen = async (desk: JoinedDesk) => records((await syncClient(roster.url, desk.token).pull(0, 1000)).changes);
    const byC = await seen(c);
    expect(byC.map((r) => [r.recordId, r.version, r.origin.clientId])).toEqual([
      ['a1', 1, a.clientId],
      ['a2', 1, a.clientId],
      ['b1', 1, b.clientId],
      ['a1', 2, a.clientId],
    ]);
    expect(byC.map((r) => r.seq)).toEqual(byC.map((r) => r.seq).toSorted((x, y) => x - y));
    expect(byC[2]!.origin).toEqual({ clientId: b.clientId, desk: '桌面 1', by: '李强' });
    expect(byC[3]!.origin.desk).toBe('前台');
    expect((byC[3]!.record as { name: string }).name).toBe('改名企业');
    expect((await seen(a)).map((r) => r.recordId)).toEqual(['b1']);
    expect((await seen(b)).map((r) => r.recordId)).toEqual(['a1', 'a2', 'a1']);
    // The carrier token naming a desk gets what that desk would; naming none (a desk of before), no records.
    expect(records((await syncClient(roster.url, carrierToken).pull(0, 1000, b.clientId)).changes)).toEqual(await seen(b));
    expect(records((await syncClient(roster.url, carrierToken).pull(0, 1000)).changes)).toEqual([]);
    // Paging passes over the desk's own changes and still moves the cursor.
    const first = await syncClient(roster.url, a.token).pull(0, 2);
    expect(first.more).toBe(true);
    expect(first.cursor).toBeGreaterThan(0);
  });

  it('merges two desks’ offline edits of one startup field by field, keeps the loser as a conflict, and clears it when resolved', async () => {
    await start();
    const { desks } = await carrierWithDesks('C-MERGE', 2);
    const [a, b] = desks as [JoinedDesk, JoinedDesk];
    const base = startupRecord('s1', 1, '甲企业');
    await push('C-MERGE', a, [upsert(a, 's1', base, { baseVersion: 0 })]);
    // Both edit from version 1: A the room and the name, B the area and the name.
    await push('C-MERGE', a, [upsert(a, 's1', { ...base, room: 'A-101', name: '甲企业A' }, { baseVersion: 1, fields: ['room', 'name'], by: '王芳' })]);
    const fromB = await push('C-MERGE', b, [upsert(b, 's1', { ...base, area: 88, name: '甲企业B' }, { baseVersion: 1, fields: ['area', 'name'], by: '李强' })]);
    const result = fromB.results[0]!;
    expect(result).toEqual(expect.objectContaining({ status: 'applied', version: 3 }));
    expect(result.record).toEqual(expect.objectContaining({ room: 'A-101', area: 88, name: '甲企业B' }));
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        field: 'name',
        kept: '甲企业B',
        lost: '甲企业A',
        cause: 'field',
        keptBy: { clientId: b.clientId, desk: '桌面 1', by: '李强' },
        lostBy: { clientId: a.clientId, desk: '桌面 0', by: '王芳' },
      }),
    ]);
    const relayed = records((await syncClient(roster.url, a.token).pull(0, 1000)).changes).at(-1)!;
    expect(relayed).toEqual(expect.objectContaining({ recordId: 's1', version: 3, conflicts: result.conflicts }));

    // The manager at A chooses A's name back and settles the conflict.
    const chosen = await push('C-MERGE', a, [
      upsert(a, 's1', { ...(result.record as object), name: '甲企业A' }, { baseVersion: 3, fields: ['name'], resolves: [result.conflicts![0]!.id] }),
    ]);
    expect(chosen.results[0]).toEqual({ mutationId: 3, status: 'applied', version: 4 });
    const [row] = await roster.store.db.selectFrom('records').select(['conflicts', 'data']).where('carrier_code', '=', 'C-MERGE').execute();
    expect(JSON.parse(row!.conflicts)).toEqual([]);
    expect(JSON.parse(row!.data!)).toEqual(expect.objectContaining({ name: '甲企业A', room: 'A-101', area: 88 }));

    // A void on one desk beats an edit made beside it on the other: the edit is in the conflicts.
    await push('C-MERGE', a, [upsert(a, 's1', { ...(result.record as object), name: '甲企业A', voidedAt: '2026-03-01T09:00:00Z', voidedReason: '误录' }, { baseVersion: 4, fields: ['voidedAt', 'voidedReason'] })]);
    const late = await push('C-MERGE', b, [upsert(b, 's1', { ...base, room: 'B-202' }, { baseVersion: 3, fields: ['room'] })]);
    expect(late.results[0]!.record).toEqual(expect.objectContaining({ voidedAt: '2026-03-01T09:00:00.000Z', room: 'A-101' }));
    expect(late.results[0]!.conflicts).toEqual([expect.objectContaining({ field: 'room', kept: 'A-101', lost: 'B-202', cause: 'void' })]);
  });

  it('keeps one startup for one company admitted on two desks, and rewrites what later names the second admission', async () => {
    await start();
    const { desks } = await carrierWithDesks('C-SAME', 2);
    const [a, b] = desks as [JoinedDesk, JoinedDesk];
    await push('C-SAME', a, [upsert(a, 'sa', { ...startupRecord('sa', 7, '同一公司'), contactName: undefined })]);
    const second = await push('C-SAME', b, [upsert(b, 'sb', { ...startupRecord('sb', 7, '同一公司简称'), contactName: '赵六' }, { baseVersion: 0 })]);
    expect(second.results[0]).toEqual(
      expect.objectContaining({
        status: 'applied',
        recordId: 'sa',
        version: 2,
        record: expect.objectContaining({ id: 'sa', name: '同一公司', contactName: '赵六' }),
        conflicts: [expect.objectContaining({ field: 'name', kept: '同一公司', lost: '同一公司简称', cause: 'sameCompany' })],
      }),
    );
    const later = await push('C-SAME', b, [
      { mutationId: b.nextId++, entity: 'founder', recordId: 'f1', op: 'upsert', record: founder('f1', 'sb'), createdAt: 'now' },
      upsert(b, 'sb', { ...startupRecord('sb', 7, '同一公司简称'), contactName: '赵六', room: '909' }, { baseVersion: 2, fields: ['room'] }),
      { mutationId: b.nextId++, entity: 'session', recordId: 'm1', op: 'upsert', record: aSession('m1', '2026-03-02T02:00:00Z', { kind: 'group', startupIds: ['sb', 'sx'] }), createdAt: 'now' },
    ]);
    expect(later.results[0]!.record).toEqual(expect.objectContaining({ startupId: 'sa' }));
    expect(later.results[1]).toEqual(expect.objectContaining({ recordId: 'sa', version: 3 }));
    expect(later.results[2]!.record).toEqual(expect.objectContaining({ startupIds: ['sa', 'sx'] }));
    const stored = await storedRecords(roster.store, 'C-SAME');
    expect(stored.map((r) => [r.entity, r.record_id, r.data?.startupId ?? r.data?.startupIds ?? r.data?.room])).toEqual([
      ['founder', 'f1', 'sa'],
      ['session', 'm1', ['sa', 'sx']],
      ['startup', 'sa', '909'],
    ]);
    const toA = records((await syncClient(roster.url, a.token).pull(0, 1000)).changes);
    expect(toA[0]).toEqual(expect.objectContaining({ recordId: 'sa', absorbed: 'sb' }));
    // One roster id: the standing startup's.
    const ids = (await syncClient(roster.url, a.token).pull(0, 1000)).changes.filter((c) => c.kind === 'rosterId');
    expect(ids).toEqual([expect.objectContaining({ startupId: 'sa' })]);
  });

  it('merges an admission only into a live startup of its own carrier: never another carrier’s, never a deleted one', async () => {
    await start();
    const [other] = (await carrierWithDesks('C-OTHER', 1)).desks as [JoinedDesk];
    const [here] = (await carrierWithDesks('C-HERE', 1)).desks as [JoinedDesk];
    await push('C-OTHER', other, [upsert(other, 'so', startupRecord('so', 8, '别家企业'))]);
    await push('C-HERE', here, [upsert(here, 'sd', startupRecord('sd', 9)), { mutationId: here.nextId++, entity: 'startup', recordId: 'sd', op: 'delete', record: null, createdAt: 'now' }]);
    // The other carrier's company (same credit code, even the same record id) and the deleted one's code.
    const admitted = await push('C-HERE', here, [upsert(here, 'so', startupRecord('so', 8, '本家企业')), upsert(here, 'sb', startupRecord('sb', 9))]);
    expect(admitted.results).toEqual([
      { mutationId: 3, status: 'applied', version: 1 },
      { mutationId: 4, status: 'applied', version: 1 },
    ]);
    const named = async (code: string) => (await storedRecords(roster.store, code)).map((r) => [r.record_id, r.deleted, r.version, r.data?.name ?? null]);
    expect(await named('C-HERE')).toEqual([
      ['sb', 0, 1, '孵化企业9'],
      ['sd', 1, 2, null],
      ['so', 0, 1, '本家企业'],
    ]);
    expect(await named('C-OTHER')).toEqual([['so', 0, 1, '别家企业']]);
  });

  it('hands a new desk the whole carrier page by page at one cursor, with the roster’s own fields and decisions', async () => {
    await start();
    const { desks } = await carrierWithDesks('C-SNAP', 2);
    const [a, b] = desks as [JoinedDesk, JoinedDesk];
    await push('C-SNAP', a, Array.from({ length: 24 }, (_, i) => upsert(a, `s${String(i).padStart(2, '0')}`, startupRecord(`s${String(i).padStart(2, '0')}`, i + 1))));
    await push('C-SNAP', a, [{ mutationId: a.nextId++, entity: 'startup', recordId: 's23', op: 'delete', record: null, createdAt: 'now' }]);
    const admin = adminClient(roster.url, adminToken);
    await admin.verify('C-SNAP', 's01', 'mismatch', '名称不符');
    await admin.designate('C-SNAP', 's02', true);
    await admin.setStatus('C-SNAP', 'rectify');

    const reader = syncClient(roster.url, b.token);
    const first = await reader.snapshotPage(undefined, 10);
    expect(first.total).toBe(24);
    expect(first.decisions?.map((d) => d.kind)).toEqual(['carrierStatus']);
    expect(first.decisions?.[0]).toEqual(expect.objectContaining({ status: 'rectify' }));
    // A change racing the snapshot: later pages keep the first page's cursor and total.
    await push('C-SNAP', a, [upsert(a, 's00', startupRecord('s00', 1, '改过的'))]);
    const pages = [first];
    while (pages.at(-1)!.next) pages.push(await reader.snapshotPage(pages.at(-1)!.next!, 10));
    expect(pages.map((p) => [p.records.length, p.cursor, p.total, p.decisions === undefined])).toEqual([
      [10, first.cursor, 24, false],
      [10, first.cursor, 24, true],
      [4, first.cursor, 24, true],
    ]);
    const all = pages.flatMap((p) => p.records);
    expect(all.map((r) => r.recordId)).toEqual(Array.from({ length: 24 }, (_, i) => `s${String(i).padStart(2, '0')}`));
    expect(all.at(-1)).toEqual(expect.objectContaining({ recordId: 's23', record: null, version: 2 }));
    expect(all[1]!.record).toEqual(expect.objectContaining({ rosterId: 'RS00000002', verification: 'mismatch', verificationNote: '名称不符' }));
    expect(all[2]!.record).toEqual(expect.objectContaining({ keyProjectDesignated: true }));
    // The racing change comes by pull from the cursor.
    const after = records((await reader.pull(first.cursor, 1000)).changes);
    expect(after.map((r) => [r.recordId, r.version])).toEqual([['s00', 2]]);
    expect((await send(roster.url, 'GET', '/v1/sync/snapshot?after=not-a-position', b.token)).status).toBe(400);
  });

  it('compacts the relayed changes every live desk has pulled, and sends a desk from before them to a snapshot with 410', async () => {
    await start();
    const { desks } = await carrierWithDesks('C-COMPACT', 3);
    const [a, b, lost] = desks as [JoinedDesk, JoinedDesk, JoinedDesk];
    await push('C-COMPACT', a, Array.from({ length: 5 }, (_, i) => upsert(a, `s${i}`, startupRecord(`s${i}`, i + 1))));
    const readerA = syncClient(roster.url, a.token);
    const readerB = syncClient(roster.url, b.token);
    const cursorB = (await readerB.pull(0, 1000)).cursor;
    await readerA.pull(cursorB, 1000);
    await readerB.pull(cursorB, 1000);
    // The third desk has pulled nothing yet: nothing is compacted.
    expect(await compactChanges(roster.store, 'C-COMPACT')).toEqual([{ carrierCode: 'C-COMPACT', compactedTo: 0, deleted: 0 }]);
    await syncClient(roster.url, a.token).revoke(lost.clientId);
    expect(await compactChanges(roster.store, 'C-COMPACT')).toEqual([{ carrierCode: 'C-COMPACT', compactedTo: cursorB, deleted: 5 }]);

    const gone = await send(roster.url, 'GET', '/v1/sync/pull?since=0', b.token);
    expect(gone).toEqual({ status: 410, body: { error: 'compacted', reason: expect.stringContaining('snapshot') } });
    expect((await readerB.pull(cursorB, 1000)).changes).toEqual([]);
    const snapshot = await readerB.snapshotPage();
    expect(snapshot.records).toHaveLength(5);
    expect(snapshot.cursor).toBeGreaterThanOrEqual(cursorB);
    // The roster's decisions stay: only relayed record changes were deleted.
    const left = await roster.store.db.selectFrom('roster_changes').select('kind').where('carrier_code', '=', 'C-COMPACT').execute();
    expect(left.map((r) => r.kind).toSorted()).toEqual(['carrierStatus', 'rosterId', 'rosterId', 'rosterId', 'rosterId', 'rosterId']);
  });
});
