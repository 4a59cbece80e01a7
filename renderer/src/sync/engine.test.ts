/// <reference types="node" />
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRuleSet } from '@core/records';
import { residentTemplate } from '@core/scoring/templates';
import { createCarrier, designateKeyProject, publishTemplate, setCarrierStatus, verifyStartup } from '../../../roster/admin/actions';
import { openStore } from '../../../roster/db/open';
import { startupRecord } from '../../../roster/fixtures';
import { backends } from '../../../roster/testing/backends';
import { lastMutationId, storedRecords } from '../../../roster/testing/inspect';
import { type RunningRoster, startRoster } from '../../../roster/testing/server';
import { startRosterProcess } from '../../../test/support/rosterProcess';
import { browserBridge } from '../platform/browserBridge';
import { saveCarrier } from '../store/carrier';
import { type DeskDb, openDb } from '../store/db';
import { attentionItems, readSyncStatus, rosterVersion } from '../store/syncState';
import { saveRecord } from '../store/write';
import type { RosterEndpoint, RosterTransport } from './client';
import { syncOnce } from './engine';
import { SyncFailure } from './failure';

const sqlite = backends.find((b) => b.name === 'sqlite')!;
const realTransport: RosterTransport = (request) => browserBridge.rosterRequest(request);

let dbs: DeskDb[] = [];
let n = 0;
/** A desk of its own carrier, its roster code set as the manager does it in 设置. */
async function openDesk(rosterCode: string): Promise<DeskDb> {
  const db = openDb(`sync-test-${++n}`);
  dbs.push(db);
  await saveCarrier(db, {
    name: `载体 ${rosterCode}`, line: 'hrss', type: 'startupBase', level: 'city', regionCode: '330185', address: '杭州市临安区', area: 5000, seats: 80, rules: defaultRuleSet, rosterCode,
  });
  return db;
}
afterEach(async () => {
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});

const saveStartup = (db: DeskDb, id: string, k: number, name?: string) => saveRecord(db, 'startup', startupRecord(id, k, name), 'tester');
const sync = (db: DeskDb, url: string, token: string, transport = realTransport) =>
  syncOnce({ db, endpoint: async (): Promise<RosterEndpoint> => ({ url, token, transport }) });
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as SyncFailure);
const offline: RosterTransport = () => Promise.reject(new TypeError('Failed to fetch'));

