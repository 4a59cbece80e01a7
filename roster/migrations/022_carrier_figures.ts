import { FAILED_EXITS } from '@core/tallies/contributions';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/schema';
import type { RosterMigration } from './migration';

/**
 * The console's figures per carrier and period, kept by the database as records are written (as
 * migration 004 keeps resident counts): a province's figures then add up a few rows per carrier instead
 * of reading millions of startups. Each record contributes amounts to measures, under the quarter of the
 * day it is counted on (startups) or its own reporting period (reports, evaluations):
 *   admitted, due (agreement ends), exit:<kind>, success, ontime   startups, as core/tallies counts them
 *   reports, employees                                              quarterly operating reports
 *   grade:<grade>                                                   finalized evaluations
 * A write adds (after − before), so the amounts are exact whatever order desks push in.
 */
export const carrierFigures: RosterMigration = {
  async up(db: Kysely<unknown>, dialect) {
    await sql`create table carrier_figures (
      carrier_code text not null references carriers (code),
      period text not null,
      measure text not null,
      amount bigint not null,
      primary key (carrier_code, period, measure))`.execute(db);
    // The scope's figures read one period's rows of every carrier in it.
    await sql`create index carrier_figures_period on carrier_figures (period, carrier_code)`.execute(db);
    const upsert = (contributions: string) =>
      `insert into carrier_figures (carrier_code, period, measure, amount)
       select carrier_code, period, measure, sum(amount) from (${contributions}) as delta where period is not null
       group by carrier_code, period, measure having sum(amount) <> 0
       on conflict (carrier_code, period, measure) do update set amount = carrier_figures.amount + excluded.amount`;
    if (dialect === 'pg') {
      const gained = contributionsOf('pg', 'new_rows', 1);
      const lost = contributionsOf('pg', 'old_rows', -1);
      for (const [event, transition, rows] of [
        ['insert', 'new table as new_rows', gained],
        ['update', 'old table as old_rows new table as new_rows', `${gained} union all ${lost}`],
        ['delete', 'old table as old_rows', lost],
      ] as const) {
        await sql.raw(`create function carrier_figures_${event}() returns trigger language plpgsql as $$ begin ${upsert(rows)}; return null; end $$`).execute(db);
        await sql.raw(`create trigger carrier_figures_${event} after ${event} on records referencing ${transition} for each statement execute function carrier_figures_${event}()`).execute(db);
      }
    } else {
      const row = (r: 'new' | 'old') => `(select ${r}.carrier_code as carrier_code, ${r}.entity as entity, ${r}.data as data, ${r}.deleted as deleted)`;
      const gained = contributionsOf('sqlite', row('new'), 1);
      const lost = contributionsOf('sqlite', row('old'), -1);
      await sql.raw(`create trigger carrier_figures_insert after insert on records begin ${upsert(gained)}; end`).execute(db);
      await sql.raw(`create trigger carrier_figures_update after update on records begin ${upsert(`${gained} union all ${lost}`)}; end`).execute(db);
      await sql.raw(`create trigger carrier_figures_delete after delete on records begin ${upsert(lost)}; end`).execute(db);
    }
    await countFigures(db, dialect);
  },
};

/**
 * What each row of `source` (records, or a trigger's rows) contributes: (carrier_code, period, measure,
 * amount × sign). Written once for both databases; only reading the JSON and counting days differ.
 */
function contributionsOf(dialect: Dialect, source: string, sign: 1 | -1): string {
  const f = (field: string) => (dialect === 'pg' ? `(r.data::jsonb ->> '${field}')` : `json_extract(r.data, '$.${field}')`);
  const quarter = (day: string) => `(substr(${day}, 1, 4) || 'Q' || ((cast(substr(${day}, 6, 2) as integer) + 2) / 3))`;
  const daysBetween = (a: string, b: string) => (dialect === 'pg' ? `(cast(${b} as date) - cast(${a} as date))` : `(julianday(${b}) - julianday(${a}))`);
  const failed = [...FAILED_EXITS].map((k) => `'${k}'`).join(', ');
  const live = `r.entity = 'startup' and r.deleted = 0 and ${f('voidedAt')} is null`;
  const exited = `${live} and ${f('status')} = 'exited' and ${f('exitedOn')} is not null`;
  const quarterly = `r.entity = 'report' and r.deleted = 0 and length(${f('period')}) = 6`;
  const parts: [period: string, measure: string, amount: string, when: string][] = [
    [quarter(f('admittedOn')), `'admitted'`, '1', live],
    [quarter(f('agreementEndsOn')), `'due'`, '1', live],
    [quarter(f('exitedOn')), `'exit:' || coalesce(${f('exitKind')}, 'unknown')`, '1', exited],
    // 孵化成功: left (not failed) and still operating a year after admission (core/tallies/contributions.ts).
    [quarter(f('exitedOn')), `'success'`, '1', `${exited} and coalesce(${f('exitKind')}, '') not in (${failed}) and ${daysBetween(f('admittedOn'), f('exitedOn'))} >= 365`],
    // 到期出园: left by the end of the agreement, counted on the agreement's last day.
    [quarter(f('agreementEndsOn')), `'ontime'`, '1', `${exited} and ${f('exitedOn')} <= ${f('agreementEndsOn')}`],
    [f('period'), `'reports'`, '1', quarterly],
    [f('period'), `'employees'`, `cast(${f('employees')} as bigint)`, quarterly],
    [f('period'), `'grade:' || ${f('grade')}`, '1', `r.entity = 'evaluation' and r.deleted = 0 and ${f('status')} = 'finalized'`],
  ];
  return parts
    .map(([period, measure, amount, when]) => `select r.carrier_code as carrier_code, ${period} as period, ${measure} as measure, ${sign} * ${amount} as amount from ${source} as r where ${when}`)
    .join(' union all ');
}

/** Counts from scratch (after migrating, and after a bulk load that bypassed the triggers). */
export async function countFigures<DB>(db: Kysely<DB>, dialect: Dialect): Promise<void> {
  await sql`delete from carrier_figures`.execute(db);
  await sql
    .raw(
      `insert into carrier_figures (carrier_code, period, measure, amount)
       select carrier_code, period, measure, sum(amount) from (${contributionsOf(dialect, 'records', 1)}) as counted where period is not null
       group by carrier_code, period, measure`,
    )
    .execute(db);
}
