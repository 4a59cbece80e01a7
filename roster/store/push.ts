import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Entity, recordSchemas } from '@core/records';
import { absorbAdmission, type Edit, type Fields, type HeldRecord, mergeEdit, type MergeContext, sameValue } from '@core/sync/merge';
import { type Mutation, type Origin, type PushRequest, type PushResult, rosterOwnedFields } from '@core/sync/protocol';
import { describeIssues } from '../errors';
import { findBadText, textProblem, textProblemKey } from '../storableText';
import { keyList } from '../db/keyList';
import { inSharedCommit } from '../db/sharedCommit';
import type { Store } from '../db/schema';
import { appendChanges, type ChangeBody } from './changes';
import { deskRevoked } from './desks';
import { formatRosterId } from './startupDecisions';
import { type BatchAsks, type BatchView, type HeldRow, readBatchView, recordKey } from './heldRecords';

type Desk = { carrierCode: string; clientId: string };

export type PushOutcome = { results: PushResult[]; expectedMutationId?: number };

/** What a mutation will write, decided before the batch's transaction so validation holds no lock. */
type Verdict = { ok: true; data: Fields | null } | { ok: false; reason: string };

const isEntity = (name: string): name is Entity => Object.hasOwn(recordSchemas, name);

/** The record as stored: what only the roster writes is left out, so the roster's own values stand. */
function withoutRosterOwned(entity: Entity, record: unknown): unknown {
  const owned = rosterOwnedFields[entity];
  if (!owned || typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  // Most records carry none of them: those are passed on as they are, not copied.
  if (!owned.some((key) => Object.hasOwn(record, key))) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !owned.includes(key)));
}

/**
 * Text is checked before the schema, so no reason ever repeats text that cannot be stored. A delete may
 * carry the record it removes; when it does, that record must be valid as well (it is kept only in the
 * conflicts of a delete that won over another desk's edit).
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
  return { ok: true, data: parsed.data as Fields };
}

export interface PushOptions {
  now?: () => Date;
  /** Lets the crash test hold the transaction open; never set in production. */
  pause?: () => Promise<void>;
}

/**
 * Applies a batch in one transaction: the carrier row and the desk's cursor row are claimed first (the
 * locks that keep two processes from applying the same ids, and two desks of one carrier from merging
 * into the same records at once), ids already seen are answered from the stored rejections (and were
 * not judged again), and the new ones are merged against the records as stored (read once for the whole
 * batch) and written set-wise: one statement each for rejections, records with the cursor, aliases,
 * roster ids and roster changes (one relayed `record` change per accepted mutation). Every mutation was
 * judged before the transaction, so a rejected one consumes its id without aborting the rest, and a crash
 * leaves the whole batch applied or none of it. On SQLite the batches that queued meanwhile share one
 * commit, each in a savepoint of its own (see inSharedCommit); each is answered once it is durable.
 */
export async function applyPush(store: Store, carrierCode: string, request: PushRequest, options: PushOptions = {}): Promise<PushOutcome> {
  const now = (options.now ?? (() => new Date()))();
  const desk = { carrierCode, clientId: request.clientId };
  // A resend is judged only past the cursor as read without a lock; the cursor only moves forward, so
  // whatever the locked read adds to the seen prefix was judged for nothing, never the other way round.
  const seenBefore = await readCursor(store, desk);
  const verdicts = new Map(request.mutations.filter((m) => m.mutationId > seenBefore).map((m) => [m.mutationId, judge(m)]));
  return inSharedCommit(store, async (tx) => {
    const { last, deskName } = await claimDesk(tx, desk, request, now);
    const seen = request.mutations.filter((m) => m.mutationId <= last);
    const results = await answerSeen(tx, desk, seen);
    const fresh = request.mutations.slice(seen.length).map((m) => ({ m, verdict: verdicts.get(m.mutationId) ?? judge(m) }));
    if (fresh.length === 0) return { results };
    if (fresh[0]!.m.mutationId !== last + 1) return { results, expectedMutationId: last + 1 };

    const rejected = fresh.flatMap(({ m, verdict }) => (verdict.ok ? [] : [{ mutationId: m.mutationId, reason: verdict.reason }]));
    if (rejected.length > 0) {
      await tx.db
        .insertInto('rejections')
        .values(rejected.map((r) => ({ carrier_code: carrierCode, client_id: request.clientId, mutation_id: r.mutationId, reason: r.reason })))
        .execute();
    }
    const accepted = fresh.flatMap(({ m, verdict }) => (verdict.ok ? [{ m, data: verdict.data }] : []));
    const view = await readBatchView(tx, carrierCode, asksOf(accepted));
    const merged = mergeBatch(view, accepted, { clientId: request.clientId, desk: deskName }, now.toISOString());
    await writeRecords(tx, desk, merged.written, fresh.at(-1)!.m.mutationId, now.toISOString());
    await writeAliases(tx, carrierCode, merged.newAliases);
    await options.pause?.();
    const rosterIds = await numberStartups(tx, carrierCode, merged.admitted);
    await appendChanges(tx, carrierCode, [...merged.relayed, ...rosterIds], request.clientId);

    const reasons = new Map(rejected.map((r) => [r.mutationId, r.reason]));
    for (const { m } of fresh) {
      const reason = reasons.get(m.mutationId);
      results.push(reason === undefined ? merged.results.get(m.mutationId)! : { mutationId: m.mutationId, status: 'rejected', reason });
    }
    return { results };
  });
}

