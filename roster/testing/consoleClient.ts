import type { Reply } from '../client';
import { csrfHeader } from '../http/consoleRoutes';

/** A browser's side of the console API, for tests: keeps the session cookie and sends the token back. */
export interface ConsoleClient {
  signIn(login: string, password: string): Promise<Reply>;
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown): Promise<Reply>;
  /** The Set-Cookie header of the last sign-in. */
  lastCookie: string;
}

export function consoleClient(baseUrl: string): ConsoleClient {
  let cookie = '';
  let csrf = '';
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const response = await fetch(`${baseUrl}/console/api${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method === 'GET' ? {} : { [csrfHeader]: csrf || 'sign-in', 'content-type': 'application/json' }),
        ...headers,
      },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    return { status: response.status, body: await response.json() };
  };
  const client: ConsoleClient = {
    lastCookie: '',
    async signIn(login, password) {
      const response = await fetch(`${baseUrl}/console/api/session`, {
        method: 'POST',
        headers: { [csrfHeader]: 'sign-in', 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      const body = (await response.json()) as { csrf?: string };
      client.lastCookie = response.headers.get('set-cookie') ?? '';
      if (response.status === 200) {
        cookie = client.lastCookie.split(';')[0] ?? '';
        csrf = body.csrf ?? '';
      }
      return { status: response.status, body };
    },
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
  };
  return client;
}
