import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { RosterError } from '../errors';
import type { CarrierStatus, Store } from '../db/schema';

export const newToken = (): string => `rst_${randomBytes(32).toString('base64url')}`;

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

/** The carrier a bearer token was issued to, and its roster status. */
export async function carrierOfToken(store: Store, header: string | undefined): Promise<{ code: string; status: CarrierStatus }> {
  const row = await store.db
    .selectFrom('carriers')
    .select(['code', 'status'])
    .where('token_hash', '=', hashToken(bearerToken(header)))
    .executeTakeFirst();
  if (!row) throw new RosterError(401, 'unauthorized', 'unknown or revoked token');
  return row;
}
