import type { Store } from '../db/schema';
import { RosterError } from '../errors';

export interface Compacted {
  carrierCode: string;
  /** Relayed record changes at or below this seq are gone; a desk pulling from below it rebuilds from a snapshot. */
  compactedTo: number;
  deleted: number;
}

/**
 * Deletes the relayed record changes every live desk of the carrier has pulled past (the lowest
 * `pulled_to` of its desks not revoked); the roster's decisions stay. The records table keeps the
 * current state, so nothing is lost: a desk that was behind rebuilds from a snapshot (410 on pull).
 * A carrier without a live desk is left as it is.
 */
export async function compactCarrier(store: Store, carrierCode: string): Promise<Compacted> {
  return store.db.transaction().execute(async (trx) => {
    // The carrier row first: pushes of its desks wait, so no change below the point is being written.
    const carrier = await trx.selectFrom('carriers').select('compacted_to').where('code', '=', carrierCode).$if(store.dialect === 'pg', (q) => q.forUpdate()).executeTakeFirst();
    if (!carrier) throw new RosterError(404, 'not_found', `unknown carrier ${carrierCode}`);
    const { low } = await trx
      .selectFrom('desks')
      .select((eb) => eb.fn.min('pulled_to').as('low'))
      .where('carrier_code', '=', carrierCode)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    const point = low === null ? 0 : Number(low);
    const done = Number(carrier.compacted_to);
    if (point <= done) return { carrierCode, compactedTo: done, deleted: 0 };
    const deleted = await trx
      .deleteFrom('roster_changes')
      .where('carrier_code', '=', carrierCode)
      .where('kind', '=', 'record')
      .where('seq', '<=', point)
      .executeTakeFirst();
    await trx.updateTable('carriers').set({ compacted_to: point }).where('code', '=', carrierCode).execute();
    return { carrierCode, compactedTo: point, deleted: Number(deleted.numDeletedRows) };
  });
}

/** One carrier, or every carrier in turn (one transaction each). */
export async function compactChanges(store: Store, carrierCode?: string): Promise<Compacted[]> {
  const codes = carrierCode ? [carrierCode] : (await store.db.selectFrom('carriers').select('code').orderBy('code').execute()).map((c) => c.code);
  const done: Compacted[] = [];
  for (const code of codes) done.push(await compactCarrier(store, code));
  return done;
}
