import {
  desksResponseSchema,
  joinCodeResponseSchema,
  joinResponseSchema,
  type PullResponse,
  pullResponseSchema,
  type PushRequest,
  type PushResponse,
  pushResponseSchema,
  type SnapshotResponse,
  snapshotResponseSchema,
} from '@core/sync/protocol';

export interface Reply {
  status: number;
  body: unknown;
}

/** Sends a request; an object body goes as JSON, a string body as it is (to send malformed JSON). */
export async function send(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** A minimal client for the sync API, as the tests and the bench speak it. */
export function syncClient(baseUrl: string, token: string) {
  return {
    /** 200 and 409 (gap) both carry a PushResponse; anything else is thrown. */
    async push(request: PushRequest): Promise<PushResponse & { status: number }> {
      const reply = await send(baseUrl, 'POST', '/v1/sync/push', token, request);
      if (reply.status !== 200 && reply.status !== 409) throw new Error(`push ${reply.status}: ${JSON.stringify(reply.body)}`);
      return { status: reply.status, ...pushResponseSchema.parse(reply.body) };
    },
    /** `clientId` names the desk pulling under the carrier token (a desk token names its own). */
    async pull(since: number, limit?: number, clientId?: string): Promise<PullResponse> {
      const query = `since=${since}${limit ? `&limit=${limit}` : ''}${clientId ? `&clientId=${encodeURIComponent(clientId)}` : ''}`;
      return pullResponseSchema.parse(expectOk('pull', await send(baseUrl, 'GET', `/v1/sync/pull?${query}`, token)));
    },
    async snapshotPage(after?: string, limit?: number): Promise<SnapshotResponse> {
      const query = new URLSearchParams({ ...(after ? { after } : {}), ...(limit ? { limit: String(limit) } : {}) });
      return snapshotResponseSchema.parse(expectOk('snapshot', await send(baseUrl, 'GET', `/v1/sync/snapshot?${query}`, token)));
    },
    createJoinCode: async () => joinCodeResponseSchema.parse(expectOk('join-codes', await send(baseUrl, 'POST', '/v1/desks/join-codes', token, {}))),
    desks: async () => desksResponseSchema.parse(expectOk('desks', await send(baseUrl, 'GET', '/v1/desks', token))).desks,
    revoke: (clientId: string) => send(baseUrl, 'POST', `/v1/desks/${encodeURIComponent(clientId)}/revoke`, token, {}),
  };
}

/** Every page of a snapshot, as a joining desk reads it; `onPage` sees the progress. */
export async function readWholeSnapshot(
  desk: ReturnType<typeof syncClient>,
  limit?: number,
  onPage?: (page: SnapshotResponse) => void,
): Promise<SnapshotResponse[]> {
  const pages: SnapshotResponse[] = [];
  for (let after: string | undefined, first = true; first || after; first = false) {
    const page = await desk.snapshotPage(after, limit);
    pages.push(page);
    onPage?.(page);
    after = page.next ?? undefined;
  }
  return pages;
}

function expectOk(what: string, reply: Reply): unknown {
  if (reply.status !== 200) throw new Error(`${what} ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** A new desk joins a carrier with a join code; throws unless it is let in. */
export async function joinCarrier(baseUrl: string, joinCode: string, clientId: string, deskName: string) {
  return joinResponseSchema.parse(expectOk('join', await send(baseUrl, 'POST', '/v1/desks/join', undefined, { joinCode, clientId, deskName })));
}

/** Admin calls; throws on anything but 2xx. */
export function adminClient(baseUrl: string, adminToken: string) {
  const post = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const reply = await send(baseUrl, 'POST', `/v1/admin${path}`, adminToken, body);
    if (reply.status >= 300) throw new Error(`admin ${path} ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body as Record<string, unknown>;
  };
  return {
    createCarrier: async (code: string, name: string) => String((await post('/carriers', { code, name })).token),
    setStatus: (code: string, status: string) => post(`/carriers/${code}/status`, { status }),
    verify: (code: string, startupId: string, result: string, note?: string) =>
      post(`/carriers/${code}/startups/${startupId}/verification`, { result, note }),
    designate: (code: string, startupId: string, designated: boolean) =>
      post(`/carriers/${code}/startups/${startupId}/key-project`, { designated }),
    publishTemplate: (template: unknown) => post('/templates', template),
  };
}
