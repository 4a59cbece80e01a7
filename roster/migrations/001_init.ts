import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { RosterMigration } from './migration';

export const init: RosterMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const autoKey = (c: ColumnDefinitionBuilder) => (dialect === 'pg' ? c.primaryKey() : c.primaryKey().autoIncrement());
    const autoType = dialect === 'pg' ? 'serial' : 'integer';

    await db.schema
      .createTable('carriers')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('client_cursors')
      .addColumn('carrier_code', 'text', (c) => c.notNull().references('carriers.code'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('last_mutation_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('client_cursors_pk', ['carrier_code', 'client_id'])
      .execute();

    await db.schema
      .createTable('rejections')
      .addColumn('carrier_code', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('mutation_id', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rejections_pk', ['carrier_code', 'client_id', 'mutation_id'])
      .execute();

    await db.schema
      .createTable('records')
      .addColumn('carrier_code', 'text', (c) => c.notNull().references('carriers.code'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text')
      .addColumn('deleted', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_pk', ['carrier_code', 'entity', 'record_id'])
      .execute();

    await db.schema
      .createTable('roster_ids')
      .addColumn('id', autoType, autoKey)
      .addColumn('carrier_code', 'text', (c) => c.notNull().references('carriers.code'))
      .addColumn('startup_id', 'text', (c) => c.notNull())
      .addUniqueConstraint('roster_ids_startup', ['carrier_code', 'startup_id'])
      .execute();

    await db.schema
      .createTable('roster_changes')
      .addColumn('seq', autoType, autoKey)
      .addColumn('carrier_code', 'text', (c) => c.references('carriers.code'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('roster_changes_carrier').on('roster_changes').columns(['carrier_code', 'seq']).execute();
  },
};
