import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/schema';
import { RosterError } from '../errors';
import { deskRevoked } from '../store/desks';
import { type Caller, callerOfToken } from '../store/tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request: the carrier (the only rows it may touch) and, for a desk token, the desk. */
    caller: Caller;
  }
}

/**
 * Every request of the routes registered after it must carry a token of a carrier: the carrier's own or
 * one of its desks'. A revoked desk's token is refused here, before anything is read for it.
 */
export function requireCarrierToken(app: FastifyInstance, store: Store): void {
  app.decorateRequest('caller', undefined as unknown as Caller);
  app.addHook('onRequest', async (request) => {
    const caller = await callerOfToken(store, request.headers.authorization);
    if (caller.revoked) throw deskRevoked(caller.revoked);
    request.caller = caller;
  });
}

/** The desk a request speaks for: a desk token's own clientId (another is refused), else the one it names. */
export function deskOf(caller: Caller, clientId: string | undefined): string | undefined {
  if (caller.deskClientId === undefined) return clientId;
  if (clientId !== undefined && clientId !== caller.deskClientId) {
    throw new RosterError(403, 'forbidden', `this token belongs to desk ${caller.deskClientId}, not ${clientId}`);
  }
  return caller.deskClientId;
}