type Accepted = { m: Mutation; data: Fields | null };

/** Startup ids a record names: its own (a startup), its startupId, a session's startupIds. */
function startupIdsOf(entity: string, recordId: string, data: Fields | null): string[] {
  if (entity === 'startup') return [recordId];
  const ids = typeof data?.startupId === 'string' ? [data.startupId] : [];
  return Array.isArray(data?.startupIds) ? [...ids, ...(data.startupIds as string[])] : ids;
}

function asksOf(accepted: Accepted[]): BatchAsks {
  const ids = new Map<string, string[]>();
  const startupIds = new Set<string>();
  const creditCodes = new Set<string>();
  for (const { m, data } of accepted) {
    ids.set(m.entity, [...(ids.get(m.entity) ?? []), m.recordId]);
    for (const id of startupIdsOf(m.entity, m.recordId, data)) startupIds.add(id);
    if (m.entity === 'startup' && typeof data?.creditCode === 'string') creditCodes.add(data.creditCode);
  }
  return { ids: new Map([...ids].map(([e, list]) => [e, [...new Set(list)]])), startupIds: [...startupIds], creditCodes: [...creditCodes] };
}

/** A mutation naming a startup merged into another names the standing one instead. */
function rewriteAliases(entity: string, recordId: string, data: Fields | null, aliases: Map<string, string>): { recordId: string; data: Fields | null } {
  if (aliases.size === 0) return { recordId, data };
  const to = (id: string) => aliases.get(id) ?? id;
  if (entity === 'startup') return { recordId: to(recordId), data: data && { ...data, id: to(recordId) } };
  if (!data) return { recordId, data };
  const rewritten: Fields = { ...data };
  if (typeof data.startupId === 'string') rewritten.startupId = to(data.startupId);
  if (Array.isArray(data.startupIds)) rewritten.startupIds = (data.startupIds as string[]).map(to);
  return { recordId, data: rewritten };
}

const newConflictId = () => `cf_${randomBytes(9).toString('base64url')}`;

function contextFor(entity: string, recordId: string, at: string): MergeContext {
  const schema = recordSchemas[entity as Entity];
  return {
    entity,
    recordId,
    at,
    newConflictId,
    validate: (record) => {
      const parsed = schema.safeParse(record);
      return parsed.success ? (parsed.data as Fields) : undefined;
    },
    rosterOwned: rosterOwnedFields[entity as Entity] ?? [],
  };
}

const liveStartup = (held: HeldRecord | undefined): boolean => !!held?.record && held.record.voidedAt === undefined;

interface MergedBatch {
  results: Map<number, PushResult>;
  /** Each record's final state, once. */
  written: HeldRow[];
  newAliases: { aliasId: string; standingId: string }[];
  /** Startups (standing ids) the batch upserted, for their roster ids. */
  admitted: string[];
  relayed: ChangeBody[];
}

