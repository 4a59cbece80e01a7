import { type Kysely, sql } from 'kysely';
import type { RosterMigration } from './migration';

/**
 * The console's verification queue: the version of each startup an officer last verified (or found a
 * mismatch in), so "new or changed since its last verification" is a comparison of two numbers, and an
 * index that hands the queue out oldest change first without reading every startup's JSON. Decisions
 * made before this migration are read back from roster_changes, as of the startup's version now.
 */
export const verificationQueue: RosterMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('startup_verifications')
      .addColumn('carrier_code', 'text', (c) => c.notNull())
      .addColumn('startup_id', 'text', (c) => c.notNull())
      .addColumn('verified_version', 'integer', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('verified_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('startup_verifications_key', ['carrier_code', 'startup_id'])
      .execute();
    await sql`create index records_startup_changed on records (updated_at, carrier_code, record_id) where entity = 'startup' and deleted = 0`.execute(db);

    const earlier = await sql<{ carrier_code: string; payload: string; created_at: string }>`
      select carrier_code, payload, created_at from roster_changes where kind = 'verification' and carrier_code is not null order by seq`.execute(db);
    const latest = new Map<string, { carrier: string; startupId: string; result: string; at: string }>();
    for (const row of earlier.rows) {
      const { startupId, result } = JSON.parse(row.payload) as { startupId: string; result: string };
      latest.set(`${row.carrier_code}\u0000${startupId}`, { carrier: row.carrier_code, startupId, result, at: row.created_at });
    }
    for (const v of latest.values()) {
      await sql`insert into startup_verifications (carrier_code, startup_id, verified_version, result, verified_at)
        select ${v.carrier}, ${v.startupId}, version, ${v.result}, ${v.at} from records
        where carrier_code = ${v.carrier} and entity = 'startup' and record_id = ${v.startupId}`.execute(db);
    }
  },
};
