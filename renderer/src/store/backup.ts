import Dexie, { type Table } from 'dexie';
import { z } from 'zod';
import { BackupWriter } from '@core/backup/chunked';
import type { CheckedBackup } from '@core/backup/format';
import { readBackup } from '@core/backup/read';
import { recordSchemas, type Entity } from '@core/records';
import { mutationSchema } from '@core/sync/protocol';
import { gzipOffThread } from '../files/gzipOffThread';
import { DB_NAME, type DeskDb } from './db';
import { rebuildDerived } from './rebuildIndex';
import { schemaVersions, tableOf } from './schema';
import { setUnlockedKey, storedFounderSchema } from './sealing';

/** Derived tables are rebuilt from the records on restore instead of being stored. */
const DERIVED = new Set(['startupIndex', 'tallies']);
const LAST_BACKUP = 'backup.lastAt';
export const LATEST_SCHEMA = schemaVersions.at(-1)!.version;
/**
 * Rows per chunk read, written, checked and restored at a time: small enough that stringifying,
 * parsing or storing one stays well under 100 ms of main thread, large enough that the per-chunk
 * costs (a request, a hash, a line) are noise.
 */
const CHUNK_ROWS = 250;

const entityOfTable = new Map(Object.entries(tableOf).map(([entity, table]) => [table as string, entity as Entity]));
const key = z.union([z.string(), z.number()]);

/** What every row of a table must be: its record schema, the outbox entry schema, or at least its key. */
function rowSchema(table: Table): z.ZodType {
  const entity = entityOfTable.get(table.name);
  if (entity === 'founder') return storedFounderSchema;
  if (entity) return recordSchemas[entity];
  if (table.name === 'outbox') return mutationSchema.extend({ seq: z.number().int(), clientId: z.string().min(1) });
  const path = table.schema.primKey.keyPath ?? [];
  return z.looseObject(Object.fromEntries((Array.isArray(path) ? path : [path]).map((p) => [p, key])));
}

const storedTables = (db: Dexie) => db.tables.filter((t) => !DERIVED.has(t.name));

/** A table's rows in key order, a chunk at a time; the next chunk is read while the caller handles this one. */
async function eachChunk(table: Table, handle: (rows: unknown[]) => void): Promise<void> {
  const keyPath = table.schema.primKey.keyPath!;
  let next = table.orderBy(':id').limit(CHUNK_ROWS).toArray();
  for (;;) {
    const rows = await next;
    const full = rows.length === CHUNK_ROWS;
    if (full) next = table.where(':id').above(Dexie.getByKeyPath(rows.at(-1), keyPath)).limit(CHUNK_ROWS).toArray();
    handle(rows);
    if (!full) return;
  }
}

/**
 * All stored tables read in one transaction, so the backup is one consistent moment of the desk, a
 * chunk at a time: only one chunk's rows are ever in memory, the file grows as a Blob.
 */
async function snapshot(db: Dexie, at: Date): Promise<Blob> {
  const tables = storedTables(db);
  const writer = new BackupWriter({ schemaVersion: db.verno, createdAt: at.toISOString() }, gzipOffThread());
  await db.transaction('r', tables, async () => {
    for (const table of tables) {
      writer.add(table.name, []);
      await eachChunk(table, (rows) => writer.add(table.name, rows));
    }
  });
  return writer.finish();
}

export async function createBackup(db: DeskDb, at = new Date()): Promise<Blob> {
  if (!db.isOpen()) await db.open();
  return snapshot(db, at);
}

/** Reads and checks a file against this desk's tables, a chunk at a time; throws a BackupError with the reason. */
export async function openBackup(db: DeskDb, file: Blob): Promise<CheckedBackup> {
  if (!db.isOpen()) await db.open();
  return readBackup(file, { schemaVersion: LATEST_SCHEMA, tables: Object.fromEntries(storedTables(db).map((t) => [t.name, rowSchema(t)])) });
}

/**
 * Replaces everything with a checked backup, in one transaction: all of it or none of it. The file is
 * read again a chunk at a time inside the transaction (Dexie.waitFor keeps it open while a chunk is
 * read and its seal checked again), so no more than a chunk of rows is ever in memory, and a chunk
 * that differs from what was checked aborts the whole restore.
 * The outbox is renumbered under a new desk identity: the roster already holds the mutation ids this
 * desk used after the backup was made, and would skip new changes reusing them as duplicates. Its rows
 * come in key order, the order they were made in.
 */
export async function restoreBackup(db: DeskDb, backup: CheckedBackup): Promise<void> {
  const clientId = crypto.randomUUID();
  let mutationId = 0;
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    const chunks = backup.chunks();
    // A chunk's rows are stored while the next chunk is read and parsed, so the database and the page
    // work at the same time. Its errors abort the transaction whether or not it is awaited here.
    let storing: Promise<unknown> = Promise.resolve();
    for (;;) {
      // The file is read outside the transaction's zone; waitFor keeps the transaction alive meanwhile.
      const next = await Dexie.waitFor(Dexie.ignoreTransaction(() => chunks.next()));
      await storing;
      if (next.done) break;
      const { table, rows } = next.value;
      storing = db.table(table).bulkAdd(table === 'outbox' ? rows.map((entry) => ({ ...(entry as object), clientId, mutationId: ++mutationId })) : rows);
      // Awaited on the next turn; when reading fails first, the aborted transaction reports the failure.
      storing.catch(() => {});
    }
    await db.meta.bulkPut([
      { key: 'clientId', value: clientId },
      { key: 'nextMutationId', value: mutationId + 1 },
    ]);
    await rebuildDerived(db);
  });
  // The restored desk may carry another lock (or none): whoever continues unlocks it with its passphrase.
  setUnlockedKey(null);
}

export const lastBackupAt = async (db: DeskDb) => (await db.meta.get(LAST_BACKUP))?.value as string | undefined;
export const noteBackup = (db: DeskDb, at: Date) => db.meta.put({ key: LAST_BACKUP, value: at.toISOString() });

/**
 * Since when the desk's own records have gone without a backup: the last backup, or, before the first
 * one, the manager's first saved record (a fresh desk, or one holding only demo data, owes nothing).
 */
export async function unbackedSince(db: DeskDb): Promise<string | undefined> {
  return (await lastBackupAt(db)) ?? (await db.audit.orderBy('seq').first())?.at;
}

const DAY = 86_400_000;
export const backupDue = (since: string | undefined, now: Date) => since !== undefined && now.getTime() - Date.parse(since) >= DAY;

/**
 * Before this desk upgrades the database to a newer schema, the data as it is on disk: the database is
 * opened without a schema (Dexie then opens it at its existing version, upgrading nothing) and read.
 * Null when there is no database yet or it is already current. The caller keeps the file before
 * anything opens the real database.
 */
export async function backupBeforeUpgrade(name = DB_NAME, now = new Date()): Promise<{ file: Blob; keep: number } | null> {
  if (!(await Dexie.getDatabaseNames()).includes(name)) return null;
  const old = new Dexie(name);
  await old.open();
  try {
    if (old.verno >= LATEST_SCHEMA) return null;
    const carrier = old.tables.some((t) => t.name === 'carrier') ? await old.table('carrier').get('carrier') : undefined;
    return { file: await snapshot(old, now), keep: (carrier as { rules?: { backupsKept?: number } } | undefined)?.rules?.backupsKept ?? 10 };
  } finally {
    old.close();
  }
}
