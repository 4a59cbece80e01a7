import { randomInt } from 'node:crypto';
import type { DeskInfo, JoinResponse } from '@core/sync/protocol';
import type { Store } from '../db/schema';
import { RosterError } from '../errors';
import { hashToken, newDeskToken } from './tokens';

/** A join code works once, for this long after it was made. */
export const joinCodeLifetimeMs = 24 * 60 * 60 * 1000;

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not mistaken. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What a person typed, as the code was made: case, dashes and spaces ignored, I/L read as 1 and O as 0. */
export const normalizeJoinCode = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');

/** Refused the same way whether the code is unknown, used or expired: an attacker learns nothing from which. */
const invalidCode = () =>
  new RosterError(403, 'join_code_invalid', 'this join code is not valid: it may be mistyped, already used or older than 24 hours; ask for a new one');

export function deskRevoked(desk: { client_id: string; name: string; revoked_at: string | null }): RosterError {
  return new RosterError(
    403,
    'desk_revoked',
    `desk ${desk.name} (${desk.client_id}) was revoked at ${desk.revoked_at}: the roster takes nothing more from it, and what it has not pushed is refused. ` +
      'Its records stay on it and can still be exported; to work again, join with a new join code.',
  );
}

/** One join code for the carrier; only its hash is stored, so the code itself is shown once, here. */
export async function createJoinCode(store: Store, carrierCode: string, now: Date): Promise<{ code: string; expiresAt: string }> {
  const raw = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
  const expiresAt = new Date(now.getTime() + joinCodeLifetimeMs).toISOString();
  await store.db
    .insertInto('join_codes')
    .values({ code_hash: hashToken(raw), carrier_code: carrierCode, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { code: raw.match(/.{4}/g)!.join('-'), expiresAt };
}

/**
 * A new desk joins with a code: the code is used up in the same statement that checks it (two desks
 * sending one code at once: one gets it), and the desk gets a token of its own, bound to its clientId.
 */
export async function joinDesk(store: Store, input: { joinCode: string; clientId: string; deskName: string }, now: Date): Promise<JoinResponse> {
  const token = newDeskToken();
  return store.db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('join_codes')
      .set({ used_at: now.toISOString(), used_by: input.clientId })
      .where('code_hash', '=', hashToken(normalizeJoinCode(input.joinCode)))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .returning('carrier_code')
      .executeTakeFirst();
    if (!used) throw invalidCode();
    const carrier = await trx.selectFrom('carriers').select(['code', 'name']).where('code', '=', used.carrier_code).executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('desks')
      .select(['client_id', 'name', 'revoked_at'])
      .where('carrier_code', '=', carrier.code)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    // A revoked desk stays revoked: it joins again as a new desk (a new clientId), never as the old one.
    if (existing?.revoked_at) throw deskRevoked(existing);
    await trx
      .insertInto('desks')
      .values({ carrier_code: carrier.code, client_id: input.clientId, name: input.deskName, token_hash: hashToken(token), joined_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['carrier_code', 'client_id']).doUpdateSet({ name: input.deskName, token_hash: hashToken(token) }))
      .execute();
    return { carrierCode: carrier.code, carrierName: carrier.name, token };
  });
}

/** The carrier's desks, revoked ones too, the most recently seen first. */
export async function listDesks(store: Store, carrierCode: string): Promise<{ desks: DeskInfo[] }> {
  const rows = await store.db
    .selectFrom('desks')
    .select(['client_id', 'name', 'joined_at', 'last_seen_at', 'pending', 'revoked_at'])
    .where('carrier_code', '=', carrierCode)
    .orderBy((eb) => eb.fn.coalesce('last_seen_at', eb.val('')), 'desc')
    .orderBy('joined_at', 'desc')
    .execute();
  return { desks: rows.map(deskInfo) };
}

type DeskRow = { client_id: string; name: string; joined_at: string; last_seen_at: string | null; pending: number | null; revoked_at: string | null };

const deskInfo = (r: DeskRow): DeskInfo => ({
  clientId: r.client_id,
  name: r.name,
  joinedAt: r.joined_at,
  lastSeenAt: r.last_seen_at,
  pending: r.pending === null ? null : Number(r.pending),
  revokedAt: r.revoked_at,
});

/** Revokes a desk at once: its token and its clientId are refused from the next request on. */
export async function revokeDesk(store: Store, carrierCode: string, clientId: string, now: Date): Promise<{ desk: DeskInfo }> {
  const row = await store.db
    .updateTable('desks')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now.toISOString())) }))
    .where('carrier_code', '=', carrierCode)
    .where('client_id', '=', clientId)
    .returning(['client_id', 'name', 'joined_at', 'last_seen_at', 'pending', 'revoked_at'])
    .executeTakeFirst();
  if (!row) throw new RosterError(404, 'not_found', `carrier ${carrierCode} has no desk ${clientId}`);
  return { desk: deskInfo(row) };
}

/** Refuses a revoked desk (by its clientId, whichever token it sends). */
export async function requireUnrevoked(store: Store, carrierCode: string, clientId: string): Promise<void> {
  const desk = await store.db
    .selectFrom('desks')
    .select(['client_id', 'name', 'revoked_at'])
    .where('carrier_code', '=', carrierCode)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (desk?.revoked_at) throw deskRevoked(desk);
}

/**
 * A pull from `since`: the desk has applied everything up to it, which is what compaction may delete.
 * A desk first seen here (the carrier token, before any push) gets its row, so compaction waits for it.
 */
export async function recordPull(store: Store, carrierCode: string, clientId: string, since: number, now: Date): Promise<void> {
  const seen = now.toISOString();
  const updated = await store.db
    .insertInto('desks')
    .values({ carrier_code: carrierCode, client_id: clientId, name: clientId, joined_at: seen, last_seen_at: seen, pulled_to: since })
    .onConflict((oc) =>
      oc
        .columns(['carrier_code', 'client_id'])
        .doUpdateSet({ pulled_to: since, last_seen_at: seen })
        .where('desks.revoked_at', 'is', null),
    )
    .returning('client_id')
    .executeTakeFirst();
  if (!updated) await requireUnrevoked(store, carrierCode, clientId);
}
