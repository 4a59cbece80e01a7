import { type PullResponse, pullResponseSchema, type PushRequest, type PushResponse, pushResponseSchema } from '@core/sync/protocol';

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
    async pull(since: number, limit?: number): Promise<PullResponse> {
      const reply = await send(baseUrl, 'GET', `/v1/sync/pull?since=${since}${limit ? `&limit=${limit}` : ''}`, token);
      if (reply.status !== 200) throw new Error(`pull ${reply.status}: ${JSON.stringify(reply.body)}`);
      return pullResponseSchema.parse(reply.body);
    },
  };
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
