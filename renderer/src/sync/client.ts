import { z } from 'zod';
import type { RosterReply, RosterRequest } from '@core/bridge';
import {
  type DeskInfo,
  deskSchema,
  desksResponseSchema,
  joinCodeResponseSchema,
  type JoinResponse,
  joinResponseSchema,
  type PullResponse,
  pullResponseSchema,
  type PushRequest,
  type PushResponse,
  pushResponseSchema,
  type SnapshotResponse,
  snapshotResponseSchema,
} from '@core/sync/protocol';
import { SyncFailure } from './failure';

/** How the desk reaches the roster: `DeskBridge.rosterRequest` in the app, anything alike in tests. */
export type RosterTransport = (request: RosterRequest) => Promise<RosterReply>;

export interface RosterEndpoint {
  url: string;
  token: string;
  transport: RosterTransport;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const reasonOf = (body: unknown, status: number) =>
  typeof body === 'object' && body && 'reason' in body ? String(body.reason) : `HTTP ${status}`;

async function call(endpoint: RosterEndpoint, method: RosterRequest['method'], path: string, body?: unknown) {
  let reply: RosterReply;
  try {
    // A base address may carry a path (a provincial gateway), so join rather than resolve.
    const url = endpoint.url.replace(/\/+$/, '') + path;
    reply = await endpoint.transport({ method, url, token: endpoint.token || undefined, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new SyncFailure('offline', error instanceof Error ? error.message : String(error));
  }
  const json = parseJson(reply.body);
  const error = typeof json === 'object' && json && 'error' in json ? json.error : undefined;
  // A desk the manager revoked (a lost laptop): every request is refused, with the manager's reason.
  if (reply.status === 403 && error === 'desk_revoked') throw new SyncFailure('revoked', reasonOf(json, reply.status));
  if (reply.status === 403 && error === 'join_code_invalid') throw new SyncFailure('joinCode', reasonOf(json, reply.status));
  // The roster compacted its log past this desk's cursor: the desk rebuilds from a snapshot.
  if (reply.status === 410 && error === 'compacted') throw new SyncFailure('compacted', reasonOf(json, reply.status));
  if (reply.status === 401 || reply.status === 403) throw new SyncFailure('auth', reasonOf(json, reply.status));
  if (reply.status >= 500) throw new SyncFailure('server', reasonOf(json, reply.status));
  return { status: reply.status, json };
}

function parseReply<S extends z.ZodType>(schema: S, json: unknown): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncFailure('invalid', parsed.error.message);
  return parsed.data;
}

/** 200 and 409 (a gap: resend from `expectedMutationId`) both carry results; other refusals throw. */
export async function pushBatch(endpoint: RosterEndpoint, request: PushRequest): Promise<PushResponse> {
  const { status, json } = await call(endpoint, 'POST', '/v1/sync/push', request);
  if (status !== 200 && status !== 409) throw new SyncFailure('refused', reasonOf(json, status));
  return parseReply(pushResponseSchema, json);
}

/** A request that succeeds with 200 and this reply, or throws. */
async function ask<S extends z.ZodType>(endpoint: RosterEndpoint, schema: S, method: RosterRequest['method'], path: string, body?: unknown): Promise<z.infer<S>> {
  const { status, json } = await call(endpoint, method, path, body);
  if (status !== 200) throw new SyncFailure('refused', reasonOf(json, status));
  return parseReply(schema, json);
}

/** `clientId` names the desk pulling, so the roster never sends back the desk's own changes. */
export const pullPage = (endpoint: RosterEndpoint, since: number, limit: number, clientId: string): Promise<PullResponse> =>
  ask(endpoint, pullResponseSchema, 'GET', `/v1/sync/pull?since=${since}&limit=${limit}&clientId=${encodeURIComponent(clientId)}`);

export const snapshotPage = (endpoint: RosterEndpoint, after: string | null, limit: number): Promise<SnapshotResponse> =>
  ask(endpoint, snapshotResponseSchema, 'GET', `/v1/sync/snapshot?limit=${limit}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`);

/** No token: the join code is the credential. */
export const joinCarrier = (endpoint: Omit<RosterEndpoint, 'token'>, request: { joinCode: string; clientId: string; deskName: string }): Promise<JoinResponse> =>
  ask({ ...endpoint, token: '' }, joinResponseSchema, 'POST', '/v1/desks/join', request);

export const createJoinCode = (endpoint: RosterEndpoint) => ask(endpoint, joinCodeResponseSchema, 'POST', '/v1/desks/join-codes', {});

export const listDesks = async (endpoint: RosterEndpoint): Promise<DeskInfo[]> => (await ask(endpoint, desksResponseSchema, 'GET', '/v1/desks')).desks;

const revokeResponseSchema = z.object({ desk: deskSchema });
export const revokeDesk = async (endpoint: RosterEndpoint, clientId: string): Promise<DeskInfo> =>
  (await ask(endpoint, revokeResponseSchema, 'POST', `/v1/desks/${encodeURIComponent(clientId)}/revoke`, {})).desk;
