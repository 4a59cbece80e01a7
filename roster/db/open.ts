import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { RosterSchema, Store } from './schema';
import { migrateToLatest } from './migrate';

export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'pg'; url: string };

export interface OpenStore extends Store {
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date and hands back the one query layer. */
export async function openStore(location: StoreLocation): Promise<OpenStore> {
  const store = location.kind === 'sqlite' ? openSqlite(location.path) : openPg(location.url);
  await migrateToLatest(store);
  return { ...store, close: () => store.db.destroy() };
}

function openSqlite(path: string): Store {
  const database = new Database(path);
  // WAL for concurrent readers; synchronous FULL because an acknowledged mutation is dropped from the
  // desk's outbox, so it must survive a power cut, not just a process crash.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  return { db: new Kysely<RosterSchema>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}

function openPg(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return { db: new Kysely<RosterSchema>({ dialect: new PostgresDialect({ pool }) }), dialect: 'pg' };
}
