import { type Kysely, sql } from 'kysely';
import type { RosterMigration } from './migration';

/**
 * Resident startups per carrier, kept by the database itself as records are written (so no write path
 * can forget them): a count of a province's carriers then reads a few hundred rows instead of hundreds
 * of thousands of index entries. On PostgreSQL, triggers per statement add up each batch's rows in one
 * update per carrier (a desk's batch is one statement, and its carrier's row is its own to lock); SQLite,
 * one writer in the process, counts per row.
 */
export const residentCounts: RosterMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await sql`create table resident_counts (carrier_code text primary key references carriers (code), residents bigint not null)`.execute(db);
    if (dialect === 'pg') {
      const add = (rows: string) =>
        `insert into resident_counts (carrier_code, residents) select carrier_code, sum(d) from (${rows}) as delta group by carrier_code
         on conflict (carrier_code) do update set residents = resident_counts.residents + excluded.residents`;
      const gained = `select carrier_code, 1 as d from new_rows where resident = 1`;
      const lost = `select carrier_code, -1 as d from old_rows where resident = 1`;
      for (const [event, transition, rows] of [
        ['insert', 'new table as new_rows', gained],
        ['update', 'old table as old_rows new table as new_rows', `${gained} union all ${lost}`],
        ['delete', 'old table as old_rows', lost],
      ] as const) {
        await sql.raw(`create function resident_counts_${event}() returns trigger language plpgsql as $$ begin ${add(rows)}; return null; end $$`).execute(db);
        await sql.raw(`create trigger resident_counts_${event} after ${event} on records referencing ${transition} for each statement execute function resident_counts_${event}()`).execute(db);
      }
    } else {
      const add = (row: 'new' | 'old', d: number) =>
        `insert into resident_counts (carrier_code, residents) select ${row}.carrier_code, ${d} where ${row}.resident = 1
         on conflict (carrier_code) do update set residents = residents + ${d};`;
      await sql.raw(`create trigger resident_counts_insert after insert on records begin ${add('new', 1)} end`).execute(db);
      await sql.raw(`create trigger resident_counts_update after update on records begin ${add('old', -1)} ${add('new', 1)} end`).execute(db);
      await sql.raw(`create trigger resident_counts_delete after delete on records begin ${add('old', -1)} end`).execute(db);
    }
    await countResidents(db);
  },
};

/** Counts from scratch (after migrating, and after a bulk load that bypassed the triggers). */
export async function countResidents<DB>(db: Kysely<DB>): Promise<void> {
  await sql`delete from resident_counts`.execute(db);
  await sql`insert into resident_counts (carrier_code, residents) select carrier_code, count(*) from records where resident = 1 group by carrier_code`.execute(db);
}
