/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { defaultRuleSet, type Startup } from '@core/records';
import { createCarrier } from '../../../roster/admin/actions';
import { openStore } from '../../../roster/db/open';
import { startupRecord } from '../../../roster/fixtures';
import { backends } from '../../../roster/testing/backends';
import { lastMutationId, storedRecords } from '../../../roster/testing/inspect';
import { deskDump } from '../../../test/support/deskDump';
import { type RosterProcess, startRosterProcess } from '../../../test/support/rosterProcess';
import { browserBridge } from '../platform/browserBridge';
import { saveCarrier } from '../store/carrier';
import { listConflicts } from '../store/conflicts';
import { type DeskDb, openDb } from '../store/db';
import { deskIdentity, setDeskName } from '../store/syncState';
import { writeManyInTx, writeTables } from '../store/write';
import { createJoinCode, type RosterEndpoint, type RosterTransport } from './client';
import { syncOnce } from './engine';
import { SyncFailure } from './failure';
import { joinDesk } from './join';

const sqlite = backends.find((b) => b.name === 'sqlite')!;
const STARTUPS = 200;
const ids = Array.from({ length: STARTUPS }, (_, i) => `s-${String(i + 1).padStart(3, '0')}`);

/** Edits to many startups at once, through the repositories' write path (one outbox entry per record). */
async function editAll(db: DeskDb, who: string, edit: (s: Startup, k: number) => Startup | undefined) {
  const held = await db.startups.bulkGet(ids);
  const edited = held.flatMap((s, k) => (s && edit(s, k + 1) ? [edit(s, k + 1)!] : []));
  for (let i = 0; i < edited.length; i += 100) {
    await db.transaction('rw', writeTables(db, 'startup'), async () => {
      await writeManyInTx(db, 'startup', edited.slice(i, i + 100), who);
    });
  }
}

