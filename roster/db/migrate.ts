import { type Migration, Migrator, sql } from 'kysely';
import { migrations } from '../migrations';
import type { Store } from './schema';

/** Brings the schema to the latest migration, or to `upTo` (a test opening data an older version wrote). */
export async function migrateStore(store: Store, upTo?: string): Promise<void> {
  const migrator = new Migrator({
    db: store.db,
    // On PostgreSQL the migrator looks for its own tables in every schema unless told which: a roster in
    // one schema beside another (a province per schema, each test in its own) would take the other's.
    ...(store.dialect === 'pg' ? { migrationTableSchema: await currentSchema(store) } : {}),
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

async function currentSchema(store: Store): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  return rows[0]!.schema;
}
