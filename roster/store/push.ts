import { sql } from 'kysely';
import { type Entity, recordSchemas } from '@core/records';
import { type Mutation, type PushRequest, type PushResult, rosterOwnedFields } from '@core/sync/protocol';
import { describeIssues } from '../errors';
import { findBadText, textProblem, textProblemKey } from '../storableText';
import type { Store } from '../db/schema';
import { appendChanges } from './changes';

type Desk = { carrierCode: string; clientId: string };

export type PushOutcome = { results: PushResult[]; expectedMutationId?: number };

/** What a mutation will write, decided before the batch's transaction so validation holds no lock. */
type Verdict = { ok: true; data: string | null } | { ok: false; reason: string };

const isEntity = (name: string): name is Entity => Object.hasOwn(recordSchemas, name);

/** The record as stored: what only the roster writes is left out, so the roster's own values stand. */
function withoutRosterOwned(entity: Entity, record: unknown): unknown {
  const owned = rosterOwnedFields[entity];
  if (!owned || typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !owned.includes(key)));
}

/**
 * Text is checked before the schema, so no reason ever repeats text that cannot be stored. A delete may
 * carry the record it removes; when it does, that record must be valid as well (nothing of it is kept).
 */
function judge(m: Mutation): Verdict {
  if (!isEntity(m.entity)) return { ok: false, reason: `entity: unknown entity ${m.entity}` };
  const idProblem = textProblem(m.recordId);
  if (idProblem) return { ok: false, reason: `recordId: ${textProblemKey(idProblem)}` };
  if (m.op === 'delete' && (m.record === undefined || m.record === null)) return { ok: true, data: null };
  const badText = findBadText(m.record);
  if (badText) return { ok: false, reason: `${badText.path.join('.') || 'record'}: ${textProblemKey(badText.problem)}` };
  const parsed = recordSchemas[m.entity].safeParse(withoutRosterOwned(m.entity, m.record));
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  if (parsed.data.id !== m.recordId) return { ok: false, reason: `id: record id ${parsed.data.id} is not recordId ${m.recordId}` };
  return { ok: true, data: m.op === 'delete' ? null : JSON.stringify(parsed.data) };
}

const formatRosterId = (n: number): string => `RS${String(n).padStart(8, '0')}`;

/**
 * Applies a batch in one transaction: the desk's cursor row is claimed first (the lock that keeps two
 * processes from applying the same ids), ids already seen are answered from the stored rejections (and
 * were not judged again),
 * and the new ones are written set-wise: one statement each for rejections, records with the cursor,
 * roster ids and roster changes. Every mutation was judged before the transaction, so a rejected one consumes
 * its id without aborting the rest, and a crash leaves the whole batch applied or none of it.
 * `pause` lets the crash test hold the transaction open; it is never set in production.
 */
export async function applyPush(
  store: Store,
  carrierCode: string,
  request: PushRequest,
  pause?: () => Promise<void>,
): Promise<PushOutcome> {
  const desk = { carrierCode, clientId: request.clientId };
  // A resend is judged only past the cursor as read without a lock; the cursor only moves forward, so
  // whatever the locked read adds to the seen prefix was judged for nothing, never the other way round.
  const seenBefore = await readCursor(store, desk);
  const verdicts = new Map(request.mutations.filter((m) => m.mutationId > seenBefore).map((m) => [m.mutationId, judge(m)]));
  return store.db.transaction().execute(async (trx) => {
    const tx = { ...store, db: trx };
    const last = await claimCursor(tx, desk);
    const seen = request.mutations.filter((m) => m.mutationId <= last);
    const results = await answerSeen(tx, desk, seen);
    const fresh = request.mutations.slice(seen.length).map((m) => ({ m, verdict: verdicts.get(m.mutationId) ?? judge(m) }));
    if (fresh.length === 0) return { results };
    if (fresh[0]!.m.mutationId !== last + 1) return { results, expectedMutationId: last + 1 };

    const rejected = fresh.flatMap(({ m, verdict }) => (verdict.ok ? [] : [{ mutationId: m.mutationId, reason: verdict.reason }]));
    if (rejected.length > 0) {
      await trx
        .insertInto('rejections')
        .values(rejected.map((r) => ({ carrier_code: carrierCode, client_id: request.clientId, mutation_id: r.mutationId, reason: r.reason })))
        .execute();
    }
    const accepted = fresh.flatMap(({ m, verdict }) => (verdict.ok ? [{ m, data: verdict.data }] : []));
    const versions = await writeRecords(tx, desk, accepted, fresh.at(-1)!.m.mutationId);
    await pause?.();
    await assignRosterIds(tx, carrierCode, accepted.flatMap(({ m }) => (m.entity === 'startup' && m.op === 'upsert' ? [m.recordId] : [])));

    const reasons = new Map(rejected.map((r) => [r.mutationId, r.reason]));
    for (const { m } of fresh) {
      const reason = reasons.get(m.mutationId);
      results.push(reason === undefined ? { mutationId: m.mutationId, status: 'applied', version: versions.get(m.mutationId)! } : { mutationId: m.mutationId, status: 'rejected', reason });
    }
    return { results };
  });
}

