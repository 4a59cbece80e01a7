import { z } from 'zod';
import { carrierLevels, carrierLines } from '@core/records/carrier';
import { maskIdNumber } from '@core/validators/idNumber';
import {
  createCarrier,
  designateKeyProject,
  reissueToken,
  setCarrierStatus,
  verifyStartup,
} from '../admin/actions';
import { carrierInput, carrierStatusInput, keyProjectInput, verificationInput } from '../admin/inputs';
import type { CarrierStatus, Store } from '../db/schema';
import type { AuditAction, CarrierRow, QueuePage, RegionMismatch, Resident } from '../http/consoleApi';
import { parseInput, RosterError } from '../errors';
import { storable } from '../storableText';
import { createJoinCode } from '../store/desks';
import { startupDecisions } from '../store/startupDecisions';
import type { Account } from './accounts';
import { appendAudit } from './audit';
import { inScope, regionCode } from './scope';

/**
 * The roster as one console account sees it: every read is filtered by the account's scope in the query
 * itself, and a carrier outside it answers 404 exactly as one that does not exist would.
 */

export const carrierFilter = z.object({
  region: z.string().regex(/^\d{1,6}$/).optional(),
  line: z.enum(carrierLines).optional(),
  level: z.enum(carrierLevels).optional(),
  status: z.enum(['listed', 'rectify', 'removed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

function carriersQuery(store: Store, account: Account) {
  const query = store.db
    .selectFrom('carriers')
    .leftJoin('carrier_profiles', 'carrier_profiles.carrier_code', 'carriers.code')
    .select(['code', 'name', 'status', 'region_code', 'line', 'level']);
  // A carrier the authority has not placed in a region is the nation's alone.
  return account.scope === 'nation' ? query : query.where('region_code', 'like', `${account.scope}%`);
}

const carrierRow = (r: { code: string; name: string; status: CarrierStatus; region_code: string | null; line: string | null; level: string | null }): CarrierRow => ({
  code: r.code,
  name: r.name,
  status: r.status,
  regionCode: r.region_code,
  line: r.line,
  level: r.level,
});

export async function listCarriers(store: Store, account: Account, filterInput: unknown): Promise<{ carriers: CarrierRow[]; total: number }> {
  const filter = parseInput(carrierFilter, filterInput);
  let query = carriersQuery(store, account);
  if (filter.region) query = query.where('region_code', 'like', `${filter.region}%`);
  if (filter.line) query = query.where('line', '=', filter.line);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.status) query = query.where('status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query.orderBy('code').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { carriers: rows.map(carrierRow), total: Number(count.n) };
}

export async function requireCarrier(store: Store, account: Account, code: string): Promise<CarrierRow> {
  const row = await carriersQuery(store, account).where('code', '=', code).executeTakeFirst();
  if (!row) throw new RosterError(404, 'not_found', `no carrier ${code} in your scope`);
  return carrierRow(row);
}

type RecordData = Record<string, unknown>;
const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A carrier's startups with their founders (ID numbers masked) and the roster's decisions on each. */
export async function carrierResidents(store: Store, account: Account, code: string): Promise<{ carrier: CarrierRow; residents: Resident[] }> {
  const carrier = await requireCarrier(store, account, code);
  const [records, decided] = await Promise.all([
    store.db
      .selectFrom('records')
      .select(['entity', 'record_id', 'data'])
      .where('carrier_code', '=', code)
      .where('entity', 'in', ['startup', 'founder'])
      .where('deleted', '=', 0)
      .orderBy('record_id')
      .execute(),
    startupDecisions(store, code),
  ]);
  const parsed = records.map((r) => ({ entity: r.entity, id: r.record_id, data: JSON.parse(r.data ?? '{}') as RecordData }));
  const foundersOf = new Map<string, Resident['founders']>();
  for (const f of parsed.filter((r) => r.entity === 'founder')) {
    const list = foundersOf.get(textOf(f.data.startupId)) ?? [];
    list.push({ id: f.id, name: textOf(f.data.name), idNumberMasked: maskIdNumber(textOf(f.data.idNumber)) });
    foundersOf.set(textOf(f.data.startupId), list);
  }
  const residents = parsed
    .filter((r) => r.entity === 'startup')
    .map((s): Resident => {
      const d = decided.get(s.id);
      return {
        startupId: s.id,
        rosterId: d?.rosterId ?? null,
        name: textOf(s.data.name),
        creditCode: textOf(s.data.creditCode) || null,
        status: textOf(s.data.status),
        admittedOn: textOf(s.data.admittedOn),
        verification: d?.verification ?? null,
        verificationNote: d?.verificationNote ?? null,
        keyProjectDesignated: d?.keyProjectDesignated ?? false,
        founders: foundersOf.get(s.id) ?? [],
      };
    });
  return { carrier, residents };
}

export const queueQuery = z.object({
  after: z.string().max(400).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const queueCursor = z.tuple([z.string(), z.string(), z.string()]);
const encodeCursor = (key: [string, string, string]) => Buffer.from(JSON.stringify(key)).toString('base64url');
function decodeCursor(cursor: string): [string, string, string] {
  let value: unknown = null;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: refused below like any other cursor this queue did not hand out.
  }
  const parsed = queueCursor.safeParse(value);
  if (!parsed.success) throw new RosterError(400, 'bad_request', 'after: not a cursor this queue handed out');
  return parsed.data;
}

/**
 * Startups never verified or changed since their last verification, in the account's scope, oldest
 * change first, a page at a time after the last one's key (records_startup_changed, migration 021).
 */
export async function verificationQueue(store: Store, account: Account, input: unknown): Promise<QueuePage> {
  const { after, pageSize } = parseInput(queueQuery, input);
  let query = store.db
    .selectFrom('records as r')
    .innerJoin('carriers as c', 'c.code', 'r.carrier_code')
    .leftJoin('carrier_profiles as p', 'p.carrier_code', 'r.carrier_code')
    .leftJoin('startup_verifications as v', (join) => join.onRef('v.carrier_code', '=', 'r.carrier_code').onRef('v.startup_id', '=', 'r.record_id'))
    .select(['r.carrier_code', 'c.name as carrier_name', 'r.record_id', 'r.data', 'r.updated_at', 'v.result'])
    .where('r.entity', '=', 'startup')
    .where('r.deleted', '=', 0)
    .where((eb) => eb.or([eb('v.startup_id', 'is', null), eb('r.version', '>', eb.ref('v.verified_version'))]));
  if (account.scope !== 'nation') query = query.where('p.region_code', 'like', `${account.scope}%`);
  if (after) {
    const key = decodeCursor(after);
    query = query.where((eb) => eb(eb.refTuple('r.updated_at', 'r.carrier_code', 'r.record_id'), '>', eb.tuple(...key)));
  }
  const rows = await query.orderBy('r.updated_at').orderBy('r.carrier_code').orderBy('r.record_id').limit(pageSize + 1).execute();
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const data = JSON.parse(r.data ?? '{}') as RecordData;
      return {
        carrierCode: r.carrier_code,
        carrierName: r.carrier_name,
        startupId: r.record_id,
        name: textOf(data.name),
        creditCode: textOf(data.creditCode) || null,
        changedAt: r.updated_at,
        reason: r.result ? 'changed' : 'new',
        lastResult: r.result ?? null,
      };
    }),
    next: rows.length > pageSize && last ? encodeCursor([last.updated_at, last.carrier_code, last.record_id]) : null,
  };
}

/**
 * Scope follows the region the authority registered (carrier_profiles); the region a desk reports in its
 * own carrier record (records.region_code, migration 003) never moves a carrier between scopes. Where the
 * two differ the console lists the carrier as a finding, for an officer of the registered region to settle.
 */
export async function regionMismatches(store: Store, account: Account): Promise<RegionMismatch[]> {
  let query = store.db
    .selectFrom('carrier_profiles as p')
    .innerJoin('carriers as c', 'c.code', 'p.carrier_code')
    .innerJoin('records as r', (join) => join.onRef('r.carrier_code', '=', 'p.carrier_code').on('r.entity', '=', 'carrier').on('r.deleted', '=', 0))
    .select(['p.carrier_code', 'c.name', 'p.region_code as authority_region', 'r.region_code as reported_region'])
    .where('r.region_code', 'is not', null)
    .whereRef('r.region_code', '<>', 'p.region_code');
  if (account.scope !== 'nation') query = query.where('p.region_code', 'like', `${account.scope}%`);
  const rows = await query.orderBy('p.carrier_code').limit(1000).execute();
  return rows.map((r) => ({ carrierCode: r.carrier_code, carrierName: r.name, authorityRegion: r.authority_region, reportedRegion: r.reported_region ?? '' }));
}

function requireOfficer(account: Account): void {
  if (account.role !== 'officer') throw new RosterError(403, 'forbidden', 'this account may view but not decide (role viewer)');
}

/** One founder's full ID number, for an officer who asks; the asking is audited. */
export async function revealIdNumber(store: Store, account: Account, code: string, founderId: string): Promise<{ idNumber: string }> {
  requireOfficer(account);
  await requireCarrier(store, account, code);
  const row = await store.db
    .selectFrom('records')
    .select('data')
    .where('carrier_code', '=', code)
    .where('entity', '=', 'founder')
    .where('record_id', '=', founderId)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  if (!row) throw new RosterError(404, 'not_found', `carrier ${code} has not reported founder ${founderId}`);
  const data = JSON.parse(row.data ?? '{}') as RecordData;
  await appendAudit(store.db, account, 'founder.reveal', code, { founderId, startupId: textOf(data.startupId) });
  return { idNumber: textOf(data.idNumber) };
}

export const consoleCarrierInput = storable(
  z.object({ ...carrierInput.shape, regionCode, line: z.enum(carrierLines), level: z.enum(carrierLevels) }),
);

/**
 * The officer actions: each is admin/actions.ts's own (a roster change the desk pulls) and its audit entry
 * in one transaction, so neither is ever stored without the other. The entry is written first: the
 * action's change takes the roster_changes lock, which should be held for as short a time as it can be.
 */
function audited<T>(
  store: Store,
  account: Account,
  action: AuditAction,
  carrierCode: string,
  detail: Record<string, unknown>,
  work: (tx: Store) => Promise<T>,
): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    await appendAudit(trx, account, action, carrierCode, detail);
    return work({ ...store, db: trx });
  });
}

