import { type Migration, Migrator, sql } from 'kysely';
import { migrations } from '../migrations';
import type { Store } from './schema';

/** Brings the schema to the latest migration, or to `upTo` (a test opening data an older version wrote). */
export async function migrateStore(store: Store, upTo?: string): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema it can see: on a PostgreSQL shared with
  // other schemas (other applications, other roster databases) it must be told which one is ours.
  const migrationTableSchema =
    store.dialect === 'pg' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db: store.db,
    migrationTableSchema,
    allowUnorderedMigrations: true,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (db) => m.up(db, store.dialect) }]),
        ),
    },
  });
  const migrate = () => (upTo === undefined ? migrator.migrateToLatest() : migrator.migrateTo(upTo));
  const { error, results } = store.dialect === 'pg' ? await holdingSchemaLock(store, migrate) : await migrate();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`roster migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}

/**
 * Key of a PostgreSQL advisory lock taken while a roster migrates and while a schema is dropped: Kysely's
 * table lookup reads every schema of the database, and fails if one is dropped under it. Several service
 * processes starting together also migrate one at a time under it.
 */
export const SCHEMA_LOCK_KEY = 7_310_001;

async function holdingSchemaLock<T>(store: Store, work: () => Promise<T>): Promise<T> {
  return store.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${SCHEMA_LOCK_KEY})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${SCHEMA_LOCK_KEY})`.execute(conn);
    }
  });
}