/** The desk's last applied id as committed, without a lock (0 for a desk never seen). */
async function readCursor(store: Store, desk: Desk): Promise<number> {
  const row = await store.db
    .selectFrom('client_cursors')
    .select('last_mutation_id')
    .where('carrier_code', '=', desk.carrierCode)
    .where('client_id', '=', desk.clientId)
    .executeTakeFirst();
  return row?.last_mutation_id ?? 0;
}

/**
 * The desk's last applied id, its cursor row created if new and locked until commit: the upsert takes
 * the row lock on PostgreSQL (a concurrent batch of this desk, from any process, waits here) and the
 * write lock on SQLite.
 */
async function claimCursor(store: Store, desk: Desk): Promise<number> {
  const row = await store.db
    .insertInto('client_cursors')
    .values({ carrier_code: desk.carrierCode, client_id: desk.clientId, last_mutation_id: 0 })
    .onConflict((oc) => oc.columns(['carrier_code', 'client_id']).doUpdateSet((eb) => ({ last_mutation_id: eb.ref('client_cursors.last_mutation_id') })))
    .returning('last_mutation_id')
    .executeTakeFirstOrThrow();
  return row.last_mutation_id;
}

/** Ids the cursor already passed: the stored rejection again, or `duplicate`. */
async function answerSeen(store: Store, desk: Desk, seen: Mutation[]): Promise<PushResult[]> {
  if (seen.length === 0) return [];
  const rows = await store.db
    .selectFrom('rejections')
    .select(['mutation_id', 'reason'])
    .where('carrier_code', '=', desk.carrierCode)
    .where('client_id', '=', desk.clientId)
    .where('mutation_id', '>=', seen[0]!.mutationId)
    .where('mutation_id', '<=', seen.at(-1)!.mutationId)
    .execute();
  const reasons = new Map(rows.map((r) => [r.mutation_id, r.reason]));
  return seen.map((m): PushResult => {
    const reason = reasons.get(m.mutationId);
    return reason === undefined ? { mutationId: m.mutationId, status: 'duplicate' } : { mutationId: m.mutationId, status: 'rejected', reason };
  });
}

/** Moves the desk's cursor (its row is already claimed by this transaction). */
const moveCursor = (store: Store, desk: Desk, to: number) =>
  store.db
    .updateTable('client_cursors')
    .set({ last_mutation_id: to })
    .where('carrier_code', '=', desk.carrierCode)
    .where('client_id', '=', desk.clientId);

/**
 * Upserts and tombstones in one statement, which on PostgreSQL also moves the desk's cursor (a
 * data-modifying CTE: one round trip fewer per batch; SQLite runs in-process, so it takes two). A record
 * edited several times in one batch is written once with its last state and its version raised by the
 * number of edits, so each mutation still answers the version it made (PostgreSQL allows a row only once
 * per INSERT … ON CONFLICT). The carrier is part of the key, so ids never cross.
 */
async function writeRecords(store: Store, desk: Desk, accepted: { m: Mutation; data: string | null }[], cursorTo: number): Promise<Map<number, number>> {
  const byRecord = new Map<string, { m: Mutation; data: string | null; mutationIds: number[] }>();
  for (const { m, data } of accepted) {
    const key = JSON.stringify([m.entity, m.recordId]);
    const edits = byRecord.get(key)?.mutationIds ?? [];
    byRecord.set(key, { m, data, mutationIds: [...edits, m.mutationId] });
  }
  const versions = new Map<number, number>();
  const withCursor = store.dialect === 'pg' && byRecord.size > 0;
  if (!withCursor) await moveCursor(store, desk, cursorTo).execute();
  if (byRecord.size === 0) return versions;
  const updated_at = new Date().toISOString();
  // Rows in key order: two batches touching the same records lock them in the same order, never a deadlock.
  const ordered = [...byRecord.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, edit]) => edit);
  const db = withCursor ? store.db.with('cursor', () => moveCursor(store, desk, cursorTo)) : store.db;
  const rows = await db
    .insertInto('records')
    .values(
      ordered.map(({ m, data, mutationIds }) => ({
        carrier_code: desk.carrierCode,
        entity: m.entity,
        record_id: m.recordId,
        data,
        deleted: m.op === 'delete' ? 1 : 0,
        version: mutationIds.length,
        updated_at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['carrier_code', 'entity', 'record_id']).doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'),
        deleted: eb.ref('excluded.deleted'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb('records.version', '+', eb.ref('excluded.version')),
      })),
    )
    .returning(['entity', 'record_id', 'version'])
    .execute();
  for (const row of rows) {
    const { mutationIds } = byRecord.get(JSON.stringify([row.entity, row.record_id]))!;
    mutationIds.forEach((id, i) => versions.set(id, row.version - (mutationIds.length - 1 - i)));
  }
  return versions;
}