/** Merges each accepted mutation in order into the records as read, by the rules of core/sync/merge.ts. */
function mergeBatch(view: BatchView, accepted: Accepted[], desk: Omit<Origin, 'by'>, at: string): MergedBatch {
  const out: MergedBatch = { results: new Map(), written: [], newAliases: [], admitted: [], relayed: [] };
  const dirty = new Set<string>();
  for (const { m, data: sent } of accepted) {
    const { recordId, data } = rewriteAliases(m.entity, m.recordId, sent, view.aliases);
    const origin: Origin = m.by === undefined ? desk : { ...desk, by: m.by };
    const edit: Edit = { op: m.op, record: data, baseVersion: m.baseVersion, fields: m.fields, resolves: m.resolves, origin };
    const held = view.held.get(recordKey(m.entity, recordId));
    const code = m.entity === 'startup' && m.op === 'upsert' ? data?.creditCode : undefined;
    const standingId = !held && typeof code === 'string' ? view.byCreditCode.get(code) : undefined;
    const standing = standingId === undefined ? undefined : view.held.get(recordKey('startup', standingId));
    let stored: HeldRow;
    let absorbed: string | undefined;
    if (standingId !== undefined && standingId !== recordId && liveStartup(standing)) {
      // The same company admitted on two desks: the first stands, this id becomes its alias.
      absorbed = recordId;
      view.aliases.set(recordId, standingId);
      out.newAliases.push({ aliasId: recordId, standingId });
      stored = { entity: 'startup', recordId: standingId, ...absorbAdmission(standing!, edit, contextFor('startup', standingId, at)) };
    } else {
      stored = { entity: m.entity, recordId, ...mergeEdit(held, edit, contextFor(m.entity, recordId, at)) };
      if (typeof code === 'string' && liveStartup(stored) && !view.byCreditCode.has(code)) view.byCreditCode.set(code, recordId);
    }
    const key = recordKey(stored.entity, stored.recordId);
    view.held.set(key, stored);
    dirty.add(key);
    if (stored.entity === 'startup' && m.op === 'upsert') out.admitted.push(stored.recordId);

    const result: PushResult = { mutationId: m.mutationId, status: 'applied', version: stored.version };
    if (!sameValue(stored.record, m.op === 'delete' ? null : sent)) result.record = stored.record;
    if (stored.recordId !== m.recordId) result.recordId = stored.recordId;
    if (stored.conflicts.length > 0) result.conflicts = stored.conflicts;
    out.results.set(m.mutationId, result);
    out.relayed.push({
      kind: 'record',
      entity: stored.entity as Entity,
      recordId: stored.recordId,
      op: stored.record === null ? 'delete' : 'upsert',
      record: stored.record,
      version: stored.version,
      origin,
      conflicts: stored.conflicts,
      ...(absorbed === undefined ? {} : { absorbed }),
    });
  }
  out.written = [...dirty].sort().map((key) => view.held.get(key)!);
  return out;
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
 * Claims the batch's locks and answers the desk's last applied id: the carrier row (every batch of the
 * carrier's desks, from any process, waits here, so merges see each other whole and the roster's order is
 * the order batches commit), then the desk's cursor row (created if new). On the way the desk's row in
 * the list of desks is created or updated (name, last seen, pending); a revoked desk is refused here,
 * inside the lock, so a revocation applies from the next batch on. On PostgreSQL one statement (data-
 * modifying CTEs); SQLite has one writer, and its first write takes the write lock.
 */
async function claimDesk(store: Store, desk: Desk, request: PushRequest, now: Date): Promise<{ last: number; deskName: string }> {
  const seen = now.toISOString();
  const name = request.deskName?.trim() || desk.clientId;
  const pending = request.pending ?? null;
  let row: { last_mutation_id: number; name: string; revoked_at: string | null };
  if (store.dialect === 'pg') {
    const newName = request.deskName?.trim() ? sql`excluded.name` : sql`desks.name`;
    const { rows } = await sql<typeof row>`
      with carrier as (select code from carriers where code = ${desk.carrierCode} for update),
      desk as (
        insert into desks (carrier_code, client_id, name, joined_at, last_seen_at, pending)
        select code, ${desk.clientId}::text, ${name}::text, ${seen}::text, ${seen}::text, ${pending}::bigint from carrier
        on conflict (carrier_code, client_id) do update
        set last_seen_at = excluded.last_seen_at, name = ${newName}, pending = coalesce(excluded.pending, desks.pending)
        returning name, revoked_at
      )
      insert into client_cursors (carrier_code, client_id, last_mutation_id) select code, ${desk.clientId}::text, 0 from carrier
      on conflict (carrier_code, client_id) do update set last_mutation_id = client_cursors.last_mutation_id
      returning last_mutation_id, (select name from desk) as name, (select revoked_at from desk) as revoked_at`.execute(store.db);
    row = rows[0]!;
  } else {
    const listed = await store.db
      .insertInto('desks')
      .values({ carrier_code: desk.carrierCode, client_id: desk.clientId, name, joined_at: seen, last_seen_at: seen, pending })
      .onConflict((oc) =>
        oc.columns(['carrier_code', 'client_id']).doUpdateSet((eb) => ({
          last_seen_at: seen,
          name: request.deskName?.trim() ? name : eb.ref('desks.name'),
          pending: eb.fn.coalesce(eb.val(pending), eb.ref('desks.pending')),
        })),
      )
      .returning(['name', 'revoked_at'])
      .executeTakeFirstOrThrow();
    const cursor = await store.db
      .insertInto('client_cursors')
      .values({ carrier_code: desk.carrierCode, client_id: desk.clientId, last_mutation_id: 0 })
      .onConflict((oc) => oc.columns(['carrier_code', 'client_id']).doUpdateSet((eb) => ({ last_mutation_id: eb.ref('client_cursors.last_mutation_id') })))
      .returning('last_mutation_id')
      .executeTakeFirstOrThrow();
    row = { ...listed, ...cursor };
  }
  if (row.revoked_at) throw deskRevoked({ client_id: desk.clientId, name: row.name, revoked_at: row.revoked_at });
  return { last: row.last_mutation_id, deskName: row.name };
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
 * Each record the batch touched, written once with its final state (its version counts every mutation
 * that made it), in one statement that on PostgreSQL also moves the desk's cursor (a data-modifying CTE:
 * one round trip fewer per batch; SQLite runs in-process, so it takes two). The carrier is part of the
 * key, so ids never cross.
 */
async function writeRecords(store: Store, desk: Desk, written: HeldRow[], cursorTo: number, updated_at: string): Promise<void> {
  const withCursor = store.dialect === 'pg' && written.length > 0;
  if (!withCursor) await moveCursor(store, desk, cursorTo).execute();
  if (written.length === 0) return;
  // Rows in key order: two batches touching the same records lock them in the same order, never a deadlock.
  const db = withCursor ? store.db.with('cursor', () => moveCursor(store, desk, cursorTo)) : store.db;
  await db
    .insertInto('records')
    .values(
      written.map((r) => ({
        carrier_code: desk.carrierCode,
        entity: r.entity,
        record_id: r.recordId,
        data: r.record === null ? null : JSON.stringify(r.record),
        deleted: r.record === null ? 1 : 0,
        version: r.version,
        updated_at,
        field_versions: JSON.stringify(r.fieldVersions),
        origins: JSON.stringify(r.origins),
        conflicts: JSON.stringify(r.conflicts),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['carrier_code', 'entity', 'record_id']).doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'),
        deleted: eb.ref('excluded.deleted'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb.ref('excluded.version'),
        field_versions: eb.ref('excluded.field_versions'),
        origins: eb.ref('excluded.origins'),
        conflicts: eb.ref('excluded.conflicts'),
      })),
    )
    .execute();
}

async function writeAliases(store: Store, carrierCode: string, aliases: { aliasId: string; standingId: string }[]): Promise<void> {
  if (aliases.length === 0) return;
  await store.db
    .insertInto('record_aliases')
    .values(aliases.map((a) => ({ carrier_code: carrierCode, entity: 'startup', alias_id: a.aliasId, standing_id: a.standingId })))
    .execute();
}

/**
 * The roster numbers a startup the first time it sees it, counting per carrier (the carrier row's
 * counter, raised once per batch), and tells every desk of the carrier through a change.
 */
async function numberStartups(store: Store, carrierCode: string, startupIds: string[]): Promise<ChangeBody[]> {
  const unique = [...new Set(startupIds)];
  if (unique.length === 0) return [];
  const numbered = store.dialect === 'pg' ? await numberUnseenPg(store, carrierCode, unique) : await numberUnseen(store, carrierCode, unique);
  return numbered.map(({ startupId, number }) => ({ kind: 'rosterId', startupId, rosterId: formatRosterId(number) }));
}

type Numbered = { startupId: string; number: number };

/** Finds the startups without a roster id, raises the carrier's counter by their count and numbers them after it. */
async function numberUnseen(store: Store, carrierCode: string, unique: string[]): Promise<Numbered[]> {
  const known = await store.db
    .selectFrom('roster_ids')
    .select('startup_id')
    .where(sql<boolean>`(carrier_code, startup_id) in ${keyList(store, [carrierCode], unique)}`)
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
 * order the startups came; the known ones looked up by key (see keyList), not found by reading the
 * carrier's every roster id. The update of the carrier row is still the lock; a startup another desk of
 * this carrier numbered meanwhile keeps its number (ON CONFLICT DO NOTHING), as above.
 */
async function numberUnseenPg(store: Store, carrierCode: string, unique: string[]): Promise<Numbered[]> {
  const { rows } = await sql<{ startup_id: string; number: number }>`
    with given as (select id, ord from unnest(${unique}::text[]) with ordinality as g(id, ord)),
    known as (select startup_id from roster_ids where (carrier_code, startup_id) in ${keyList(store, [carrierCode], unique)}),
    unseen as (select id, row_number() over (order by ord) as n from given where id not in (select startup_id from known)),
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
