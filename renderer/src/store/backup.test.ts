import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupWriter } from '@core/backup/chunked';
import { gzipped, plainText, versionOneFile } from '@core/backup/fixtures';
import { BackupError, type BackupProblem, type CheckedBackup } from '@core/backup/format';
import { generateIncubator } from '@core/demo/generate';
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

const blob = (text: string) => new Blob([text]);

async function refusal(file: Blob): Promise<BackupProblem | undefined> {
  return openBackup(db, file).then(
    () => undefined,
    (e: unknown) => (e instanceof BackupError ? e.problem : undefined),
  );
}

describe('backup and restore of the whole desk', () => {
  it('restores every table of a full desk into an empty one, the list index rebuilt', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db, '2026-11-28');
    const file = await createBackup(db, new Date('2026-11-28T09:00:00Z'));
    const backup = await openBackup(db, file);
    expect(backup.createdAt).toBe('2026-11-28T09:00:00.000Z');
    expect(backup.schemaVersion).toBe(LATEST_SCHEMA);
    expect(backup.counts.startups).toBe(40);
    expect(backup.counts).not.toHaveProperty('startupIndex');

    const other = await fresh();
    await restoreBackup(other, await openBackup(other, file));
    expect(await counts(other)).toEqual(await counts(db));
    expect(await other.startupIndex.get('demo-s1')).toEqual(await db.startupIndex.get('demo-s1'));
    expect(await other.startupIndex.get('demo-s1')).toBeDefined();
  });

  it('pages every table by its key, whatever its kind, across many chunks', async () => {
    const inc = generateIncubator({ startups: 1_200, sessionsPerStartup: 1, quarters: 1, seed: 3, today: '2026-11-28', idPrefix: 'big-' });
    await db.transaction('rw', db.tables, async () => {
      await db.carrier.put(inc.carrier);
      await db.startups.bulkPut(inc.startups);
      await db.founders.bulkPut(inc.founders);
      await db.sessions.bulkPut(inc.sessions);
      // Auto-numbered and compound keys page as well as string ids.
      await db.audit.bulkAdd(inc.startups.map((s) => ({ at: s.updatedAt, who: 'test', entity: 'startup', recordId: s.id, before: null, after: null })));
      await db.table('rosterVersions').bulkPut(inc.founders.map((f, i) => ({ entity: 'founder', recordId: f.id, version: i })));
    });
    const file = await createBackup(db);
    expect((await plainText(file)).split('\n').length).toBeGreaterThan(8);
    const other = await fresh();
    const backup = await openBackup(other, file);
    await restoreBackup(other, backup);
    const [source, restored] = [await counts(db), await counts(other)];
    for (const table of Object.keys(backup.counts)) expect([table, backup.counts[table]]).toEqual([table, table === 'meta' ? 0 : source[table]]);
    // The restored desk gets its own identity for the roster (meta's clientId and nextMutationId).
    expect(restored).toMatchObject({ ...backup.counts, meta: 2, startupIndex: 1_200 });
    expect(await other.table('rosterVersions').toArray()).toEqual(await db.table('rosterVersions').toArray());
    expect(await other.audit.toArray()).toEqual(await db.audit.toArray());
  }, 90_000);

  it('replaces what was there, and renumbers pending changes under a new desk identity for the roster', async () => {
    await saveCarrier(db, carrier);
    const file = await createBackup(db);
    await saveCarrier(db, { ...carrier, name: '改过的名字' });
    await loadDemoData(db);
    const oldClient = (await db.meta.get('clientId'))!.value;

    await restoreBackup(db, await openBackup(db, file));
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
    const text = await plainText(await createBackup(db));
    expect(await refusal(blob(text.slice(0, -200)))).toBe('notJson');
    expect(await refusal(blob(text.replace('测试孵化基地', '别的孵化基地')))).toBe('checksum');
    expect(await refusal(await gzipped(text.replace('测试孵化基地', '别的孵化基地')))).toBe('checksum');
    expect(await refusal(blob(JSON.stringify({ format: 'something-else', tables: {} })))).toBe('foreign');
    expect(await refusal(blob(JSON.stringify({ format: 'incubator-desk-backup', version: 7 })))).toBe('newerFormat');

    // Re-sealed with correct hashes by the desk's own writer, as a careful forger would.
    const forged = async (schemaVersion: number, edit: (table: string, rows: Record<string, unknown>[]) => void = () => {}) => {
      const writer = new BackupWriter({ schemaVersion, createdAt: new Date().toISOString() });
      for await (const { table, rows } of (await openBackup(db, blob(text))).chunks()) {
        edit(table, rows as Record<string, unknown>[]);
        writer.add(table, rows);
      }
      return writer.finish();
    };
    expect(await refusal(await forged(LATEST_SCHEMA + 1))).toBe('newerSchema');
    // A well-sealed file whose founder carries an impossible ID number is still refused, row by row.
    const impossible = await forged(LATEST_SCHEMA, (table, rows) => {
      if (table === 'founders') rows[0]!.idNumber = '110105194912310021';
    });
    const problem = await openBackup(db, impossible).catch((e: unknown) => e as BackupError);
    expect(problem).toMatchObject({ problem: 'record', detail: { table: 'founders', index: 0 } });
    expect(await counts(db)).toEqual(before);
  });

  it('leaves the desk as it was when the file changes between its check and the restore', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db);
    const good = await createBackup(db);
    await saveCarrier(db, { ...carrier, name: '改过的名字' });
    const before = await counts(db);
    let current = good;
    const file = { size: good.size, slice: (from?: number, to?: number) => current.slice(from, to) } as Blob;
    const backup = await openBackup(db, file);
    current = await gzipped((await plainText(good)).replace(/"name":"([^"]+)有限公司"/g, '"name":"$1股份有限公司"'));
    await expect(restoreBackup(db, backup)).rejects.toMatchObject({ problem: 'checksum' });
    expect(await counts(db)).toEqual(before);
    expect((await db.carrier.get('carrier'))!.name).toBe('改过的名字');
    expect(await db.startupIndex.count()).toBe(before.startupIndex);
  });

  it('leaves the desk as it was when a restore fails halfway through writing', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db);
    const before = await counts(db);
    const checked = await openBackup(db, await createBackup(db));
    // Every chunk passed its checks, but the last one cannot be stored (the disk filled up, say).
    const failing: CheckedBackup = {
      ...checked,
      async *chunks() {
        for await (const chunk of checked.chunks()) yield chunk.table === 'meta' ? { ...chunk, rows: [...chunk.rows, chunk.rows[0]] } : chunk;
      },
    };
    await expect(restoreBackup(db, failing)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
  });

  it('restores a file made before backups were compressed (the same lines, plain), and compresses to a fraction of it', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db);
    const before = await counts(db);
    const file = await createBackup(db);
    const old = blob(await plainText(file));
    expect(file.size).toBeLessThan(old.size / 4);
    const other = await fresh();
    await restoreBackup(other, await openBackup(other, old));
    expect(await counts(other)).toEqual(before);
    expect(await other.startups.toArray()).toEqual(await db.startups.toArray());
  });

  it('restores a file of the first backup version, made before backups were chunked', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db);
    const before = await counts(db);
    const tables: Record<string, unknown[]> = {};
    const backup = await openBackup(db, await createBackup(db));
    for await (const { table, rows } of backup.chunks()) (tables[table] ??= []).push(...rows);
    const old = await versionOneFile({ schemaVersion: LATEST_SCHEMA, createdAt: backup.createdAt, tables });

    const other = await fresh();
    const checked = await openBackup(other, blob(old));
    expect(checked.version).toBe(1);
    await restoreBackup(other, checked);
    expect(await counts(other)).toEqual(before);
    expect(await other.startups.toArray()).toEqual(await db.startups.toArray());
  });

  it('carries sealed ID numbers as they are, with the lock, and reads them back', async () => {
    await saveCarrier(db, carrier);
    await loadDemoData(db);
    await setLock(db, 'backup pass', 10);
    const file = await createBackup(db);
    expect(await plainText(file)).not.toMatch(/"idNumber":"\d{17}[\dX]"/);
    const other = await fresh();
    await restoreBackup(other, await openBackup(other, file));
    expect(await other.meta.get('lock')).toEqual(await db.meta.get('lock'));
    expect(await other.founders.toArray()).toEqual(await db.founders.toArray());
  });

  it('backs up a database of an older schema version before it is upgraded, and only then', async () => {
    const old = await fresh(2);
    await old.carrier.put({ ...carrier, id: 'carrier', updatedAt: '2026-01-01T00:00:00.000Z' });
    old.close();
    const saved = await backupBeforeUpgrade(old.name);
    expect(saved?.keep).toBe(4);
    const backup = await openBackup(db, saved!.file);
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
