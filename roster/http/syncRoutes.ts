import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pushRequestSchema } from '@core/sync/protocol';
import type { CarrierStatus } from '../db/schema';
import { parseInput, RosterError } from '../errors';
import { storable } from '../storableText';
import { readChanges } from '../store/changes';
import { applyPush } from '../store/push';
import { carrierOfToken } from '../store/tokens';
import type { AppOptions } from './options';

declare module 'fastify' {
  interface FastifyRequest {
    /** The carrier the bearer token was issued to: the only rows this request may touch. */
    carrierCode: string;
    carrierStatus: CarrierStatus;
  }
}

const pullQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** The desk sends its outbox in order; a batch that skips or repeats an id inside itself is malformed. */
const pushBody = pushRequestSchema
  .extend({ carrierCode: storable(pushRequestSchema.shape.carrierCode), clientId: storable(pushRequestSchema.shape.clientId) })
  .refine(
    (b) => b.mutations.every((m, i) => i === 0 || m.mutationId === b.mutations[i - 1]!.mutationId + 1),
    { message: 'mutations: mutationIds in a batch must count up by one', path: ['mutations'] },
  );

export async function syncRoutes(app: FastifyInstance, options: AppOptions): Promise<void> {
  const { store } = options;
  const pause = options.applyDelayMs ? () => sleep(options.applyDelayMs) : undefined;

  app.decorateRequest('carrierCode', '');
  app.decorateRequest('carrierStatus', 'listed');
  app.addHook('onRequest', async (request) => {
    const carrier = await carrierOfToken(store, request.headers.authorization);
    request.carrierCode = carrier.code;
    request.carrierStatus = carrier.status;
  });

  app.post('/v1/sync/push', async (request, reply) => {
    const body = parseInput(pushBody, request.body);
    if (body.carrierCode !== request.carrierCode) {
      throw new RosterError(403, 'forbidden', `this token belongs to carrier ${request.carrierCode}, not ${body.carrierCode}`);
    }
    // A removed carrier may still pull (so its desk learns the status) but no longer reports.
    if (request.carrierStatus === 'removed') {
      throw new RosterError(403, 'carrier_removed', `carrier ${request.carrierCode} has been removed from the roster (移出) and may no longer push`);
    }
    const outcome = await applyPush(store, request.carrierCode, body, pause);
    if (outcome.expectedMutationId === undefined) return outcome;
    return reply.code(409).send({
      error: 'gap',
      reason: `mutationId ${outcome.expectedMutationId} has not arrived; resend from it`,
      ...outcome,
    });
  });

  app.get('/v1/sync/pull', async (request) => {
    const { since, limit } = parseInput(pullQuery, request.query);
    return readChanges(store, request.carrierCode, since, limit);
  });
}
