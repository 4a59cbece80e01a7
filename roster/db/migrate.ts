import { type Migration, Migrator } from 'kysely';
import { migrations } from '../migrations';
import type { Store } from './schema';

export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = new Migrator({
    db: store.db,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (db) => m.up(db, store.dialect) }]),
        ),
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`roster migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
