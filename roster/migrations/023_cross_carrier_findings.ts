import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/schema';
import type { RosterMigration } from './migration';

/**
 * The cross-carrier findings (admin/findings.ts), kept by the database as records are written (as 004
 * keeps resident counts): per credit code, at how many carriers it is resident now; per founder ID
 * number, at how many carriers it founds. Which carriers those are stays in the records' own indexes
 * (003's records_credit_code and records_id_number); these tables hold one count per key, and a partial
 * index lists the keys at two carriers or more in key order, so a page of findings reads a page of that
 * index instead of walking every code in the country. A key at no carrier may keep a row of 0.
 *
 * A write recounts the keys whose records it added to or took from a carrier (an edit that changes
 * neither the key nor residence recounts nothing), from the records' index. A recount is absolute, so
 * PostgreSQL's separate insert and update triggers of one upsert cannot add up wrong; there, the key's
 * row is locked first and the count taken by the next statement, which sees every transaction that
 * held the lock before: two carriers admitting one code at once end at 2, not at 1 each.
 */
export const findingTables = {
  startup: { table: 'credit_code_carriers', key: 'credit_code', index: 'credit_code_findings', holds: (r: string) => `${r}.credit_code is not null and ${r}.resident = 1` },
  founder: { table: 'id_number_carriers', key: 'id_number', index: 'id_number_findings', holds: (r: string) => `${r}.id_number is not null` },
} as const;

type FindingTable = (typeof findingTables)[keyof typeof findingTables];

export const crossCarrierFindings: RosterMigration = {
  async up(db: Kysely<unknown>, dialect) {
    for (const { table, key, index } of Object.values(findingTables)) {
      await sql.raw(`create table ${table} (${key} text primary key, carriers integer not null)`).execute(db);
      await sql.raw(`create index ${index} on ${table} (${key}) where carriers >= 2`).execute(db);
    }
    if (dialect === 'pg') {
      for (const [event, transition, rows] of [
        ['insert', 'new table as new_rows', [['new_rows', 1]]],
        ['update', 'old table as old_rows new table as new_rows', [['new_rows', 1], ['old_rows', -1]]],
        ['delete', 'old table as old_rows', [['old_rows', -1]]],
      ] as const) {
        // Credit codes before ID numbers, each in key order: two pushes sharing keys wait for each other.
        // An upsert's insert and update triggers lock apart, so two carriers trading two codes at the
        // same moment could deadlock; PostgreSQL then fails one push, and its desk sends it again.
        const body = Object.values(findingTables).flatMap((t) => recounts(t, rows, dialect)).map((statement) => `${statement};`).join(' ');
        await sql.raw(`create function cross_carrier_${event}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`).execute(db);
        await sql.raw(`create trigger cross_carrier_${event} after ${event} on records referencing ${transition} for each statement execute function cross_carrier_${event}()`).execute(db);
      }
    } else {
      const row = (r: 'new' | 'old') => `(select ${r}.carrier_code as carrier_code, ${r}.credit_code as credit_code, ${r}.resident as resident, ${r}.id_number as id_number)`;
      for (const [event, rows] of [
        ['insert', [[row('new'), 1]]],
        ['update', [[row('new'), 1], [row('old'), -1]]],
        ['delete', [[row('old'), -1]]],
      ] as const) {
        const body = Object.values(findingTables).flatMap((t) => recounts(t, rows, dialect)).map((statement) => `${statement};`).join(' ');
        await sql.raw(`create trigger cross_carrier_${event} after ${event} on records begin ${body} end`).execute(db);
      }
    }
    await countFindings(db);
  },
};

/**
 * The statements that recount each key the rows (source, sign) added to or took from a carrier. Written
 * once for both databases: a trigger's transition tables on PostgreSQL, its old/new row on SQLite.
 */
function recounts({ table, key, holds }: FindingTable, rows: readonly (readonly [source: string, sign: 1 | -1])[], dialect: Dialect): string[] {
  const changed = rows.map(([source, sign]) => `select r.${key} as k, r.carrier_code as c, ${sign} as d from ${source} as r where ${holds('r')}`).join(' union all ');
  const keys = `select k from (${changed}) as changed group by k, c having sum(d) <> 0`;
  const counted = `select distinct k, (select count(distinct x.carrier_code) from records as x where x.${key} = touched.k and ${holds('x')}) as carriers from (${keys}) as touched`;
  // SQLite has one writer: its count is final.
  if (dialect === 'sqlite') return [`insert into ${table} (${key}, carriers) ${counted} where true on conflict (${key}) do update set carriers = excluded.carriers`];
  return [
    // New keys go in counted; existing ones are only locked ("where false" still locks), in key order.
    `insert into ${table} (${key}, carriers) ${counted} order by k on conflict (${key}) do update set carriers = ${table}.carriers where false`,
    `update ${table} set carriers = n.carriers from (${counted}) as n where ${table}.${key} = n.k and ${table}.carriers <> n.carriers`,
  ];
}

/** Counts from scratch (after migrating, and after a bulk load that bypassed the triggers). */
export async function countFindings<DB>(db: Kysely<DB>): Promise<void> {
  for (const { table, key, holds } of Object.values(findingTables)) {
    await sql.raw(`delete from ${table}`).execute(db);
    await sql.raw(`insert into ${table} (${key}, carriers) select ${key}, count(distinct carrier_code) from records as r where ${holds('r')} group by ${key}`).execute(db);
  }
}
