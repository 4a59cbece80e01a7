import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, writeBackup, type BackupProblem } from '@core/backup/format';
import { defaultRuleSet } from '@core/records';
import { backupBeforeUpgrade, backupDue, createBackup, LATEST_SCHEMA, noteBackup, openBackup, restoreBackup, unbackedSince } from './backup';
import { saveCarrier } from './carrier';
import { openDb, type DeskDb } from './db';
import { loadDemoData } from './demo';
import { setLock, setUnlockedKey } from './sealing';

let db: DeskDb;
let n = 0;
const dbs: DeskDb[] = [];
const fresh = async (upTo?: number) => {
  const d = openDb(`backup-${++n}`, upTo);
  await d.open();
  dbs.push(d);
  return d;
};
beforeEach(async () => {
  db = await fresh();
  setUnlockedKey(null);
});
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

const carrier = {
  name: '测试孵化基地',
  line: 'hrss' as const,
  type: 'startupBase' as const,
  level: 'city' as const,
  regionCode: '330185',
  address: '杭州市临安区',
  area: 5000,
  seats: 80,
  rules: { ...defaultRuleSet, backupsKept: 4 },
};

const counts = async (d: DeskDb) => Object.fromEntries(await Promise.all(d.tables.map(async (t) => [t.name, await t.count()] as const)));

async function refusal(text: string): Promise<BackupProblem | undefined> {
  return openBackup(db, text).then(
    () => undefined,
    (e: unknown) => (e instanceof BackupError ? e.problem : undefined),
  );
}

describe('backup and restore of the whole desk', () => {
  it('restores every table of a full desk into an empty one, the list index rebuilt', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db, '2026-11-28');
    const text = await createBackup(db, new Date('2026-11-28T09:00:00Z'));
    const backup = await openBackup(db, text);
    expect(backup.createdAt).toBe('2026-11-28T09:00:00.000Z');
    expect(backup.schemaVersion).toBe(LATEST_SCHEMA);
    expect(backup.counts.startups).toBe(40);
    expect(backup.counts).not.toHaveProperty('startupIndex');

    const other = await fresh();
    await restoreBackup(other, await openBackup(other, text));
    expect(await counts(other)).toEqual(await counts(db));
    expect(await other.startupIndex.get('demo-s1')).toEqual(await db.startupIndex.get('demo-s1'));
    expect(await other.startupIndex.get('demo-s1')).toBeDefined();
  });

  it('replaces what was there, and renumbers pending changes under a new desk identity for the roster', async () => {
    await saveCarrier(db, carrier);
    const text = await createBackup(db);
    await saveCarrier(db, { ...carrier, name: '改过的名字' });
    await loadDemoData(db);
    const oldClient = (await db.meta.get('clientId'))!.value;

    await restoreBackup(db, await openBackup(db, text));
    expect((await db.carrier.get('carrier'))!.name).toBe('测试孵化基地');
    expect(await db.startups.count()).toBe(0);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => e.mutationId)).toEqual([1]);
    expect(outbox[0]!.clientId).not.toBe(oldClient);
    expect((await db.meta.get('clientId'))!.value).toBe(outbox[0]!.clientId);
    expect((await db.meta.get('nextMutationId'))!.value).toBe(2);
  });

  it('refuses corrupt, tampered, foreign, newer and invalid files and leaves the data as it was', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db);
    const before = await counts(db);
    const text = await createBackup(db);
    expect(await refusal(text.slice(0, -200))).toBe('notJson');
    expect(await refusal(text.replace('测试孵化基地', '别的孵化基地'))).toBe('checksum');
    expect(await refusal(JSON.stringify({ format: 'something-else', tables: {} }))).toBe('foreign');
    expect(await refusal(text.replace('"version":1', '"version":7'))).toBe('newerFormat');

    const doc = JSON.parse(text) as { schemaVersion: number; counts: Record<string, number>; tables: Record<string, Record<string, unknown>[]>; createdAt: string };
    // Re-sealed with a correct checksum, as a careful forger would.
    const resealed = () => writeBackup({ schemaVersion: doc.schemaVersion, createdAt: doc.createdAt, counts: doc.counts, tables: doc.tables });
    doc.schemaVersion = LATEST_SCHEMA + 1;
    expect(await refusal(await resealed())).toBe('newerSchema');
    doc.schemaVersion = LATEST_SCHEMA;
    // A well-sealed file whose founder carries an impossible ID number is still refused, row by row.
    const founder = doc.tables.founders![0]!;
    founder.idNumber = '110105194912310021';
    const problem = await openBackup(db, await resealed()).catch((e: unknown) => e as BackupError);
    expect(problem).toMatchObject({ problem: 'record', detail: { table: 'founders', index: 0 } });
    expect(await counts(db)).toEqual(before);
  });

  it('carries sealed ID numbers as they are, with the lock, and reads them back', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db);
    await setLock(db, 'backup pass', 10);
    const text = await createBackup(db);
    expect(text).not.toMatch(/"idNumber":"\d{17}[\dX]"/);
    const other = await fresh();
    await restoreBackup(other, await openBackup(other, text));
    expect(await other.meta.get('lock')).toEqual(await db.meta.get('lock'));
    expect(await other.founders.toArray()).toEqual(await db.founders.toArray());
  });

  it('backs up a database of an older schema version before it is upgraded, and only then', async () => {
    const old = await fresh(2);
    await old.carrier.put({ ...carrier, id: 'carrier', updatedAt: '2026-01-01T00:00:00.000Z' });
    old.close();
    const saved = await backupBeforeUpgrade(old.name);
    expect(saved?.keep).toBe(4);
    const backup = await openBackup(db, saved!.text);
    expect(backup.schemaVersion).toBe(2);
    expect(backup.counts.carrier).toBe(1);
    db.close();
    expect(await backupBeforeUpgrade(db.name)).toBeNull();
    expect(await backupBeforeUpgrade('never-created')).toBeNull();
  });

  it('is due a day after the last one', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    expect(backupDue(undefined, now)).toBe(false);
    expect(backupDue('2026-03-01T09:30:00Z', now)).toBe(false);
    expect(backupDue('2026-03-01T09:00:00Z', now)).toBe(true);
  });

  it('owes nothing until the manager has saved something of their own', async () => {
    await loadDemoData(db, '2026-11-28');
    expect(await unbackedSince(db)).toBeUndefined();
    await saveCarrier(db, carrier);
    const first = (await db.audit.toArray())[0]!.at;
    expect(await unbackedSince(db)).toBe(first);
    await noteBackup(db, new Date('2030-01-01T00:00:00Z'));
    expect(await unbackedSince(db)).toBe('2030-01-01T00:00:00.000Z');
  });
});
