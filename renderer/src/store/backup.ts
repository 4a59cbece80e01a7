import Dexie, { type Table } from 'dexie';
import { z } from 'zod';
import { readBackup, writeBackup, type Backup } from '@core/backup/format';
import { recordSchemas, type Entity } from '@core/records';
import { mutationSchema, type OutboxEntry } from '@core/sync/protocol';
import { DB_NAME, type DeskDb } from './db';
import { rebuildDerived } from './rebuildIndex';
import { schemaVersions, tableOf } from './schema';
import { setUnlockedKey, storedFounderSchema } from './sealing';

/** Derived tables are rebuilt from the records on restore instead of being stored. */
const DERIVED = new Set(['startupIndex', 'tallies']);
const LAST_BACKUP = 'backup.lastAt';
export const LATEST_SCHEMA = schemaVersions.at(-1)!.version;

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

/** All stored tables read in one transaction, so the backup is one consistent moment of the desk. */
async function snapshot(db: Dexie, at: Date): Promise<string> {
  const tables = storedTables(db);
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  const content = Object.fromEntries(tables.map((t, i) => [t.name, rows[i]!]));
  const counts = Object.fromEntries(tables.map((t, i) => [t.name, rows[i]!.length]));
  return writeBackup({ schemaVersion: db.verno, createdAt: at.toISOString(), counts, tables: content });
}

export async function createBackup(db: DeskDb, at = new Date()): Promise<string> {
  if (!db.isOpen()) await db.open();
  return snapshot(db, at);
}

/** Reads and checks a file against this desk's tables; throws a BackupError with the reason. */
export async function openBackup(db: DeskDb, text: string): Promise<Backup> {
  if (!db.isOpen()) await db.open();
  return readBackup(text, { schemaVersion: LATEST_SCHEMA, tables: Object.fromEntries(storedTables(db).map((t) => [t.name, rowSchema(t)])) });
}

/**
 * Replaces everything with the backup, in one transaction: all of it or none of it.
 * The outbox is renumbered under a new desk identity: the roster already holds the mutation ids this
 * desk used after the backup was made, and would skip new changes reusing them as duplicates.
 */
export async function restoreBackup(db: DeskDb, backup: Backup): Promise<void> {
  const clientId = crypto.randomUUID();
  const pending = ((backup.tables.outbox ?? []) as (OutboxEntry & { seq: number })[])
    .toSorted((a, b) => a.seq - b.seq)
    .map((entry, i) => ({ ...entry, clientId, mutationId: i + 1 }));
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    for (const [name, rows] of Object.entries(backup.tables)) if (name !== 'outbox') await db.table(name).bulkAdd(rows);
    await db.outbox.bulkAdd(pending);
    await db.meta.bulkPut([
      { key: 'clientId', value: clientId },
      { key: 'nextMutationId', value: pending.length + 1 },
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
 * opened without a schema (Dexie then opens it at its existing version, upgrading nothing) and read
 * whole. Null when there is no database yet or it is already current. The caller keeps the text
 * before anything opens the real database.
 */
export async function backupBeforeUpgrade(name = DB_NAME, now = new Date()): Promise<{ text: string; keep: number } | null> {
  if (!(await Dexie.getDatabaseNames()).includes(name)) return null;
  const old = new Dexie(name);
  await old.open();
  try {
    if (old.verno >= LATEST_SCHEMA) return null;
    const carrier = old.tables.some((t) => t.name === 'carrier') ? await old.table('carrier').get('carrier') : undefined;
    return { text: await snapshot(old, now), keep: (carrier as { rules?: { backupsKept?: number } } | undefined)?.rules?.backupsKept ?? 10 };
  } finally {
    old.close();
  }
}