describe('three desks of one carrier, offline with overlapping edits, the roster SIGKILLed twice mid-sync', () => {
  it('all end with identical records, conflicts exactly on the overlapping fields, every mutation applied once', { timeout: 300_000 }, async () => {
    const database = await sqlite.fresh();
    const store = await openStore(database.location);
    // Each batch's transaction is held open 5 ms, so the service is busy when it is killed.
    const env = { ROSTER_TEST_APPLY_DELAY_MS: '5' };
    let service: RosterProcess = await startRosterProcess(database.flags, env);
    const dbs: DeskDb[] = [];
    // The address moves with each restart; the desks' transport follows it, and may kill the service
    // after it answered and before the desk reads the answer (the answer is lost, as in a crash).
    let killAfter: ((url: string) => boolean) | undefined;
    const transport: RosterTransport = async (request) => {
      const reply = await browserBridge.rosterRequest({ ...request, url: request.url.replace(/^http:\/\/[^/]+/, service.url) });
      if (killAfter?.(request.url)) {
        killAfter = undefined;
        await service.kill('SIGKILL');
        throw new TypeError('Failed to fetch');
      }
      return reply;
    };
    try {
      const { token } = await createCarrier(store, { code: 'C-FAULT', name: '三台电脑' });
      const desk = (db: DeskDb, tokenOf: () => string) => ({ db, sync: () => syncOnce({ db, endpoint: async (): Promise<RosterEndpoint> => ({ url: service.url, token: tokenOf(), transport }) }) });

      const aDb = openDb('faults-a');
      dbs.push(aDb);
      await saveCarrier(aDb, { name: '三台电脑', line: 'hrss', type: 'startupBase', level: 'city', regionCode: '330185', address: '杭州市临安区', area: 5000, seats: 80, rules: defaultRuleSet, rosterCode: 'C-FAULT', operator: '王芳' });
      await setDeskName(aDb, '主管电脑');
      await aDb.transaction('rw', writeTables(aDb, 'startup'), async () => {
        await writeManyInTx(aDb, 'startup', ids.map((id, i) => startupRecord(id, i + 1)), '王芳');
      });
      const a = desk(aDb, () => token);
      await a.sync();
      const joined = async (name: string) => {
        const db = openDb(`faults-${name}`);
        dbs.push(db);
        let own = '';
        const { code } = await createJoinCode({ url: service.url, token, transport });
        await joinDesk(db, { setSecret: async ({ value }) => void (own = value), rosterRequest: transport }, { rosterUrl: service.url, joinCode: code, deskName: name, keep: true });
        const d = desk(db, () => own);
        await d.sync();
        return d;
      };
      const b = await joined('外勤笔记本');
      const c = await joined('前台电脑');
      expect(await deskDump(b.db)).toEqual(await deskDump(a.db));

      // Offline: every desk edits every startup; the phone is edited on several desks for some.
      const phone = (prefix: string, k: number) => `${prefix}${String(k).padStart(8, '0')}`;
      const phoneOn = { A: (k: number) => k % 2 === 0, B: (k: number) => k % 3 === 0, C: (k: number) => k % 5 === 0 };
      await editAll(a.db, '王芳', (s, k) => ({ ...s, room: `A-${k}`, ...(phoneOn.A(k) ? { contactPhone: phone('139', k) } : {}) }));
      await editAll(b.db, '李娟', (s, k) => ({ ...s, contactName: `联系人${k}`, ...(phoneOn.B(k) ? { contactPhone: phone('137', k) } : {}) }));
      await editAll(c.db, '张强', (s, k) => ({ ...s, area: 50 + (k % 7), ...(phoneOn.C(k) ? { contactPhone: phone('136', k) } : {}) }));
      const sent = await Promise.all([a, b, c].map(async (d) => ({ clientId: (await deskIdentity(d.db)).clientId, last: ((await d.db.meta.get('nextMutationId'))!.value as number) - 1 })));

      // C's push is applied and its answer lost in the first kill; B's pull is cut in the second.
      const restart = async () => void (service = await startRosterProcess(database.flags, env));
      killAfter = (url) => url.endsWith('/v1/sync/push');
      await expect(c.sync()).rejects.toMatchObject({ kind: 'offline' });
      await restart();
      let pulls = 0;
      killAfter = (url) => url.includes('/v1/sync/pull') && ++pulls === 1;
      await expect(b.sync()).rejects.toBeInstanceOf(SyncFailure);
      await restart();
      for (const d of [a, c, b, a, c, b]) await d.sync();

      const dump = await deskDump(a.db);
      expect(await deskDump(b.db)).toEqual(dump);
      expect(await deskDump(c.db)).toEqual(dump);
      // Fields edited on one desk all survive.
      const s7 = (await a.db.startups.get('s-007'))!;
      expect(s7).toMatchObject({ room: 'A-7', contactName: '联系人7', area: 50 });
      // Conflicts: exactly the startups whose phone two or more desks edited, on that field only.
      const overlapping = ids.filter((_, i) => [phoneOn.A, phoneOn.B, phoneOn.C].filter((on) => on(i + 1)).length >= 2);
      const conflicted = [...new Set((await listConflicts(a.db)).map((x) => `${x.recordId}|${x.field}`))].sort();
      expect(conflicted).toEqual(overlapping.map((id) => `${id}|contactPhone`));
      // Every mutation applied once: each desk's last id on the roster is its outbox, each startup one version per desk's edit.
      for (const { clientId, last } of sent) expect(await lastMutationId(store, 'C-FAULT', clientId)).toBe(last);
      const versions = (await storedRecords(store, 'C-FAULT')).filter((r) => r.entity === 'startup').map((r) => r.version);
      expect(versions).toEqual(Array(STARTUPS).fill(4));
      for (const d of [a, b, c]) expect(await d.db.outbox.count()).toBe(0);

      // Then the field laptop is away 30 days: 5,000 edits (25 rounds over the 200 startups), while the
      // manager edits too. It converges when it comes back.
      for (let day = 1; day <= 25; day++) await editAll(b.db, '李娟', (s, k) => ({ ...s, room: `B-${day}-${k}` }));
      await editAll(a.db, '王芳', (s, k) => ({ ...s, contactName: `回访${k}` }));
      expect(await b.db.outbox.count()).toBe(5_000);
      await a.sync();
      const started = performance.now();
      await b.sync();
      const pushed = performance.now();
      await a.sync();
      const seconds = (performance.now() - started) / 1000;
      console.info(`a desk 30 days offline with 5,000 edits converged in ${seconds.toFixed(1)} s (its sync ${((pushed - started) / 1000).toFixed(1)} s, the other desk's pull ${((performance.now() - pushed) / 1000).toFixed(1)} s)`);
      expect(await deskDump(b.db)).toEqual(await deskDump(a.db));
      expect(await a.db.startups.get('s-007')).toMatchObject({ room: 'B-25-7', contactName: '回访7' });
    } finally {
      await service.kill('SIGKILL');
      await Promise.all(dbs.map((db) => db.delete()));
      await store.close();
      await database.dispose();
    }
  });
});
