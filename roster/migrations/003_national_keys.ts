import { type Kysely, sql } from 'kysely';
import type { RosterMigration } from './migration';

/**
 * What the authority asks of the whole country, kept answerable at millions of records: columns the
 * database derives from each record's JSON (so no code path that writes a record can forget them) and
 * partial indexes on them. A startup's credit code and whether it is resident now (not exited, not
 * voided); a founder's ID number; a carrier's own region code. PostgreSQL stores them; SQLite, which
 * cannot add a stored column to a table, computes them on read and indexes them all the same.
 */
const derived = {
  pg: {
    credit_code: `case when entity = 'startup' then data::jsonb ->> 'creditCode' end`,
    resident: `case when entity = 'startup' then case when data::jsonb ->> 'status' = 'resident' and data::jsonb ->> 'voidedAt' is null then 1 else 0 end end`,
    id_number: `case when entity = 'founder' then data::jsonb ->> 'idNumber' end`,
    region_code: `case when entity = 'carrier' then data::jsonb ->> 'regionCode' end`,
  },
  sqlite: {
    credit_code: `case when entity = 'startup' then json_extract(data, '$.creditCode') end`,
    resident: `case when entity = 'startup' then case when json_extract(data, '$.status') = 'resident' and json_extract(data, '$.voidedAt') is null then 1 else 0 end end`,
    id_number: `case when entity = 'founder' then json_extract(data, '$.idNumber') end`,
    region_code: `case when entity = 'carrier' then json_extract(data, '$.regionCode') end`,
  },
};

/** By name, so a bulk load can drop them and build each once at the end (roster/national/load.ts). */
export const nationalIndexes = {
  // A credit code across the country, and the codes resident at two carriers, in code order.
  records_credit_code: 'create index records_credit_code on records (credit_code, resident, carrier_code) where credit_code is not null',
  records_id_number: 'create index records_id_number on records (id_number, carrier_code) where id_number is not null',
  records_region_code: 'create index records_region_code on records (region_code, carrier_code) where region_code is not null',
};

export const nationalKeys: RosterMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const types = { credit_code: 'text', resident: dialect === 'pg' ? 'smallint' : 'integer', id_number: 'text', region_code: 'text' };
    const column = (name: string) => `${name} ${types[name as keyof typeof types]} generated always as`;
    if (dialect === 'pg') {
      // One rewrite of the table for all four columns, not one per column.
      const columns = Object.entries(derived.pg).map(([name, expr]) => `add column ${column(name)} (${expr}) stored`);
      await sql.raw(`alter table records ${columns.join(', ')}`).execute(db);
    } else {
      for (const [name, expr] of Object.entries(derived.sqlite)) {
        await sql.raw(`alter table records add column ${column(name)} (${expr}) virtual`).execute(db);
      }
    }
    for (const index of Object.values(nationalIndexes)) await sql.raw(index).execute(db);
  },
};