/**
 * The roster numbers a startup the first time it sees it, counting per carrier (the carrier row's
 * counter, raised once per batch, is also the lock that keeps two desks of one carrier from taking the
 * same numbers), and tells the desk through a change. Runs last in the batch: the changes' lock lasts
 * until commit.
 */
async function assignRosterIds(store: Store, carrierCode: string, startupIds: string[]): Promise<void> {
  const unique = [...new Set(startupIds)];
  if (unique.length === 0) return;
  const numbered = store.dialect === 'pg' ? await numberUnseenPg(store, carrierCode, unique) : await numberUnseen(store, carrierCode, unique);
  await appendChanges(
    store,
    carrierCode,
    numbered.map(({ startupId, number }) => ({ kind: 'rosterId', startupId, rosterId: formatRosterId(number) })),
  );
}

type Numbered = { startupId: string; number: number };

/** Finds the startups without a roster id, raises the carrier's counter by their count and numbers them after it. */
async function numberUnseen(store: Store, carrierCode: string, unique: string[]): Promise<Numbered[]> {
  const known = await store.db
    .selectFrom('roster_ids')
    .select('startup_id')
    .where('carrier_code', '=', carrierCode)
    .where('startup_id', 'in', unique)
    .execute();
  const knownIds = new Set(known.map((r) => r.startup_id));
  const unseen = unique.filter((id) => !knownIds.has(id));
  if (unseen.length === 0) return [];
  const { roster_ids_issued: issued } = await store.db
    .updateTable('carriers')
    .set((eb) => ({ roster_ids_issued: eb('roster_ids_issued', '+', unseen.length) }))
    .where('code', '=', carrierCode)
    .returning('roster_ids_issued')
    .executeTakeFirstOrThrow();
  const numbered = unseen.map((startupId, i) => ({ startupId, number: issued - unseen.length + 1 + i }));
  // A concurrent batch of another desk of this carrier may have numbered one meanwhile: it keeps its number.
  const inserted = await store.db
    .insertInto('roster_ids')
    .values(numbered.map(({ startupId, number }) => ({ carrier_code: carrierCode, startup_id: startupId, number })))
    .onConflict((oc) => oc.columns(['carrier_code', 'startup_id']).doNothing())
    .returning('startup_id')
    .execute();
  const fresh = new Set(inserted.map((r) => r.startup_id));
  return numbered.filter(({ startupId }) => fresh.has(startupId));
}

/**
 * The same three steps as `numberUnseen` in one statement (one round trip instead of three), in the
 * order the startups came. The update of the carrier row is still the lock; a startup another desk of
 * this carrier numbered meanwhile keeps its number (ON CONFLICT DO NOTHING), as above.
 */
async function numberUnseenPg(store: Store, carrierCode: string, unique: string[]): Promise<Numbered[]> {
  const { rows } = await sql<{ startup_id: string; number: number }>`
    with given as (select id, ord from unnest(${unique}::text[]) with ordinality as g(id, ord)),
    unseen as (
      select id, row_number() over (order by ord) as n from given
      where not exists (select 1 from roster_ids r where r.carrier_code = ${carrierCode} and r.startup_id = given.id)
    ),
    counted as (select count(*) as total from unseen),
    counter as (
      update carriers set roster_ids_issued = roster_ids_issued + (select total from counted)
      where code = ${carrierCode} and (select total from counted) > 0
      returning roster_ids_issued - (select total from counted) as base
    )
    insert into roster_ids (carrier_code, startup_id, number)
    select ${carrierCode}, unseen.id, counter.base + unseen.n from unseen cross join counter order by unseen.n
    on conflict (carrier_code, startup_id) do nothing
    returning startup_id, number`.execute(store.db);
  return rows.map((r) => ({ startupId: r.startup_id, number: Number(r.number) })).sort((a, b) => a.number - b.number);
}
