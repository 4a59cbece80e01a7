import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { RosterSchema, Store } from './schema';
import { migrateStore } from './migrate';
import { withStatementCache } from './statementCache';

export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'pg'; url: string };

export interface OpenStore extends Store {
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date (or to `migrateUpTo`) and hands back the one query layer. */
export async function openStore(location: StoreLocation, migrateUpTo?: string): Promise<OpenStore> {
  const store = location.kind === 'sqlite' ? openSqlite(location.path) : openPg(location.url);
  await migrateStore(store, migrateUpTo);
  return { ...store, close: () => store.db.destroy() };
}

function openSqlite(path: string): Store {
  const database = new Database(path);
  // WAL for concurrent readers; synchronous FULL because an acknowledged mutation is dropped from the
  // desk's outbox, so it must survive a power cut, not just a process crash.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  return { db: new Kysely<RosterSchema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), dialect: 'sqlite' };
}

/** bigint (int8) comes back as a number: every bigint the roster stores is within 2^53 − 1, as the protocol bounds it. */
const int8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8 ? Number : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

function openPg(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  return { db: new Kysely<RosterSchema>({ dialect: new PostgresDialect({ pool }) }), dialect: 'pg' };
}
