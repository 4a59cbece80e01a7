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
  /**
   * Several desks (ROSTER-SYNC.md "Several desks"): the roster version of the record this edit was made
   * on (0 for a record the desk created). Absent (a desk of before) means "made on the current version":
   * the record replaces the stored one whole, as it always did.
   */
  baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** The top-level fields this edit changed, against the record as it was before it; absent = every field. */
  fields: z.array(z.string().min(1).max(64)).max(200).optional(),
  /** The person at the desk who made the edit (the desk's operator), for the other desks' audit entries. */
  by: z.string().max(100).optional(),
  /** Conflicts (their ids) this edit settles: the manager chose a value for the field. */
  resolves: z.array(z.string().min(1).max(64)).max(200).optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

/**
 * The same field edited on two desks concurrently: the later edit in the roster's order won; the value
 * it replaced is kept here, shown on the record on every desk until the manager settles it (an edit whose
 * `resolves` names it). A void that won over an edit keeps the edit's values here too, one per field.
 */
export const conflictSchema = z.object({
  /** Unique within the carrier, given by the roster. */
  id: z.string().min(1).max(64),
  entity: z.enum(entities as [string, ...string[]]),
  recordId: z.string().min(1).max(100),
  field: z.string().min(1).max(64),
  /** The value that lost (undefined when the losing side had no value). */
  lost: z.unknown(),
  /** The value the record holds. */
  kept: z.unknown(),
  lostBy: z.object({ clientId: z.string(), desk: z.string(), by: z.string().optional() }),
  keptBy: z.object({ clientId: z.string(), desk: z.string(), by: z.string().optional() }),
  /** Why there is a conflict: the same field on two desks, a void over an edit, a finalized evaluation, or two admissions of one company. */
  cause: z.enum(['field', 'void', 'finalized', 'sameCompany']),
  at: z.string(),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** Who made a relayed change: the desk (its id and name) and the person at it. */
export const originSchema = z.object({ clientId: z.string(), desk: z.string(), by: z.string().optional() });
export type Origin = z.infer<typeof originSchema>;

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
  /** The desk's own name, shown in the carrier's list of desks (this PC, "field laptop" …). */
  deskName: z.string().max(60).optional(),
  /** How many entries the desk's outbox held when it sent this batch, shown in the list of desks. */
  pending: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResultSchema = z.object({
  mutationId: z.number().int(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  version: z.number().int().optional(),
  /**
   * Set when the roster holds something other than what was sent (a merge with another desk's edit, a
   * void that won, an admission merged into an earlier one): the record as the roster now holds it, which
   * the desk stores in place of its own (null for a tombstone).
   */
  record: z.unknown().optional(),
  /** Set when the record was merged into another (the same company admitted twice): the id that stands. */
  recordId: z.string().optional(),
  /** The record's open conflicts after this mutation (absent when it has none). */
  conflicts: z.array(conflictSchema).optional(),
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
  /** A province's support rule set as the authority published it (`province`: the region code's first two digits); `rules` is core's supportRulesSchema. */
  z.object({ seq: z.number().int(), kind: z.literal('supportRules'), province: z.string().regex(/^\d{2}$/), rules: z.unknown() }),
  /**
   * Several desks: a record as the roster holds it after another desk's accepted mutation (never sent to
   * the desk that made it). `record` is null for a tombstone. `absorbed` names a record id merged into this
   * one (the same company admitted on two desks): the desk moves that id's references here.
   */
  z.object({
    seq: z.number().int(),
    kind: z.literal('record'),
    entity: z.enum(entities as [string, ...string[]]),
    recordId: z.string(),
    op: z.enum(['upsert', 'delete']),
    record: z.unknown(),
    version: z.number().int(),
    origin: originSchema,
    conflicts: z.array(conflictSchema),
    absorbed: z.string().optional(),
  }),
]);
export type RosterChange = z.infer<typeof rosterChangeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(rosterChangeSchema),
  cursor: z.number().int(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** A desk's whole starting state: the carrier's current records, page by page (`GET /v1/sync/snapshot`). */
export const snapshotRecordSchema = z.object({
  entity: z.enum(entities as [string, ...string[]]),
  recordId: z.string(),
  /** With the roster's own fields filled in (roster id, verification, key project); null for a tombstone. */
  record: z.unknown(),
  version: z.number().int(),
  conflicts: z.array(conflictSchema),
});
export const snapshotResponseSchema = z.object({
  records: z.array(snapshotRecordSchema),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
  /** The pull cursor the snapshot stands at (as of its first page): pull from here once every page is in. */
  cursor: z.number().int(),
  /** Records in the whole snapshot, for the progress bar. */
  total: z.number().int(),
  /**
   * First page only: the roster's decisions not held on records (the carrier's status, published templates,
   * anything for every carrier), oldest first, as pull would have sent them; the desk applies them as pulled.
   */
  decisions: z.array(rosterChangeSchema).optional(),
});
export type SnapshotResponse = z.infer<typeof snapshotResponseSchema>;

/** `POST /v1/desks/join` (no token: the join code is the credential, once, within 24 h). */
export const joinRequestSchema = z.object({
  joinCode: z.string().min(1).max(40),
  clientId: z.string().min(8).max(64),
  deskName: z.string().min(1).max(60),
});
export const joinResponseSchema = z.object({
  carrierCode: z.string(),
  carrierName: z.string(),
  /** This desk's own token, bound to its clientId. */
  token: z.string(),
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

/** `POST /v1/desks/join-codes`, by any desk of the carrier (or the authority): one code, one desk, 24 h. */
export const joinCodeResponseSchema = z.object({ code: z.string(), expiresAt: z.string() });

/** `GET /v1/desks`: the carrier's desks, for the manager. */
export const deskSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  joinedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  pending: z.number().int().nullable(),
  revokedAt: z.string().nullable(),
});
export const desksResponseSchema = z.object({ desks: z.array(deskSchema) });
export type DeskInfo = z.infer<typeof deskSchema>;
