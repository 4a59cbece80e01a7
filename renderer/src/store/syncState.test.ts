import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DeskDb } from './db';
import { schemaVersions } from './schema';
import { attentionItems, readSyncStatus } from './syncState';

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
