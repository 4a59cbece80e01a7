import { type Kysely, sql } from 'kysely';
import type { RosterMigration } from './migration';

/**
 * Several desks per carrier (issue 21): each desk of a carrier by its clientId (its own token when it
 * joined with a join code, its revocation, how far it has pulled), the join codes (only their hash), what
 * the merge needs per record (each field's last version and who made it, the open conflicts), the ids
 * of startups merged into another (the same company admitted on two desks), which desk a relayed change
 * came from, and how far each carrier's relayed changes were compacted.
 */
export const desks: RosterMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('desks')
      .addColumn('carrier_code', 'text', (c) => c.notNull().references('carriers.code'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      // sha256 of the desk's own token; null for a desk that pushes with the carrier token.
      .addColumn('token_hash', 'text', (c) => c.unique())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text')
      .addColumn('pending', 'bigint')
      .addColumn('pulled_to', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('revoked_at', 'text')
      .addPrimaryKeyConstraint('desks_pk', ['carrier_code', 'client_id'])
      .execute();

    await db.schema
      .createTable('join_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('carrier_code', 'text', (c) => c.notNull().references('carriers.code'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('used_by', 'text')
      .execute();

    // JSON text: { field: version }, { version: origin }, [conflict]. Null field versions: a record
    // stored before this migration, every field taken as last changed at the record's version.
    await db.schema.alterTable('records').addColumn('field_versions', 'text').execute();
    await db.schema.alterTable('records').addColumn('origins', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    await db.schema.alterTable('records').addColumn('conflicts', 'text', (c) => c.notNull().defaultTo('[]')).execute();

    await db.schema
      .createTable('record_aliases')
      .addColumn('carrier_code', 'text', (c) => c.notNull().references('carriers.code'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('alias_id', 'text', (c) => c.notNull())
      .addColumn('standing_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('record_aliases_pk', ['carrier_code', 'entity', 'alias_id'])
      .execute();

    // The desk a relayed record change came from: never sent back to it.
    await db.schema.alterTable('roster_changes').addColumn('origin_client', 'text').execute();
    // The snapshot reads a carrier's verification and key-project decisions and its latest status without its other changes.
    await sql`create index roster_changes_decisions on roster_changes (carrier_code, kind, seq) where kind in ('verification', 'keyProject', 'carrierStatus')`.execute(db);

    // Relayed changes with seq at or below this were deleted: a desk pulling from below it rebuilds from a snapshot.
    await db.schema.alterTable('carriers').addColumn('compacted_to', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  },
};
