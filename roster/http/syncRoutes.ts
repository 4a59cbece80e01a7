import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pushRequestSchema } from '@core/sync/protocol';
import { parseInput, RosterError } from '../errors';
import { storable } from '../storableText';
import { readChanges } from '../store/changes';
import { recordPull } from '../store/desks';
import { applyPush } from '../store/push';
import { readSnapshot } from '../store/snapshot';
import { deskOf, requireCarrierToken } from './carrierAuth';
import type { AppOptions } from './options';

const pullQuery = storable(
  z.object({
    since: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    clientId: pushRequestSchema.shape.clientId.optional(),
  }),
);

const snapshotQuery = z.object({
  after: z.string().max(400).optional(),
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
  const now = options.now ?? (() => new Date());
  const pause = options.applyDelayMs ? () => sleep(options.applyDelayMs) : undefined;
  requireCarrierToken(app, store);

  app.post('/v1/sync/push', async (request, reply) => {
    const body = parseInput(pushBody, request.body);
    const { caller } = request;
    if (body.carrierCode !== caller.code) {
      throw new RosterError(403, 'forbidden', `this token belongs to carrier ${caller.code}, not ${body.carrierCode}`);
    }
    deskOf(caller, body.clientId);
    // A removed carrier may still pull (so its desk learns the status) but no longer reports.
    if (caller.status === 'removed') {
      throw new RosterError(403, 'carrier_removed', `carrier ${caller.code} has been removed from the roster (移出) and may no longer push`);
    }
    const outcome = await applyPush(store, caller.code, body, { now, pause });
    if (outcome.expectedMutationId === undefined) return outcome;
    return reply.code(409).send({
      error: 'gap',
      reason: `mutationId ${outcome.expectedMutationId} has not arrived; resend from it`,
      ...outcome,
    });
  });

  app.get('/v1/sync/pull', async (request) => {
    const { since, limit, clientId } = parseInput(pullQuery, request.query);
    const { caller } = request;
    const desk = deskOf(caller, clientId);
    if (since < caller.compactedTo) {
      throw new RosterError(
        410,
        'compacted',
        `the carrier's changes up to ${caller.compactedTo} were compacted; rebuild this desk from GET /v1/sync/snapshot (its outbox is kept) and pull from the snapshot's cursor`,
      );
    }
    if (desk !== undefined) await recordPull(store, caller.code, desk, since, now());
    return readChanges(store, caller.code, since, limit, desk);
  });

  app.get('/v1/sync/snapshot', async (request) => {
    const { after, limit } = parseInput(snapshotQuery, request.query);
    return readSnapshot(store, request.caller.code, after, limit);
  });
}
