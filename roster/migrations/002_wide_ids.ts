import { type Kysely, sql } from 'kysely';
import type { RosterMigration } from './migration';

/**
 * Mutation ids and pull cursors reach 2^53 − 1 under the protocol; PostgreSQL's integer stops at 2^31 − 1,
 * so those columns become bigint (SQLite's integer is 64-bit already). Roster ids are numbered per
 * carrier from here on, so an id no longer tells a carrier how many others have: each carrier counts its
 * own, starting after the highest id it already holds, and every id already handed out stays the same.
 */
export const wideIds: RosterMigration = {
  async up(db: Kysely<unknown>, dialect) {
    if (dialect === 'pg') {
      await sql`alter table client_cursors alter column last_mutation_id type bigint`.execute(db);
      await sql`alter table rejections alter column mutation_id type bigint`.execute(db);
      await sql`alter table roster_changes alter column seq type bigint`.execute(db);
      await sql`alter sequence roster_changes_seq_seq as bigint`.execute(db);
    }

    await db.schema.alterTable('roster_ids').addColumn('number', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await sql`update roster_ids set number = id`.execute(db);
    await db.schema.createIndex('roster_ids_number').on('roster_ids').columns(['carrier_code', 'number']).unique().execute();

    await db.schema.alterTable('carriers').addColumn('roster_ids_issued', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await sql`update carriers set roster_ids_issued = coalesce((select max(number) from roster_ids where roster_ids.carrier_code = carriers.code), 0)`.execute(db);
  },
};
