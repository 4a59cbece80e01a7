import { maskIdNumber } from '@core/validators/idNumber';
import { sql } from 'kysely';
import type { Store } from '../db/schema';
import { RosterError } from '../errors';
import { findingTables } from '../migrations/023_cross_carrier_findings';
import { holderOf, type StartupHolder } from './lookup';

/**
 * Facts only the roster can see, because each carrier sees its own records only: a credit code
 * resident at two carriers at once, and one person (ID number) founder at several carriers. They are
 * answered to the authority alone and never become a roster change, so no carrier learns of the other.
 * Pages run in key order; `next` names the last finding by one of its records (carrier/recordId), so a
 * cursor never carries an ID number.
 */
export type FindingKind = 'creditCode' | 'founder';

export interface CreditCodeFinding {
  creditCode: string;
  holders: Omit<StartupHolder, 'resident'>[];
}

export interface FounderFinding {
  /** Masked as everywhere the number is shown (maskIdNumber). */
  idNumber: string;
  founders: { carrierCode: string; founderId: string; startupId: string; name: string }[];
}

export interface FindingsPage<F> {
  findings: F[];
  next?: string;
}

export interface FindingsQuery {
  after?: string;
  limit: number;
  /**
   * A console account's scope: only findings with at least one carrier the authority registered inside
   * it, and the cursor names one of those (never a carrier outside the scope). Absent: the whole country.
   */
  scope?: string;
}

const inScopeOf = (scope: string | undefined) => (carrierCode: string, regions: Map<string, string>) =>
  scope === undefined || scope === 'nation' || (regions.get(carrierCode) ?? '').startsWith(scope);

/**
 * Keys held at two carriers or more, in key order past the cursor's, read from migration 023's partial
 * index (findings are a few in a thousand keys). In a scope, only those with a record at a carrier the
 * authority registered inside it: one probe of the records' index per finding, not per key.
 */
async function keysAtSeveralCarriers(store: Store, entity: 'startup' | 'founder', query: FindingsQuery): Promise<string[]> {
  const { table, key, holds } = findingTables[entity];
  const after = query.after === undefined ? undefined : await keyOf(store, entity, query.after);
  const k = sql.ref(`k.${key}`);
  const { rows } = await sql<{ key: string }>`
    select ${k} as key from ${sql.table(table)} as k
    where k.carriers >= 2
    ${after === undefined ? sql`` : sql`and ${k} > ${after}`}
    ${
      query.scope === undefined || query.scope === 'nation'
        ? sql``
        : sql`and exists (select 1 from records as r join carrier_profiles as p on p.carrier_code = r.carrier_code
            where ${sql.ref(`r.${key}`)} = ${k} and ${sql.raw(holds('r'))} and p.region_code like ${`${query.scope}%`})`
    }
    order by ${k} limit ${query.limit + 1}`.execute(store.db);
  return rows.map((r) => r.key);
}

export async function creditCodeFindings(store: Store, query: FindingsQuery): Promise<FindingsPage<CreditCodeFinding>> {
  const found = await keysAtSeveralCarriers(store, 'startup', query);
  const page = found.slice(0, query.limit);
  if (page.length === 0) return { findings: [] };
  const rows = await store.db
    .selectFrom('records')
    .select(['credit_code', 'carrier_code', 'record_id', 'data'])
    .where('credit_code', 'in', page)
    .where('resident', '=', 1)
    .orderBy('credit_code')
    .orderBy('carrier_code')
    .orderBy('record_id')
    .execute();
  const findings = page.map((creditCode) => ({ creditCode, holders: rows.filter((r) => r.credit_code === creditCode).map(holderOf) }));
  const visible = inScopeOf(query.scope);
  const regions = await regionsOf(store, query.scope, rows);
  return withNext(findings, found.length > query.limit, (f) => {
    const h = f.holders.find((x) => visible(x.carrierCode, regions))!;
    return cursorOf(h.carrierCode, h.startupId);
  });
}

export async function founderFindings(store: Store, query: FindingsQuery): Promise<FindingsPage<FounderFinding>> {
  const found = await keysAtSeveralCarriers(store, 'founder', query);
  const page = found.slice(0, query.limit);
  if (page.length === 0) return { findings: [] };
  const rows = await store.db
    .selectFrom('records')
    .select(['id_number', 'carrier_code', 'record_id', 'data'])
    .where('id_number', 'in', page)
    .orderBy('id_number')
    .orderBy('carrier_code')
    .orderBy('record_id')
    .execute();
  const findings = page.map((idNumber) => ({
    idNumber: maskIdNumber(idNumber),
    founders: rows
      .filter((r) => r.id_number === idNumber)
      .map((r) => {
        const { name, startupId } = JSON.parse(r.data!) as { name: string; startupId: string };
        return { carrierCode: r.carrier_code, founderId: r.record_id, startupId, name };
      }),
  }));
  const visible = inScopeOf(query.scope);
  const regions = await regionsOf(store, query.scope, rows);
  return withNext(findings, found.length > query.limit, (f) => {
    const h = f.founders.find((x) => visible(x.carrierCode, regions))!;
    return cursorOf(h.carrierCode, h.founderId);
  });
}

/** Where the authority registered each carrier of a page's rows (only needed to pick a cursor inside a scope). */
async function regionsOf(store: Store, scope: string | undefined, rows: { carrier_code: string }[]): Promise<Map<string, string>> {
  if (scope === undefined || scope === 'nation' || rows.length === 0) return new Map();
  const codes = [...new Set(rows.map((r) => r.carrier_code))];
  const profiles = await store.db.selectFrom('carrier_profiles').select(['carrier_code', 'region_code']).where('carrier_code', 'in', codes).execute();
  return new Map(profiles.map((p) => [p.carrier_code, p.region_code]));
}

const cursorOf = (carrierCode: string, recordId: string) => `${carrierCode}/${recordId}`;

function withNext<F>(findings: F[], more: boolean, cursor: (last: F) => string): FindingsPage<F> {
  return more ? { findings, next: cursor(findings.at(-1)!) } : { findings };
}

/** The key a cursor's record holds; a cursor naming no such record is refused, not read as the start. */
async function keyOf(store: Store, entity: 'startup' | 'founder', cursor: string): Promise<string> {
  const slash = cursor.indexOf('/');
  const row =
    slash > 0
      ? await store.db
          .selectFrom('records')
          .select(entity === 'startup' ? 'credit_code as key' : 'id_number as key')
          .where('carrier_code', '=', cursor.slice(0, slash))
          .where('entity', '=', entity)
          .where('record_id', '=', cursor.slice(slash + 1))
          .executeTakeFirst()
      : undefined;
  if (!row?.key) throw new RosterError(400, 'bad_request', `after: ${cursor} is not a cursor this query returned (carrierCode/recordId)`);
  return row.key;
}