describe('sync engine against the roster service on loopback', () => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(sqlite);
  });
  afterEach(() => roster.close());

  it('pushes the desk records and pulls the roster decisions into their read-only fields', async () => {
    const token = await roster.carrier('C-HAPPY');
    const db = await openDesk('C-HAPPY');
    await saveStartup(db, 's-1', 1, '杭州云帆数字科技有限公司');
    await saveStartup(db, 's-2', 2);
    await sync(db, roster.url, token);

    expect(await db.outbox.count()).toBe(0);
    expect((await storedRecords(roster.store, 'C-HAPPY')).map((r) => [r.entity, r.record_id, r.data?.name])).toEqual([
      ['carrier', 'carrier', '载体 C-HAPPY'],
      ['startup', 's-1', '杭州云帆数字科技有限公司'],
      ['startup', 's-2', '孵化企业2'],
    ]);
    expect(await rosterVersion(db, 'startup', 's-1')).toBe(1);
    expect((await db.startups.get('s-1'))?.rosterId).toMatch(/^RS\d{8}$/);

    await verifyStartup(roster.store, 'C-HAPPY', 's-1', { result: 'verified' });
    await verifyStartup(roster.store, 'C-HAPPY', 's-2', { result: 'mismatch', note: '名称与登记不一致' });
    await designateKeyProject(roster.store, 'C-HAPPY', 's-2', { designated: true });
    await setCarrierStatus(roster.store, 'C-HAPPY', { status: 'rectify' });
    await publishTemplate(roster.store, residentTemplate);
    await sync(db, roster.url, token);

    expect(await db.startups.get('s-1')).toMatchObject({ verification: 'verified' });
    expect(await db.startups.get('s-2')).toMatchObject({ verification: 'mismatch', verificationNote: '名称与登记不一致', keyProjectDesignated: true });
    expect((await db.startupIndex.get('s-2'))?.key).toBe(1);
    expect((await db.carrier.get('carrier'))?.rosterStatus).toBe('rectify');
    expect(await db.templates.get(residentTemplate.id)).toMatchObject({ version: residentTemplate.version, published: true });
    // Roster decisions are not the desk's changes: nothing goes back.
    expect(await db.outbox.count()).toBe(0);
    const status = await readSyncStatus(db);
    expect(status.lastError).toBeUndefined();
    expect(status.lastSuccessAt).toBeDefined();
    expect(status.cursor).toBeGreaterThan(0);
  });

  it('a week of offline edits (thousands) arrives complete and in order; the outbox ends empty', { timeout: 120_000 }, async () => {
    const token = await roster.carrier('C-WEEK');
    const db = await openDesk('C-WEEK');
    const edits = 2_000;
    const records = 50;
    for (let k = 1; k <= edits; k++) await saveStartup(db, `s-${k % records}`, k, `企业${k % records}第${k}次`);

    const away = await failureOf(sync(db, roster.url, token, offline));
    expect(away?.kind).toBe('offline');
    expect(await db.outbox.count()).toBe(edits + 1);
    expect((await readSyncStatus(db)).lastError?.kind).toBe('offline');

    const started = performance.now();
    await sync(db, roster.url, token);
    const seconds = (performance.now() - started) / 1000;
    console.info(`pushed ${edits + 1} mutations in ${seconds.toFixed(2)} s (${Math.round((edits + 1) / seconds)}/s)`);

    expect(await db.outbox.count()).toBe(0);
    const clientId = (await db.meta.get('clientId'))?.value as string;
    expect(await lastMutationId(roster.store, 'C-WEEK', clientId)).toBe(edits + 1);
    // In order: each record's last edit is the one the roster holds, after exactly as many versions as edits.
    const stored = (await storedRecords(roster.store, 'C-WEEK')).filter((r) => r.entity === 'startup');
    expect(stored).toHaveLength(records);
    for (const r of stored) {
      const i = Number(r.record_id.slice(2));
      const last = edits - ((edits - i) % records);
      expect(r.data?.name).toBe(`企业${i}第${last}次`);
      expect(r.version).toBe(edits / records);
    }
    expect((await readSyncStatus(db)).lastError).toBeUndefined();
  });

  it('a dropped response is answered duplicate on the resend and applied once', async () => {
    const token = await roster.carrier('C-DROP');
    const db = await openDesk('C-DROP');
    for (let k = 1; k <= 5; k++) await saveStartup(db, `s-${k}`, k);
    const statuses: string[] = [];
    let dropped = false;
    const flaky: RosterTransport = async (request) => {
      const reply = await realTransport(request);
      if (request.url.endsWith('/push')) statuses.push(...(JSON.parse(reply.body) as { results: { status: string }[] }).results.map((r) => r.status));
      if (request.url.endsWith('/push') && !dropped) {
        dropped = true;
        throw new TypeError('network changed');
      }
      return reply;
    };

    expect((await failureOf(sync(db, roster.url, token, flaky)))?.kind).toBe('offline');
    expect(await db.outbox.count()).toBe(6);
    await sync(db, roster.url, token, flaky);

    expect(statuses).toEqual([...Array(6).fill('applied'), ...Array(6).fill('duplicate')]);
    expect(await db.outbox.count()).toBe(0);
    expect((await storedRecords(roster.store, 'C-DROP')).map((r) => r.version)).toEqual(Array(6).fill(1));
  });

  it('two desks of two carriers syncing at once never see each other’s rows', async () => {
    const [tokenA, tokenB] = [await roster.carrier('C-A'), await roster.carrier('C-B')];
    const [deskA, deskB] = [await openDesk('C-A'), await openDesk('C-B')];
    // The same record ids on both desks: the carrier is part of every key.
    for (let k = 1; k <= 300; k++) {
      await saveStartup(deskA, `s-${k}`, k, `甲 ${k}`);
      await saveStartup(deskB, `s-${k}`, k, `乙 ${k}`);
    }
    await Promise.all([sync(deskA, roster.url, tokenA), sync(deskB, roster.url, tokenB)]);
    await verifyStartup(roster.store, 'C-A', 's-1', { result: 'mismatch', note: '只给甲' });
    await Promise.all([sync(deskA, roster.url, tokenA), sync(deskB, roster.url, tokenB)]);

    const names = async (code: string) => (await storedRecords(roster.store, code)).flatMap((r) => (r.entity === 'startup' ? [String(r.data?.name)] : []));
    expect((await names('C-A')).every((name) => name.startsWith('甲'))).toBe(true);
    expect((await names('C-B')).every((name) => name.startsWith('乙'))).toBe(true);
    expect(await names('C-A')).toHaveLength(300);
    expect(await deskA.startups.get('s-1')).toMatchObject({ verification: 'mismatch', verificationNote: '只给甲' });
    expect((await deskB.startups.get('s-1'))?.verification).toBeUndefined();
  });

  it('a token of carrier A on carrier B’s desk is refused, shown, and nothing is lost', async () => {
    const tokenA = await roster.carrier('C-A');
    await roster.carrier('C-B');
    const deskB = await openDesk('C-B');
    await saveStartup(deskB, 's-1', 1);

    const failure = await failureOf(sync(deskB, roster.url, tokenA));
    expect(failure?.kind).toBe('auth');
    expect(failure?.detail).toContain('C-A');
    expect((await readSyncStatus(deskB)).lastError).toMatchObject({ kind: 'auth' });
    expect(await deskB.outbox.count()).toBe(2);
    expect(await storedRecords(roster.store, 'C-B')).toEqual([]);
  });

  it('a carrier removed from the roster is refused its pushes, keeps its outbox, and still learns the decision', async () => {
    const token = await roster.carrier('C-GONE');
    const db = await openDesk('C-GONE');
    await sync(db, roster.url, token);
    await setCarrierStatus(roster.store, 'C-GONE', { status: 'removed' });
    await saveStartup(db, 's-1', 1);

    const failure = await failureOf(sync(db, roster.url, token));
    expect(failure?.kind).toBe('auth');
    expect(failure?.detail).toContain('removed');
    expect(await db.outbox.count()).toBe(1);
    expect((await db.carrier.get('carrier'))?.rosterStatus).toBe('removed');
    expect((await readSyncStatus(db)).lastError).toMatchObject({ kind: 'auth' });
  });

  it('a refused record waits in the attention list with the reason until its fix is accepted', async () => {
    const token = await roster.carrier('C-FIX');
    const db = await openDesk('C-FIX');
    // An outbox entry left by an older desk that did not check the credit code's check character.
    const good = startupRecord('s-old', 7);
    const code = String(good.creditCode);
    const bad = { ...good, creditCode: code.slice(0, 17) + (code.endsWith('0') ? '1' : '0') };
    await db.transaction('rw', db.outbox, db.meta, async () => {
      await db.outbox.add({ clientId: (await db.meta.get('clientId'))!.value as string, mutationId: 2, entity: 'startup', recordId: 's-old', op: 'upsert', record: bad, createdAt: String(good.updatedAt) });
      await db.meta.put({ key: 'nextMutationId', value: 3 });
    });
    await saveStartup(db, 's-ok', 8);
    await sync(db, roster.url, token);

    // The refusal never blocks what comes after it.
    expect(await db.outbox.count()).toBe(0);
    expect((await storedRecords(roster.store, 'C-FIX')).map((r) => r.record_id)).toEqual(['carrier', 's-ok']);
    expect(await attentionItems(db)).toMatchObject([{ entity: 'startup', recordId: 's-old', reason: 'creditCode: v.creditCode.check' }]);
    expect((await readSyncStatus(db)).attention).toBe(1);

    await saveStartup(db, 's-old', 7);
    await sync(db, roster.url, token);
    expect(await attentionItems(db)).toEqual([]);
    expect((await storedRecords(roster.store, 'C-FIX')).map((r) => r.record_id)).toEqual(['carrier', 's-ok', 's-old']);
  });

  it('a roster that lost acknowledged changes (a gap) is reported and the outbox kept', async () => {
    const token = await roster.carrier('C-GAP');
    const db = await openDesk('C-GAP');
    await sync(db, roster.url, token);
    const fresh = await startRoster(sqlite);
    try {
      const freshToken = await fresh.carrier('C-GAP');
      await saveStartup(db, 's-1', 1);
      const failure = await failureOf(sync(db, fresh.url, freshToken));
      expect(failure).toMatchObject({ kind: 'gap', detail: '1' });
      expect(await db.outbox.count()).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('sync engine when the roster is killed in the middle of a push', () => {
  it('after a restart every mutation is on the roster exactly once', { timeout: 120_000 }, async () => {
    const database = await sqlite.fresh();
    // The test reads the service's database file through a store of its own.
    const store = await openStore(database.location);
    // Each batch's transaction is held open 5 ms, so the kill may land inside one.
    let service = await startRosterProcess(database.flags, { ROSTER_TEST_APPLY_DELAY_MS: '5' });
    try {
      const { token } = await createCarrier(store, { code: 'C-KILL', name: '崩溃' });
      const db = await openDesk('C-KILL');
      for (let k = 1; k <= 600; k++) await saveStartup(db, `s-${k}`, k);
      const clientId = (await db.meta.get('clientId'))?.value as string;

      const interrupted = failureOf(sync(db, service.url, token));
      while ((await lastMutationId(store, 'C-KILL', clientId)) < 250) await sleep(20);
      await service.kill('SIGKILL');
      expect((await interrupted)?.kind).toBe('offline');
      // The batch in flight was never answered, so it is all still in the outbox (the roster applies a
      // batch whole or not at all, so it may or may not have been applied).
      expect(await lastMutationId(store, 'C-KILL', clientId)).toBeLessThan(601);
      expect(await db.outbox.count()).toBeGreaterThanOrEqual(601 - (await lastMutationId(store, 'C-KILL', clientId)));

      service = await startRosterProcess(database.flags);
      await sync(db, service.url, token);
      expect(await db.outbox.count()).toBe(0);
      expect(await lastMutationId(store, 'C-KILL', clientId)).toBe(601);
      const stored = await storedRecords(store, 'C-KILL');
      expect(stored).toHaveLength(601);
      expect(stored.every((r) => r.version === 1)).toBe(true);
    } finally {
      await service.kill('SIGKILL');
      await store.close();
      await database.dispose();
    }
  });
});
