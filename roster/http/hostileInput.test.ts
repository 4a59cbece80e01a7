import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminClient, send, syncClient } from '../client';
import { startupRecord, startupUpserts } from '../fixtures';
import { backends } from '../testing/backends';
import { lastMutationId, storedRecords } from '../testing/inspect';
import { adminToken, type RunningRoster, startRoster } from '../testing/server';

/** Issue 19: inputs that broke the PostgreSQL path or were wrongly accepted, each answered alike on both databases. */
const clientId = 'desk-hostile-01';
const carrierCode = 'C-HOSTILE';

const upsert = (mutationId: number, recordId: string, record: unknown) => ({
  mutationId,
  entity: 'startup',
  recordId,
  op: 'upsert' as const,
  record,
  createdAt: '2026-03-01T08:00:00Z',
});
const push = <M>(mutations: M[], from = clientId) => ({ carrierCode, clientId: from, mutations });
const rejected = (mutationId: number, reason: string) => ({ mutationId, status: 'rejected', reason });
const applied = (mutationId: number, version = 1) => ({ mutationId, status: 'applied', version });

describe.each(backends)('hostile input on $name', (backend) => {
  let roster: RunningRoster;
  let token: string;
  const pushReply = (body: unknown) => send(roster.url, 'POST', '/v1/sync/push', token, body);
  /** Moves a desk's cursor as if it had already sent `last` mutations (a long-lived desk). */
  const seenUpTo = (last: number) => roster.store.db.updateTable('client_cursors').set({ last_mutation_id: last }).where('client_id', '=', clientId).execute();

  beforeEach(async () => {
    roster = await startRoster(backend);
    token = await roster.carrier(carrierCode);
  });
  afterEach(async () => {
    expect(await send(roster.url, 'GET', '/v1/health')).toEqual({ status: 200, body: { ok: true } });
    await roster.close();
  });

  it('rejects a NUL in a recordId, answers the mutations around it, and repeats the rejection on resend', async () => {
    const batch = [upsert(1, 's1', startupRecord('s1', 1)), upsert(2, 's\u00002', startupRecord('s\u00002', 2)), upsert(3, 's3', startupRecord('s3', 3))];
    const answer = { results: [applied(1), rejected(2, 'recordId: sync.reasons.nul'), applied(3)] };
    expect(await pushReply(push(batch))).toEqual({ status: 200, body: answer });
    expect(await pushReply(push(batch))).toEqual({
      status: 200,
      body: { results: [{ mutationId: 1, status: 'duplicate' }, rejected(2, 'recordId: sync.reasons.nul'), { mutationId: 3, status: 'duplicate' }] },
    });
    expect((await storedRecords(roster.store, carrierCode)).map((r) => r.record_id)).toEqual(['s1', 's3']);
    expect(await lastMutationId(roster.store, carrierCode, clientId)).toBe(3);
  });

  it("rejects a NUL in a record's id or any of its texts, naming the field and never repeating the text", async () => {
    const reply = await pushReply(
      push([
        upsert(1, 's1', startupRecord('s\u00001', 1)),
        upsert(2, 's2', { ...startupRecord('s2', 2), room: 'A\u0000' }),
        upsert(3, 's3', { ...startupRecord('s3', 3), ['bad\u0000key']: 1 }),
      ]),
    );
    expect(reply.body).toEqual({
      results: [rejected(1, 'id: sync.reasons.nul'), rejected(2, 'room: sync.reasons.nul'), rejected(3, 'record: sync.reasons.nul')],
    });
    expect(await storedRecords(roster.store, carrierCode)).toEqual([]);
  });

  it('refuses a NUL or a lone surrogate in the clientId with 400 and stores nothing', async () => {
    for (const bad of ['desk-\u0000-0001', 'desk-\uD800-0001']) {
      const reply = await pushReply(push([upsert(1, 's1', startupRecord('s1', 1))], bad));
      expect(reply).toEqual({ status: 400, body: { error: 'bad_request', reason: expect.stringMatching(/^clientId: (contains a NUL|is not well-formed UTF-16)/) } });
    }
    expect(await storedRecords(roster.store, carrierCode)).toEqual([]);
    expect(await roster.store.db.selectFrom('client_cursors').selectAll().execute()).toEqual([]);
  });

  it('takes mutation ids from 2^31 up to 2^53 − 1 and refuses what is beyond', async () => {
    const high = 2 ** 31;
    expect(await pushReply(push([upsert(high, 's1', startupRecord('s1', 1))]))).toEqual({
      status: 409,
      body: { error: 'gap', reason: expect.any(String), results: [], expectedMutationId: 1 },
    });
    await seenUpTo(high - 1);
    const batch = [upsert(high, 's1', startupRecord('s1', 1)), upsert(high + 1, 's2', { ...startupRecord('s2', 2), creditCode: '91110108000000001X' })];
    const answer = { results: [applied(high), rejected(high + 1, 'creditCode: v.creditCode.check')] };
    expect(await pushReply(push(batch))).toEqual({ status: 200, body: answer });
    expect((await pushReply(push(batch))).body).toEqual({ results: [{ mutationId: high, status: 'duplicate' }, answer.results[1]] });
    expect(await lastMutationId(roster.store, carrierCode, clientId)).toBe(high + 1);

    await seenUpTo(Number.MAX_SAFE_INTEGER - 1);
    expect((await pushReply(push([upsert(Number.MAX_SAFE_INTEGER, 's1', startupRecord('s1', 1))]))).body).toEqual({
      results: [applied(Number.MAX_SAFE_INTEGER, 2)],
    });
    const beyond = await pushReply(push([upsert(2 ** 53, 's1', startupRecord('s1', 1))]));
    expect(beyond).toEqual({ status: 400, body: { error: 'bad_request', reason: expect.stringMatching(/^mutations\.0\.mutationId: /) } });
  });

  it('answers a pull cursor from 2^31 up to 2^53 − 1 and refuses what is beyond', async () => {
    for (const since of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
      expect(await send(roster.url, 'GET', `/v1/sync/pull?since=${since}`, token)).toEqual({
        status: 200,
        body: { changes: [], cursor: since, more: false },
      });
    }
    const beyond = await send(roster.url, 'GET', `/v1/sync/pull?since=${2 ** 53}`, token);
    expect(beyond).toEqual({ status: 400, body: { error: 'bad_request', reason: expect.stringMatching(/^since: /) } });
  });

  it('rejects recordIds and texts with a lone surrogate, so two ids never become one row, and keeps real pairs', async () => {
    const reply = await pushReply(
      push([
        upsert(1, 'a\uD800', startupRecord('a\uD800', 1)),
        upsert(2, 'a\uDBFF', startupRecord('a\uDBFF', 2)),
        upsert(3, 'b\uDC00x', startupRecord('b\uDC00x', 3)),
        upsert(4, 's4', { ...startupRecord('s4', 4), name: '云帆\uD83D科技' }),
        upsert(5, '企业😀', startupRecord('企业😀', 5, '云帆😀科技')),
      ]),
    );
    expect(reply.body).toEqual({
      results: [
        rejected(1, 'recordId: sync.reasons.loneSurrogate'),
        rejected(2, 'recordId: sync.reasons.loneSurrogate'),
        rejected(3, 'recordId: sync.reasons.loneSurrogate'),
        rejected(4, 'name: sync.reasons.loneSurrogate'),
        applied(5),
      ],
    });
    const stored = await storedRecords(roster.store, carrierCode);
    expect(stored.map((r) => [r.record_id, r.data?.name])).toEqual([['企业😀', '云帆😀科技']]);
  });

  it("keeps the roster's own fields out of what a desk reports, however large", async () => {
    const admin = adminClient(roster.url, adminToken);
    const desk = syncClient(roster.url, token);
    await desk.push(push(startupUpserts(1, 1, () => 's1')));
    await admin.verify(carrierCode, 's1', 'mismatch', '名称与登记不一致');
    const claims = { rosterId: 'RS99999999', verification: 'verified', verificationNote: 'x'.repeat(1_500_000), keyProjectDesignated: true };
    expect((await pushReply(push([upsert(2, 's1', { ...startupRecord('s1', 1), ...claims })]))).body).toEqual({ results: [applied(2, 2)] });

    const [stored] = await storedRecords(roster.store, carrierCode);
    expect(stored?.data).toMatchObject({ id: 's1', name: '孵化企业1' });
    for (const field of Object.keys(claims)) expect(stored?.data).not.toHaveProperty(field);
    const decisions = (await desk.pull(0)).changes.filter((c) => c.kind !== 'carrierStatus').map(({ seq: _seq, ...c }) => c);
    expect(decisions).toEqual([
      { kind: 'rosterId', startupId: 's1', rosterId: 'RS00000001' },
      { kind: 'verification', startupId: 's1', result: 'mismatch', note: '名称与登记不一致' },
    ]);
  });

  it('refuses a push from a removed carrier with 403 and a reason, and still lets it pull its status', async () => {
    await adminClient(roster.url, adminToken).setStatus(carrierCode, 'removed');
    const reply = await pushReply(push([upsert(1, 's1', startupRecord('s1', 1))]));
    expect(reply).toEqual({ status: 403, body: { error: 'carrier_removed', reason: expect.stringContaining('removed from the roster') } });
    expect(await storedRecords(roster.store, carrierCode)).toEqual([]);
    expect(await lastMutationId(roster.store, carrierCode, clientId)).toBe(0);
    const { changes } = await syncClient(roster.url, token).pull(0);
    expect(changes.at(-1)).toMatchObject({ kind: 'carrierStatus', status: 'removed' });
  });

  it("validates a delete's record when it carries one, and keeps nothing of it", async () => {
    await syncClient(roster.url, token).push(push(startupUpserts(1, 2, (id) => `s${id}`)));
    const remove = (mutationId: number, recordId: string, record: unknown) => ({ ...upsert(mutationId, recordId, record), op: 'delete' });
    const reply = await pushReply(
      push([remove(3, 's1', { junk: 'x'.repeat(1000) }), remove(4, 's1', startupRecord('s2', 2)), remove(5, 's1', startupRecord('s1', 1)), remove(6, 's2', null)]),
    );
    expect(reply.body).toEqual({
      results: [
        rejected(3, expect.stringContaining('id: ')),
        rejected(4, 'id: record id s2 is not recordId s1'),
        applied(5, 2),
        applied(6, 2),
      ],
    });
    expect((await storedRecords(roster.store, carrierCode)).map((r) => [r.record_id, r.data, r.deleted])).toEqual([
      ['s1', null, 1],
      ['s2', null, 1],
    ]);
  });

  it("numbers roster ids per carrier, so an id tells nothing of other carriers' startups", async () => {
    const other = await roster.carrier('C-OTHER');
    await syncClient(roster.url, token).push(push(startupUpserts(1, 3, (id) => `s${id}`)));
    await syncClient(roster.url, other).push({ carrierCode: 'C-OTHER', clientId, mutations: startupUpserts(1, 2, (id) => `s${id}`) });
    const rosterIds = async (t: string) =>
      (await syncClient(roster.url, t).pull(0)).changes.flatMap((c) => (c.kind === 'rosterId' ? [[c.startupId, c.rosterId]] : []));
    expect(await rosterIds(token)).toEqual([
      ['s1', 'RS00000001'],
      ['s2', 'RS00000002'],
      ['s3', 'RS00000003'],
    ]);
    expect(await rosterIds(other)).toEqual([
      ['s1', 'RS00000001'],
      ['s2', 'RS00000002'],
    ]);
  });

  const adminRefusals: [string, string, unknown, RegExp][] = [
    ['a NUL in a new carrier code', '/v1/admin/carriers', { code: 'C-\u0000X', name: '载体' }, /^code: carrier code/],
    ['a NUL in a carrier name', '/v1/admin/carriers', { code: 'C-NUL', name: '载体\u0000' }, /^name: contains a NUL/],
    ['a lone surrogate in a carrier name', '/v1/admin/carriers', { code: 'C-SUR', name: '载体\uDC00' }, /^name: is not well-formed/],
    ['a NUL in the carrier code of a path', `/v1/admin/carriers/C-%00X/status`, { status: 'rectify' }, /^code: carrier code/],
    ['a NUL in the startup id of a path', `/v1/admin/carriers/${carrierCode}/startups/s%001/key-project`, { designated: true }, /^startupId: contains a NUL/],
    ['a NUL in a verification note', `/v1/admin/carriers/${carrierCode}/startups/s1/verification`, { result: 'mismatch', note: '不符\u0000' }, /^note: contains a NUL/],
  ];
  it.each(adminRefusals)('answers the admin API 400 to %s', async (_what, path, body, reason) => {
    const reply = await send(roster.url, 'POST', path, adminToken, body);
    expect(reply).toEqual({ status: 400, body: { error: 'bad_request', reason: expect.stringMatching(reason) } });
    expect((await roster.store.db.selectFrom('carriers').select('code').execute()).map((c) => c.code)).toEqual([carrierCode]);
  });
});
