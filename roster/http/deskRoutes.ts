import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { joinRequestSchema, pushRequestSchema } from '@core/sync/protocol';
import { parseInput, RosterError } from '../errors';
import { storable } from '../storableText';
import { createJoinCode, joinDesk, listDesks, revokeDesk } from '../store/desks';
import { requireCarrierToken } from './carrierAuth';
import type { AppOptions } from './options';

const joinBody = storable(joinRequestSchema.extend({ deskName: joinRequestSchema.shape.deskName.transform((s) => s.trim()).pipe(z.string().min(1)) }));
const deskParams = storable(z.object({ clientId: pushRequestSchema.shape.clientId }));

/** The join code is the only credential: no token, once, within 24 hours (the request limits apply as everywhere). */
export async function joinRoute(app: FastifyInstance, options: AppOptions): Promise<void> {
  const now = options.now ?? (() => new Date());
  app.post('/v1/desks/join', async (request) => joinDesk(options.store, parseInput(joinBody, request.body), now()));
}

/** The carrier's desks, for the manager at any of them (or automation with the carrier token). */
export async function deskRoutes(app: FastifyInstance, options: AppOptions): Promise<void> {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  requireCarrierToken(app, store);

  app.post('/v1/desks/join-codes', async (request) => createJoinCode(store, request.caller.code, now()));
  app.get('/v1/desks', async (request) => listDesks(store, request.caller.code));
  app.post('/v1/desks/:clientId/revoke', async (request) => {
    const { clientId } = parseInput(deskParams, request.params);
    if (clientId === request.caller.deskClientId) {
      throw new RosterError(400, 'bad_request', 'a desk cannot revoke itself: revoke it from another desk of the carrier');
    }
    return revokeDesk(store, request.caller.code, clientId, now());
  });
}
