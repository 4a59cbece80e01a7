import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { RosterError } from '../errors';
import type { CarrierStatus, Store } from '../db/schema';

/** The carrier's token, issued by the authority. */
export const newToken = (): string => `rst_${randomBytes(32).toString('base64url')}`;

/** A desk's own token, given when it joins with a join code; bound to the desk's clientId. */
export const newDeskToken = (): string => `rsd_${randomBytes(32).toString('base64url')}`;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Equal-length digests so the comparison takes the same time whatever was sent. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(hashToken(given), 'hex'), Buffer.from(hashToken(expected), 'hex'));
}

export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) throw new RosterError(401, 'unauthorized', 'missing bearer token (Authorization: Bearer <token>)');
  return match[1];
}

/** Who sent a sync request: the carrier, and the desk when the token is a desk's own. */
export interface Caller {
  code: string;
  status: CarrierStatus;
  compactedTo: number;
  /** The clientId a desk token is bound to; absent for the carrier token. */
  deskClientId?: string;
  /** Set when that desk was revoked. */
  revoked?: { client_id: string; name: string; revoked_at: string };
}

/** The carrier (and desk) a bearer token was issued to. */
export async function callerOfToken(store: Store, header: string | undefined): Promise<Caller> {
  const token = bearerToken(header);
  const hash = hashToken(token);
  const carrierColumns = ['carriers.code', 'carriers.status', 'carriers.compacted_to'] as const;
  if (!token.startsWith('rsd_')) {
    const row = await store.db.selectFrom('carriers').select(carrierColumns).where('token_hash', '=', hash).executeTakeFirst();
    if (!row) throw new RosterError(401, 'unauthorized', 'unknown or revoked token');
    return { code: row.code, status: row.status, compactedTo: Number(row.compacted_to) };
  }
  const desk = await store.db
    .selectFrom('desks')
    .innerJoin('carriers', 'carriers.code', 'desks.carrier_code')
    .select([...carrierColumns, 'desks.client_id', 'desks.name', 'desks.revoked_at'])
    .where('desks.token_hash', '=', hash)
    .executeTakeFirst();
  if (!desk) throw new RosterError(401, 'unauthorized', 'unknown or revoked token');
  const caller: Caller = { code: desk.code, status: desk.status, compactedTo: Number(desk.compacted_to), deskClientId: desk.client_id };
  return desk.revoked_at ? { ...caller, revoked: { client_id: desk.client_id, name: desk.name, revoked_at: desk.revoked_at } } : caller;
}
