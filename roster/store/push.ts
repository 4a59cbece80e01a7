import { type Entity, recordSchemas } from '@core/records';
import { type Mutation, type PushRequest, type PushResult, rosterOwnedFields } from '@core/sync/protocol';
import { describeIssues } from '../errors';
import { findBadText, textProblem, textProblemKey } from '../storableText';
import type { Store } from '../db/schema';
import { appendChange } from './changes';

export type PushOutcome = { results: PushResult[]; expectedMutationId?: number };

/** What a mutation will write, decided before its transaction so validation holds no lock. */
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
 * Applies a batch in order, each mutation in its own transaction together with advancing the desk's
 * lastMutationId, so a crash leaves every mutation either fully applied or not at all. Stops at a gap.
 * `pause` lets the crash test hold a transaction open; it is never set in production.
 */
export async function applyPush(
  store: Store,
  carrierCode: string,
  request: PushRequest,
  pause?: () => Promise<void>,
): Promise<PushOutcome> {
  const desk = { carrierCode, clientId: request.clientId };
  await store.db
    .insertInto('client_cursors')
    .values({ carrier_code: carrierCode, client_id: request.clientId, last_mutation_id: 0 })
    .onConflict((oc) => oc.columns(['carrier_code', 'client_id']).doNothing())
    .execute();

  const results: PushResult[] = [];
  for (const m of request.mutations) {
    const verdict = judge(m);
    const outcome = await store.db.transaction().execute(async (trx) => {
      const tx = { ...store, db: trx };
      // Claiming the id by a conditional update is also the row lock on PostgreSQL: a concurrent
      // push of the same id waits here, then finds it taken.
      const claimed = await trx
        .updateTable('client_cursors')
        .set({ last_mutation_id: m.mutationId })
        .where('carrier_code', '=', carrierCode)
        .where('client_id', '=', request.clientId)
        .where('last_mutation_id', '=', m.mutationId - 1)
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return alreadySeen(tx, desk, m.mutationId);
      await pause?.();
      if (!verdict.ok) {
        await trx
          .insertInto('rejections')
          .values({ carrier_code: carrierCode, client_id: request.clientId, mutation_id: m.mutationId, reason: verdict.reason })
          .execute();
        return { mutationId: m.mutationId, status: 'rejected', reason: verdict.reason } satisfies PushResult;
      }
      const version = await writeRecord(tx, carrierCode, m, verdict.data);
      if (m.entity === 'startup' && m.op === 'upsert') await assignRosterId(tx, carrierCode, m.recordId);
      return { mutationId: m.mutationId, status: 'applied', version } satisfies PushResult;
    });
    if ('expectedMutationId' in outcome) return { results, expectedMutationId: outcome.expectedMutationId };
    results.push(outcome);
  }
  return { results };
}

/** An id the cursor did not accept: seen before (duplicate or the stored rejection) or ahead of a gap. */
async function alreadySeen(
  store: Store,
  desk: { carrierCode: string; clientId: string },
  mutationId: number,
): Promise<PushResult | { expectedMutationId: number }> {
  const cursor = await store.db
    .selectFrom('client_cursors')
    .select('last_mutation_id')
    .where('carrier_code', '=', desk.carrierCode)
    .where('client_id', '=', desk.clientId)
    .executeTakeFirstOrThrow();
  if (mutationId > cursor.last_mutation_id) return { expectedMutationId: cursor.last_mutation_id + 1 };
  const rejection = await store.db
    .selectFrom('rejections')
    .select('reason')
    .where('carrier_code', '=', desk.carrierCode)
    .where('client_id', '=', desk.clientId)
    .where('mutation_id', '=', mutationId)
    .executeTakeFirst();
  return rejection ? { mutationId, status: 'rejected', reason: rejection.reason } : { mutationId, status: 'duplicate' };
}

/** Upsert or tombstone, bumping the version; the carrier is part of the key, so ids never cross. */
async function writeRecord(store: Store, carrierCode: string, m: Mutation, data: string | null): Promise<number> {
  const row = await store.db
    .insertInto('records')
    .values({
      carrier_code: carrierCode,
      entity: m.entity,
      record_id: m.recordId,
      data,
      deleted: m.op === 'delete' ? 1 : 0,
      version: 1,
      updated_at: new Date().toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(['carrier_code', 'entity', 'record_id']).doUpdateSet((eb) => ({
        data: eb.ref('excluded.data'),
        deleted: eb.ref('excluded.deleted'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb('records.version', '+', 1),
      })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * The roster numbers a startup the first time it sees it, counting per carrier (the carrier row's counter
 * is also the lock that keeps two desks of one carrier from taking the same number), and tells the desk
 * through a change.
 */
async function assignRosterId(store: Store, carrierCode: string, startupId: string): Promise<void> {
  const known = await store.db
    .selectFrom('roster_ids')
    .select('id')
    .where('carrier_code', '=', carrierCode)
    .where('startup_id', '=', startupId)
    .executeTakeFirst();
  if (known) return;
  const { roster_ids_issued: number } = await store.db
    .updateTable('carriers')
    .set((eb) => ({ roster_ids_issued: eb('roster_ids_issued', '+', 1) }))
    .where('code', '=', carrierCode)
    .returning('roster_ids_issued')
    .executeTakeFirstOrThrow();
  const row = await store.db
    .insertInto('roster_ids')
    .values({ carrier_code: carrierCode, startup_id: startupId, number })
    .onConflict((oc) => oc.columns(['carrier_code', 'startup_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) await appendChange(store, carrierCode, { kind: 'rosterId', startupId, rosterId: formatRosterId(number) });
}
