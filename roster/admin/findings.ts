import { maskIdNumber } from '@core/validators/idNumber';
import type { ExpressionBuilder } from 'kysely';
import type { RosterSchema, Store } from '../db/schema';
import { RosterError } from '../errors';
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

/** At least one of the group's carriers is registered inside the scope (a hashed sub-plan: one probe per row). */
const touchesScope = (scope: string) => (eb: ExpressionBuilder<RosterSchema, 'records'>) =>
  eb(
    eb.fn.max(eb.case().when('carrier_code', 'in', eb.selectFrom('carrier_profiles').select('carrier_code').where('region_code', 'like', `${scope}%`)).then(1).else(0).end()),
    '=',
    1,
  );
const inScopeOf = (scope: string | undefined) => (carrierCode: string, regions: Map<string, string>) =>
  scope === undefined || scope === 'nation' || (regions.get(carrierCode) ?? '').startsWith(scope);

/** Two carriers or more; cheaper than count(distinct …) > 1, which sorts every group, nearly all of one row. */
const atSeveralCarriers = (eb: ExpressionBuilder<RosterSchema, 'records'>) => eb(eb.fn.min('carrier_code'), '<>', eb.fn.max('carrier_code'));

export async function creditCodeFindings(store: Store, query: FindingsQuery): Promise<FindingsPage<CreditCodeFinding>> {
  const after = query.after === undefined ? undefined : await keyOf(store, 'startup', query.after);
  let keys = store.db
    .selectFrom('records')
    .select('credit_code')
    .where('credit_code', 'is not', null)
    .where('resident', '=', 1)
    .groupBy('credit_code')
    .having(atSeveralCarriers)
    .orderBy('credit_code')
    .limit(query.limit + 1);
  if (query.scope !== undefined && query.scope !== 'nation') keys = keys.having(touchesScope(query.scope));
  if (after !== undefined) keys = keys.where('credit_code', '>', after);
  const found = (await keys.execute()).map((k) => k.credit_code!);
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
  const after = query.after === undefined ? undefined : await keyOf(store, 'founder', query.after);
  let keys = store.db
    .selectFrom('records')
    .select('id_number')
    .where('id_number', 'is not', null)
    .groupBy('id_number')
    .having(atSeveralCarriers)
    .orderBy('id_number')
    .limit(query.limit + 1);
  if (query.scope !== undefined && query.scope !== 'nation') keys = keys.having(touchesScope(query.scope));
  if (after !== undefined) keys = keys.where('id_number', '>', after);
  const found = (await keys.execute()).map((k) => k.id_number!);
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
