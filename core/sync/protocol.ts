import { z } from 'zod';
import { type Entity, entities } from '../records';

/** ROSTER-SYNC.md: one outbox entry per repository write, numbered per desk without gaps. */
export const mutationSchema = z.object({
  mutationId: z.number().int().min(1),
  entity: z.enum(entities as [string, ...string[]]),
  recordId: z.string().min(1).max(100),
  op: z.enum(['upsert', 'delete']),
  record: z.unknown(),
  createdAt: z.string(),
});
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * Fields of a desk record that only the roster writes (ROSTER-SYNC.md "Who owns what"). The desk keeps
 * the roster's values on its records, so its upserts carry them back; the roster ignores them there.
 */
export const rosterOwnedFields: Partial<Record<Entity, readonly string[]>> = {
  startup: ['rosterId', 'verification', 'verificationNote', 'keyProjectDesignated'],
  carrier: ['rosterStatus'],
  template: ['published'],
};

export interface OutboxEntry extends Mutation {
  seq?: number;
  clientId: string;
}

export const pushRequestSchema = z.object({
  carrierCode: z.string().min(1).max(40),
  clientId: z.string().min(8).max(64),
  mutations: z.array(mutationSchema).min(1).max(500),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResultSchema = z.object({
  mutationId: z.number().int(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  version: z.number().int().optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  /** Set when the batch did not start at lastMutationId + 1: the desk resends from here. */
  expectedMutationId: z.number().int().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Roster-owned decisions written back to the desk, in the roster's total order. */
export const rosterChangeSchema = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int(), kind: z.literal('carrierStatus'), rosterCode: z.string(), status: z.enum(['listed', 'rectify', 'removed']) }),
  z.object({ seq: z.number().int(), kind: z.literal('rosterId'), startupId: z.string(), rosterId: z.string() }),
  z.object({ seq: z.number().int(), kind: z.literal('verification'), startupId: z.string(), result: z.enum(['verified', 'mismatch']), note: z.string().optional() }),
  z.object({ seq: z.number().int(), kind: z.literal('keyProject'), startupId: z.string(), designated: z.boolean() }),
  z.object({ seq: z.number().int(), kind: z.literal('template'), template: z.unknown() }),
]);
export type RosterChange = z.infer<typeof rosterChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(rosterChangeSchema),
  cursor: z.number().int(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