export async function createCarrierInScope(store: Store, account: Account, input: unknown): Promise<{ code: string; token: string }> {
  requireOfficer(account);
  const { regionCode: region, line, level, ...carrier } = parseInput(consoleCarrierInput, input);
  if (!inScope(account.scope, region)) throw new RosterError(403, 'forbidden', `region ${region} is outside your scope ${account.scope}`);
  return audited(store, account, 'carrier.create', carrier.code, { name: carrier.name, regionCode: region, line, level }, async (tx) => {
    const created = await createCarrier(tx, carrier);
    await tx.db.insertInto('carrier_profiles').values({ carrier_code: carrier.code, region_code: region, line, level }).execute();
    return created;
  });
}

export async function rotateTokenInScope(store: Store, account: Account, code: string): Promise<{ code: string; token: string }> {
  requireOfficer(account);
  await requireCarrier(store, account, code);
  return audited(store, account, 'carrier.token', code, {}, (tx) => reissueToken(tx, code));
}

/** A join code for one more desk of the carrier (its first one, or a PC that replaces a lost one). */
export async function joinCodeInScope(store: Store, account: Account, code: string): Promise<{ code: string; expiresAt: string }> {
  requireOfficer(account);
  await requireCarrier(store, account, code);
  // The code itself is not in the audit entry: only its hash is kept anywhere.
  return audited(store, account, 'carrier.joinCode', code, {}, (tx) => createJoinCode(tx, code, new Date()));
}

