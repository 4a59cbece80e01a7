import type { Store } from '../db/schema';
import { RosterError } from '../errors';
import { appendChange, type ChangeBody } from '../store/changes';
import { hashToken, newToken } from '../store/tokens';
import type { CarrierInput, CarrierStatusInput, KeyProjectInput, TemplateInput, VerificationInput } from './inputs';

/**
 * What an authority does. Each decision is stored as a roster change the carrier's desk pulls. A caller
 * that must record more in the same commit (the console's audit entry) passes a store whose db is its own
 * transaction; otherwise each action opens one.
 */

function inTransaction<T>(store: Store, work: (store: Store) => Promise<T>): Promise<T> {
  if (store.db.isTransaction) return work(store);
  return store.db.transaction().execute((trx) => work({ ...store, db: trx }));
}

export async function createCarrier(store: Store, input: CarrierInput): Promise<{ code: string; token: string }> {
  const token = newToken();
  await inTransaction(store, async (tx) => {
    const inserted = await tx.db
      .insertInto('carriers')
      .values({ code: input.code, name: input.name, status: 'listed', token_hash: hashToken(token), created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .executeTakeFirst();
    if (!inserted) throw new RosterError(409, 'conflict', `carrier ${input.code} already exists`);
    await appendChange(tx, input.code, { kind: 'carrierStatus', rosterCode: input.code, status: 'listed' });
  });
  return { code: input.code, token };
}

/** A new token replaces the old one at once (a lost or leaked token is revoked this way). */
export async function reissueToken(store: Store, code: string): Promise<{ code: string; token: string }> {
  const token = newToken();
  const updated = await store.db.updateTable('carriers').set({ token_hash: hashToken(token) }).where('code', '=', code).executeTakeFirst();
  if (!updated.numUpdatedRows) throw unknownCarrier(code);
  return { code, token };
}

export async function setCarrierStatus(store: Store, code: string, input: CarrierStatusInput): Promise<{ seq: number }> {
  return inTransaction(store, async (tx) => {
    const updated = await tx.db.updateTable('carriers').set({ status: input.status }).where('code', '=', code).executeTakeFirst();
    if (!updated.numUpdatedRows) throw unknownCarrier(code);
    const seq = await appendChange(tx, code, { kind: 'carrierStatus', rosterCode: code, status: input.status });
    return { seq };
  });
}

/** Also keeps the version it saw: the console's queue shows the startup again once the desk changes it. */
export async function verifyStartup(store: Store, carrierCode: string, startupId: string, input: VerificationInput): Promise<{ seq: number }> {
  return inTransaction(store, async (tx) => {
    const version = await requireStartup(tx, carrierCode, startupId);
    const verified = { verified_version: version, result: input.result, verified_at: new Date().toISOString() };
    await tx.db
      .insertInto('startup_verifications')
      .values({ carrier_code: carrierCode, startup_id: startupId, ...verified })
      .onConflict((oc) => oc.columns(['carrier_code', 'startup_id']).doUpdateSet(verified))
      .execute();
    return decide(tx, carrierCode, { kind: 'verification', startupId, ...input });
  });
}

export async function designateKeyProject(
  store: Store,
  carrierCode: string,
  startupId: string,
  input: KeyProjectInput,
): Promise<{ seq: number }> {
  await requireStartup(store, carrierCode, startupId);
  return decide(store, carrierCode, { kind: 'keyProject', startupId, designated: input.designated });
}

/** Templates go to every carrier. */
export async function publishTemplate(store: Store, template: TemplateInput): Promise<{ seq: number }> {
  return decide(store, null, { kind: 'template', template: { ...template, published: true } });
}

/** appendChange needs a transaction: its PostgreSQL lock lasts until commit. */
async function decide(store: Store, carrierCode: string | null, change: ChangeBody): Promise<{ seq: number }> {
  const seq = await inTransaction(store, (tx) => appendChange(tx, carrierCode, change));
  return { seq };
}

const unknownCarrier = (code: string) => new RosterError(404, 'not_found', `unknown carrier ${code}`);

/** The carrier's code, or 404 when the roster has no such carrier. */
export async function requireCarrier(store: Store, code: string): Promise<string> {
  const row = await store.db.selectFrom('carriers').select('code').where('code', '=', code).executeTakeFirst();
  if (!row) throw unknownCarrier(code);
  return row.code;
}

/** The startup's current version. */
async function requireStartup(store: Store, carrierCode: string, startupId: string): Promise<number> {
  const row = await store.db
    .selectFrom('records')
    .select('version')
    .where('carrier_code', '=', carrierCode)
    .where('entity', '=', 'startup')
    .where('record_id', '=', startupId)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  if (!row) throw new RosterError(404, 'not_found', `carrier ${carrierCode} has not reported startup ${startupId}`);
  return row.version;
}
