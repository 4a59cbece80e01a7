import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DeskDb } from './db';
import { schemaVersions } from './schema';
import { aStartup } from '@core/testing/records';
import { applyRosterChanges, attentionItems, readSyncStatus } from './syncState';
import { saveRecord } from './write';

const opened: DeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('schema v3 (sync tables)', () => {
  it('opens a v2 database with its records and outbox intact and the sync tables empty', async () => {
    const v3 = schemaVersions.findIndex((v) => v.version === 3);
    const old = openDb('upgrade-v3', v3);
    await old.open();
    await old.outbox.add({ clientId: 'desk-0001', mutationId: 1, entity: 'mentor', recordId: 'm1', op: 'upsert', record: {}, createdAt: '2026-01-01T00:00:00Z' });
    await old.meta.put({ key: 'nextMutationId', value: 2 });
    old.close();

    const db = openDb('upgrade-v3');
    opened.push(db);
    await db.open();
    expect(await db.outbox.count()).toBe(1);
    expect(await attentionItems(db)).toEqual([]);
    expect(await readSyncStatus(db)).toEqual({ cursor: 0, pending: 1, attention: 0 });
  });
});

describe('applyRosterChanges', () => {
  it('applies a page of decisions in bulk: later over earlier, a note cleared by a verification without one, unknown startups dropped', async () => {
    const db = openDb('roster-changes');
    opened.push(db);
    await db.open();
    for (const id of ['s1', 's2']) await saveRecord(db, 'startup', aStartup(id, { entityType: 'team' }), 'test');
    await applyRosterChanges(
      db,
      [
        { seq: 1, kind: 'rosterId', startupId: 's1', rosterId: 'R-1' },
        { seq: 2, kind: 'verification', startupId: 's1', result: 'mismatch', note: '名称不符' },
        { seq: 3, kind: 'verification', startupId: 's2', result: 'mismatch', note: '代码不符' },
        { seq: 4, kind: 'verification', startupId: 's2', result: 'verified' },
        { seq: 5, kind: 'keyProject', startupId: 'gone', designated: true },
      ],
      5,
    );
    const [s1, s2] = await db.startups.bulkGet(['s1', 's2']);
    expect(s1).toMatchObject({ rosterId: 'R-1', verification: 'mismatch', verificationNote: '名称不符' });
    expect(s2).toMatchObject({ verification: 'verified' });
    expect(s2).not.toHaveProperty('verificationNote');
    expect(await db.startups.get('gone')).toBeUndefined();
    expect((await readSyncStatus(db)).cursor).toBe(5);
    // The roster's fields are not the desk's changes: nothing new to send.
    expect(await db.outbox.count()).toBe(2);
  });
});
