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
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (db) => m.up(db, store.dialect) }]),
        ),
    },
  });
  const { error, results } = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`roster migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
