import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aFounder } from '@core/testing/records';
import { syncClient } from '../client';
import { createAccount, signIn } from '../auth/accounts';
import { openStore } from '../db/open';
import { startupRecord } from '../fixtures';
import { backends, type FreshDatabase } from '../testing/backends';
import { consoleClient } from '../testing/consoleClient';
import { type RunningRoster, startRoster } from '../testing/server';
import { runRosterCli } from '../../test/support/rosterProcess';

const clientId = 'desk-console-0001';

describe.each(backends)('authority console API on $name', (backend) => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(backend);
  });
  afterEach(() => roster.close());

  const account = (login: string, scope: string, role: 'viewer' | 'officer' = 'officer') =>
    createAccount(roster.store, { login, scope, role });
  async function signedIn(login: string, scope: string, role: 'viewer' | 'officer' = 'officer') {
    const { password } = await account(login, scope, role);
    const client = consoleClient(roster.url);
    expect((await client.signIn(login, password)).status).toBe(200);
    return client;
  }
  const newCarrier = (client: ReturnType<typeof consoleClient>, code: string, regionCode: string) =>
    client.post('/carriers', { code, name: `载体 ${code}`, regionCode, line: 'hrss', level: 'provincial' });

  it('signs in with the password user:create printed, in a strict HttpOnly cookie, and never with a wrong one', { timeout: 60_000 }, async () => {
    const created = await createAccount(roster.store, { login: 'li.wei', scope: '11', role: 'officer' });
    expect(created.password).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await roster.store.db.selectFrom('console_accounts').select('password_hash').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.password_hash).not.toContain(created.password);

    const client = consoleClient(roster.url);
    expect(await client.signIn('li.wei', 'not-the-password')).toEqual({ status: 401, body: expect.objectContaining({ error: 'bad_credentials' }) });
    expect(await client.signIn('nobody', created.password)).toEqual({ status: 401, body: expect.objectContaining({ error: 'bad_credentials' }) });
    const ok = await client.signIn('li.wei', created.password);
    expect(ok.body).toEqual(expect.objectContaining({ login: 'li.wei', scope: '11', role: 'officer' }));
    expect(client.lastCookie).toMatch(/^console_session=[\w-]{43}; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    expect((await client.get('/session')).body).toEqual(expect.objectContaining({ login: 'li.wei' }));
    // The session id is stored hashed.
    const sessionId = client.lastCookie.split(';')[0]!.split('=')[1]!;
    const sessions = await roster.store.db.selectFrom('console_sessions').select('id_hash').execute();
    expect(sessions.map((s) => s.id_hash)).not.toContain(sessionId);

    // Behind the https proxy the cookie is also Secure.
    const viaHttps = await fetch(`${roster.url}/console/api/session`, {
      method: 'POST',
      headers: { 'x-console-csrf': 'sign-in', 'x-forwarded-proto': 'https', 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'li.wei', password: created.password }),
    });
    expect(viaHttps.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);

    expect((await client.post('/session/end')).status).toBe(200);
    expect((await client.get('/session')).status).toBe(401);
  });

  it('locks an account out after 5 failures in 15 minutes, even for the right password, and an address too', { timeout: 60_000 }, async () => {
    const { password } = await account('wang.fang', '31');
    const client = consoleClient(roster.url);
    for (let i = 0; i < 5; i++) expect((await client.signIn('wang.fang', `guess-${i}`)).status).toBe(401);
    expect(await client.signIn('wang.fang', password)).toEqual({ status: 429, body: expect.objectContaining({ error: 'locked' }) });

    // The same address guessing at other accounts is locked out as well (it made 5 failures already).
    const other = await account('zhao.lei', '31');
    expect((await client.signIn('zhao.lei', other.password)).status).toBe(429);
    // 15 minutes later the failures have aged out (moved back in the database, as time would).
    const past = new Date(Date.now() - 16 * 60_000).toISOString();
    await roster.store.db.updateTable('console_login_failures').set({ at: past }).execute();
    expect((await client.signIn('wang.fang', password)).status).toBe(200);
  });

  it('refuses a state change without the session-bound token, and anything without a session', async () => {
    const client = await signedIn('officer.11', '11');
    const noHeader = await fetch(`${roster.url}/console/api/carriers`, {
      method: 'POST',
      headers: { cookie: (client.lastCookie.split(';')[0] ?? ''), 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'C-X', name: 'x', regionCode: '110101', line: 'hrss', level: 'city' }),
    });
    expect(noHeader.status).toBe(403);
    const wrongToken = await fetch(`${roster.url}/console/api/carriers`, {
      method: 'POST',
      headers: { cookie: (client.lastCookie.split(';')[0] ?? ''), 'x-console-csrf': 'guessed', 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'C-X', name: 'x', regionCode: '110101', line: 'hrss', level: 'city' }),
    });
    expect(wrongToken.status).toBe(403);
    expect((await consoleClient(roster.url).get('/carriers')).status).toBe(401);
    expect(await roster.store.db.selectFrom('carriers').select('code').execute()).toEqual([]);
  });

  it('shows a province only its own carriers and answers 404 for another province’s, by every route', { timeout: 60_000 }, async () => {
    const nation = await signedIn('nation.officer', 'nation');
    expect((await newCarrier(nation, 'BJ-1', '110105')).status).toBe(201);
    expect((await newCarrier(nation, 'BJ-2', '110228')).status).toBe(201);
    expect((await newCarrier(nation, 'SH-1', '310101')).status).toBe(201);
    const shToken = (await nation.post('/carriers/SH-1/token')).body as { token: string };
    await syncClient(roster.url, shToken.token).push({
      carrierCode: 'SH-1',
      clientId,
      mutations: [{ mutationId: 1, entity: 'startup', recordId: 's1', op: 'upsert', record: startupRecord('s1', 1), createdAt: '2026-03-01T08:00:00Z' }],
    });

    const beijing = await signedIn('beijing.officer', '11');
    const list = (await beijing.get('/carriers')).body as { carriers: { code: string }[]; total: number };
    expect(list).toEqual({ total: 2, carriers: [expect.objectContaining({ code: 'BJ-1' }), expect.objectContaining({ code: 'BJ-2' })] });
    expect(((await beijing.get('/carriers?region=1102')).body as { carriers: { code: string }[] }).carriers.map((c) => c.code)).toEqual(['BJ-2']);
    const county = await signedIn('chaoyang.viewer', '110105', 'viewer');
    expect(((await county.get('/carriers')).body as { total: number }).total).toBe(1);

    for (const reply of [
      await beijing.get('/carriers/SH-1'),
      await beijing.post('/carriers/SH-1/token'),
      await beijing.post('/carriers/SH-1/status', { status: 'removed', reason: '越权' }),
      await beijing.post('/carriers/SH-1/startups/s1/verification', { result: 'verified' }),
      await beijing.post('/carriers/SH-1/startups/s1/key-project', { designated: true }),
      await county.get('/carriers/BJ-2'),
    ]) {
      expect(reply).toEqual({ status: 404, body: expect.objectContaining({ error: 'not_found' }) });
    }
    expect(await newCarrier(beijing, 'SH-2', '310104')).toEqual({ status: 403, body: expect.objectContaining({ error: 'forbidden' }) });
    expect(await county.post('/carriers/BJ-1/status', { status: 'rectify', reason: '只读' })).toEqual({
      status: 403,
      body: expect.objectContaining({ reason: expect.stringContaining('viewer') }),
    });
    // Nothing reached Shanghai's desk but its own creation and roster id.
    const pulled = await syncClient(roster.url, shToken.token).pull(0);
    expect(pulled.changes.map((c) => c.kind)).toEqual(['carrierStatus', 'rosterId']);
    // The audit log a province reads holds its own carriers only.
    const audit = (await beijing.get('/audit')).body as { entries: { carrierCode: string }[] };
    expect(new Set(audit.entries.map((e) => e.carrierCode))).toEqual(new Set(['BJ-1', 'BJ-2']));
  });

  it('serves only the files the console build wrote, whatever path is asked for', async () => {
    for (const path of ['/console/../package.json', '/console/%2e%2e/package.json', '/console/..%2fpackage.json', '/console/assets/../../package.json']) {
      const response = await fetch(roster.url + path);
      expect(await response.text(), path).not.toContain('"name": "incubator-desk"');
    }
    // Under /console/api/ nothing is a page: without a session it is 401, with one an unknown route is 404.
    expect((await fetch(`${roster.url}/console/api/no-such-thing`)).status).toBe(401);
    const { password } = await account('reader', 'nation', 'viewer');
    const client = consoleClient(roster.url);
    await client.signIn('reader', password);
    expect((await client.get('/no-such-thing')).status).toBe(404);
  });

  it('hands each officer decision to the carrier’s desk on its next pull, and audits each', { timeout: 60_000 }, async () => {
    const officer = await signedIn('zhejiang.officer', '33');
    const created = (await newCarrier(officer, 'ZJ-1', '330106')).body as { token: string };
    const desk = syncClient(roster.url, created.token);
    await desk.push({
      carrierCode: 'ZJ-1',
      clientId,
      mutations: [
        { mutationId: 1, entity: 'startup', recordId: 's1', op: 'upsert', record: startupRecord('s1', 1, '杭州某科技有限公司'), createdAt: '2026-03-01T08:00:00Z' },
        { mutationId: 2, entity: 'founder', recordId: 'f1', op: 'upsert', record: aFounder('f1', 's1', { name: '陈明' }), createdAt: '2026-03-01T08:00:00Z' },
      ],
    });
    const { cursor } = await desk.pull(0);

    const detail = (await officer.get('/carriers/ZJ-1')).body as { residents: { name: string; rosterId: string; founders: { idNumberMasked: string }[] }[] };
    expect(detail.residents).toEqual([
      expect.objectContaining({ name: '杭州某科技有限公司', rosterId: 'RS00000001', founders: [{ id: 'f1', name: '陈明', idNumberMasked: '110105********002X' }] }),
    ]);
    expect(JSON.stringify(detail)).not.toContain('11010519491231002X');
    expect((await officer.post('/carriers/ZJ-1/founders/f1/reveal')).body).toEqual({ idNumber: '11010519491231002X' });

    expect((await officer.post('/carriers/ZJ-1/startups/s1/verification', { result: 'mismatch' })).status).toBe(400);
    expect((await officer.post('/carriers/ZJ-1/status', { status: 'rectify' })).status).toBe(400);
    await officer.post('/carriers/ZJ-1/startups/s1/verification', { result: 'mismatch', note: '名称与登记不一致' });
    await officer.post('/carriers/ZJ-1/startups/s1/key-project', { designated: true });
    await officer.post('/carriers/ZJ-1/status', { status: 'rectify', reason: '年度评价不合格' });
    const pulled = await desk.pull(cursor);
    expect(pulled.changes.map(({ seq: _seq, ...c }) => c)).toEqual([
      { kind: 'verification', startupId: 's1', result: 'mismatch', note: '名称与登记不一致' },
      { kind: 'keyProject', startupId: 's1', designated: true },
      { kind: 'carrierStatus', rosterCode: 'ZJ-1', status: 'rectify' },
    ]);
    const after = (await officer.get('/carriers/ZJ-1')).body as { carrier: { status: string }; residents: object[] };
    expect(after.carrier.status).toBe('rectify');
    expect(after.residents[0]).toEqual(expect.objectContaining({ verification: 'mismatch', verificationNote: '名称与登记不一致', keyProjectDesignated: true }));

    const rotated = (await officer.post('/carriers/ZJ-1/token')).body as { token: string };
    await expect(desk.pull(0)).rejects.toThrow(/401/);
    expect((await syncClient(roster.url, rotated.token).pull(pulled.cursor)).changes).toEqual([]);

    const audit = (await officer.get('/audit')).body as { entries: { action: string; login: string; detail: object }[] };
    expect(audit.entries.map((e) => e.action)).toEqual([
      'carrier.token',
      'carrier.status',
      'startup.keyProject',
      'startup.verification',
      'founder.reveal',
      'carrier.create',
    ]);
    expect(audit.entries[1]).toEqual(expect.objectContaining({ login: 'zhejiang.officer', detail: { status: 'rectify', reason: '年度评价不合格' } }));
    expect(JSON.stringify(audit)).not.toContain('11010519491231002X');
    // The log cannot be edited: the database refuses, whatever the code asks.
    await expect(sql`update console_audit set login = 'someone.else'`.execute(roster.store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from console_audit`.execute(roster.store.db)).rejects.toThrow(/append-only/);
  });

  it('stores an officer action and its audit entry together or not at all', { timeout: 60_000 }, async () => {
    const officer = await signedIn('hubei.officer', '42');
    expect((await newCarrier(officer, 'HB-1', '420106')).status).toBe(201);
    const auditRows = () => roster.store.db.selectFrom('console_audit').select('action').execute();
    const before = await auditRows();
    // The entry is written first in the transaction: an action that then fails takes it back with it.
    expect((await officer.post('/carriers/HB-1/startups/never-pushed/verification', { result: 'verified' })).status).toBe(404);
    expect((await newCarrier(officer, 'HB-1', '420111')).status).toBe(409);
    expect(await auditRows()).toEqual(before);
    const profiles = await roster.store.db.selectFrom('carrier_profiles').select('region_code').where('carrier_code', '=', 'HB-1').execute();
    expect(profiles).toEqual([{ region_code: '420106' }]);
  });

  it('queues new and changed startups in scope, oldest first, a page at a time, until verified', { timeout: 60_000 }, async () => {
    const nation = await signedIn('nation.queue', 'nation');
    const tokens: Record<string, string> = {};
    for (const [code, region] of [['GD-1', '440305'], ['GX-1', '450102']] as const) {
      expect((await newCarrier(nation, code, region)).status).toBe(201);
      tokens[code] = ((await nation.post(`/carriers/${code}/token`)).body as { token: string }).token;
    }
    // Each desk numbers its own mutations without gaps.
    const mutationIds: Record<string, number> = { 'GD-1': 0, 'GX-1': 0 };
    const push = (code: string, id: string, n: number, name: string) =>
      syncClient(roster.url, tokens[code]!).push({
        carrierCode: code,
        clientId,
        mutations: [{ mutationId: (mutationIds[code] = mutationIds[code]! + 1), entity: 'startup', recordId: id, op: 'upsert', record: startupRecord(id, n, name), createdAt: '2026-03-01T08:00:00Z' }],
      });
    await push('GD-1', 's1', 1, '深圳甲');
    await push('GX-1', 's1', 2, '南宁乙');
    await push('GD-1', 's2', 3, '深圳丙');
    await push('GD-1', 's3', 4, '深圳丁');

    const guangdong = await signedIn('guangdong.officer', '44');
    type Page = { items: { carrierCode: string; startupId: string; name: string; reason: string; lastResult: string | null }[]; next: string | null };
    const first = (await guangdong.get('/verification-queue?pageSize=2')).body as Page;
    expect(first.items.map((i) => [i.carrierCode, i.startupId, i.reason])).toEqual([['GD-1', 's1', 'new'], ['GD-1', 's2', 'new']]);
    const second = (await guangdong.get(`/verification-queue?pageSize=2&after=${first.next}`)).body as Page;
    expect(second).toEqual({ items: [expect.objectContaining({ startupId: 's3', name: '深圳丁' })], next: null });
    expect(((await nation.get('/verification-queue')).body as Page).items.map((i) => i.carrierCode)).toEqual(['GD-1', 'GX-1', 'GD-1', 'GD-1']);
    expect((await guangdong.get('/verification-queue?after=not-a-cursor')).status).toBe(400);

    await guangdong.post('/carriers/GD-1/startups/s1/verification', { result: 'verified' });
    await guangdong.post('/carriers/GD-1/startups/s2/verification', { result: 'mismatch', note: '名称不符' });
    expect(((await guangdong.get('/verification-queue')).body as Page).items.map((i) => i.startupId)).toEqual(['s3']);
    // The desk corrects s2: it is back in the queue, now as a change, last found a mismatch, and last in line.
    await push('GD-1', 's2', 3, '深圳丙更正');
    expect(((await guangdong.get('/verification-queue')).body as Page).items).toEqual([
      expect.objectContaining({ startupId: 's3', reason: 'new' }),
      expect.objectContaining({ startupId: 's2', name: '深圳丙更正', reason: 'changed', lastResult: 'mismatch' }),
    ]);
  });

  it('scopes by the region the authority registered and lists a carrier whose desk reports another as a finding', { timeout: 60_000 }, async () => {
    const nation = await signedIn('nation.regions', 'nation');
    expect((await newCarrier(nation, 'SC-1', '510104')).status).toBe(201);
    expect((await newCarrier(nation, 'SC-2', '510105')).status).toBe(201);
    // The desks' own carrier records, as their pushes store them: SC-1 says Chongqing, SC-2 agrees.
    const carrierRecord = (code: string, regionCode: string) => ({
      carrier_code: code,
      entity: 'carrier',
      record_id: 'carrier',
      data: JSON.stringify({ id: 'carrier', name: code, regionCode }),
      deleted: 0,
      version: 1,
      updated_at: '2026-03-01T08:00:00Z',
    });
    await roster.store.db.insertInto('records').values([carrierRecord('SC-1', '500101'), carrierRecord('SC-2', '510105')]).execute();

    const sichuan = await signedIn('sichuan.officer', '51');
    expect((await sichuan.get('/findings/regions')).body).toEqual({
      carriers: [{ carrierCode: 'SC-1', carrierName: '载体 SC-1', authorityRegion: '510104', reportedRegion: '500101' }],
    });
    // The reported region moves nothing: Chongqing neither sees SC-1 nor its finding.
    const chongqing = await signedIn('chongqing.officer', '50');
    expect((await chongqing.get('/findings/regions')).body).toEqual({ carriers: [] });
    expect((await chongqing.get('/carriers/SC-1')).status).toBe(404);
  });
});

describe.each(backends)('user:create on $name', (backend) => {
  let database: FreshDatabase | undefined;
  afterEach(() => database?.dispose());

  it('prints a one-time password that signs in, and refuses a bad scope or role with a reason', { timeout: 60_000 }, async () => {
    database = await backend.fresh();
    const created = await runRosterCli([...database.flags, 'user:create', 'sichuan.officer', '51', 'officer']);
    expect(created.code).toBe(0);
    const { password } = JSON.parse(created.stdout) as { password: string };
    const badScope = await runRosterCli([...database.flags, 'user:create', 'x.y', '5', 'officer']);
    expect(badScope).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining('scope: nation, or a region code') }));
    expect((await runRosterCli([...database.flags, 'user:create', 'x.y', 'nation', 'admin'])).code).toBe(1);
    const again = await runRosterCli([...database.flags, 'user:create', 'sichuan.officer', '51', 'viewer']);
    expect(again).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining('already exists') }));

    const store = await openStore(database.location);
    try {
      const { account } = await signIn(store, { login: 'sichuan.officer', password }, '127.0.0.1');
      expect(account).toEqual({ login: 'sichuan.officer', scope: '51', role: 'officer' });
    } finally {
      await store.close();
    }
  });
});
