import type { z } from 'zod';
import type { RosterReply, RosterRequest } from '@core/bridge';
import { type PullResponse, pullResponseSchema, type PushRequest, type PushResponse, pushResponseSchema } from '@core/sync/protocol';
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
    reply = await endpoint.transport({ method, url, token: endpoint.token, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new SyncFailure('offline', error instanceof Error ? error.message : String(error));
  }
  const json = parseJson(reply.body);
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

export async function pullPage(endpoint: RosterEndpoint, since: number, limit: number): Promise<PullResponse> {
  const { status, json } = await call(endpoint, 'GET', `/v1/sync/pull?since=${since}&limit=${limit}`);
  if (status !== 200) throw new SyncFailure('refused', reasonOf(json, status));
  return parseReply(pullResponseSchema, json);
}