export const statusDecisionInput = storable(z.object({ ...carrierStatusInput.shape, reason: z.string().trim().min(1, 'a status decision needs a reason').max(200) }));

export async function setStatusInScope(store: Store, account: Account, code: string, input: unknown): Promise<{ seq: number }> {
  requireOfficer(account);
  const { status, reason } = parseInput(statusDecisionInput, input);
  await requireCarrier(store, account, code);
  return audited(store, account, 'carrier.status', code, { status, reason }, (tx) => setCarrierStatus(tx, code, { status }));
}

export async function verifyInScope(store: Store, account: Account, code: string, startupId: string, input: unknown): Promise<{ seq: number }> {
  requireOfficer(account);
  const decision = parseInput(verificationInput, input);
  await requireCarrier(store, account, code);
  return audited(store, account, 'startup.verification', code, { startupId, ...decision }, (tx) => verifyStartup(tx, code, startupId, decision));
}

export async function keyProjectInScope(store: Store, account: Account, code: string, startupId: string, input: unknown): Promise<{ seq: number }> {
  requireOfficer(account);
  const decision = parseInput(keyProjectInput, input);
  await requireCarrier(store, account, code);
  return audited(store, account, 'startup.keyProject', code, { startupId, ...decision }, (tx) => designateKeyProject(tx, code, startupId, decision));
}
