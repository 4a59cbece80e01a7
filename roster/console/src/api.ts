import type { TFunction } from 'i18next';
import type { AccountView } from '../../http/consoleApi';

/** A refusal from the service: its status, machine code and (English) reason. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

let csrf = '';

/** The session's token goes back in this header with every state change; the cookie goes by itself. */
export function rememberSession(account: AccountView): void {
  csrf = account.csrf;
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const init: RequestInit =
    method === 'GET'
      ? { method, credentials: 'same-origin' }
      : { method, credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-console-csrf': csrf || 'sign-in' }, body: JSON.stringify(body ?? {}) };
  const response = await fetch(`/console/api${path}`, init);
  const answer = (await response.json().catch(() => ({}))) as { error?: string; reason?: string };
  if (!response.ok) throw new ApiError(response.status, answer.error ?? 'other', answer.reason ?? response.statusText);
  return answer as T;
}

const known = ['bad_credentials', 'locked', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'csrf', 'bad_request'];

/** What went wrong, in the person's language (the service's own reason rides along where it names a field). */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.other', { status: '-', reason: String(error) });
  const key = known.includes(error.code) ? error.code : 'other';
  return t(`errors.${key}`, { reason: error.reason, status: error.status });
}
