import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../db/schema';
import { parseInput, RosterError } from '../errors';
import { storable } from '../storableText';
import { hashToken } from '../store/tokens';
import { decoyHash, hashPassword, newPassword, passwordMatches } from './passwords';
import { type Role, roleInput, scopeInput } from './scope';

export interface Account {
  login: string;
  scope: string;
  role: Role;
}

export const accountInput = storable(
  z.object({ login: z.string().regex(/^[A-Za-z0-9._@-]{2,60}$/, 'login: 2-60 letters, digits or . _ @ -'), scope: scopeInput, role: roleInput }),
);

/** Creates an account and returns its one-time initial password (only its hash is kept). */
export async function createAccount(store: Store, input: unknown): Promise<Account & { password: string }> {
  const account = parseInput(accountInput, input);
  const password = newPassword();
  const inserted = await store.db
    .insertInto('console_accounts')
    .values({ ...account, password_hash: await hashPassword(password), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('login').doNothing())
    .returning('login')
    .executeTakeFirst();
  if (!inserted) throw new RosterError(409, 'conflict', `account ${account.login} already exists`);
  return { ...account, password };
}

/** Failed sign-ins within the window, per account and per address, before both are refused for it. */
export const lockout = { failures: 5, windowMs: 15 * 60_000 };
export const sessionLifetimeMs = 8 * 60 * 60_000;

export const signInInput = z.object({ login: z.string().min(1).max(60), password: z.string().min(1).max(200) });

/**
 * Checks a password and opens a session; the returned id goes into the cookie only. While an account
 * or an address is locked out even the right password is refused, so guessing on gains nothing.
 */
export async function signIn(store: Store, input: unknown, address: string): Promise<{ sessionId: string; account: Account }> {
  const { login, password } = parseInput(signInInput, input);
  const subjects = [`login:${login}`, `ip:${address}`];
  const since = new Date(Date.now() - lockout.windowMs).toISOString();
  const recent = await store.db
    .selectFrom('console_login_failures')
    .select(['subject', (eb) => eb.fn.countAll<number>().as('n')])
    .where('subject', 'in', subjects)
    .where('at', '>', since)
    .groupBy('subject')
    .execute();
  if (recent.some((r) => Number(r.n) >= lockout.failures)) {
    throw new RosterError(429, 'locked', 'too many failed sign-ins: try again in 15 minutes');
  }
  const row = await store.db.selectFrom('console_accounts').selectAll().where('login', '=', login).executeTakeFirst();
  const matches = await passwordMatches(password, row?.password_hash ?? decoyHash);
  if (!row || !matches) {
    const at = new Date().toISOString();
    await store.db.insertInto('console_login_failures').values(subjects.map((subject) => ({ subject, at }))).execute();
    throw new RosterError(401, 'bad_credentials', 'wrong login or password');
  }
  const sessionId = randomBytes(32).toString('base64url');
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('console_login_failures').where('subject', '=', subjects[0]!).execute();
    await trx
      .insertInto('console_sessions')
      .values({ id_hash: hashToken(sessionId), login, expires_at: new Date(Date.now() + sessionLifetimeMs).toISOString() })
      .execute();
  });
  return { sessionId, account: { login: row.login, scope: row.scope, role: row.role } };
}

/** The account a live session belongs to; an expired one is removed. */
export async function accountOfSession(store: Store, sessionId: string | undefined): Promise<Account> {
  if (!sessionId) throw new RosterError(401, 'unauthorized', 'not signed in');
  const row = await store.db
    .selectFrom('console_sessions')
    .innerJoin('console_accounts', 'console_accounts.login', 'console_sessions.login')
    .select(['console_accounts.login', 'scope', 'role', 'expires_at'])
    .where('id_hash', '=', hashToken(sessionId))
    .executeTakeFirst();
  if (!row) throw new RosterError(401, 'unauthorized', 'not signed in');
  if (row.expires_at <= new Date().toISOString()) {
    await signOut(store, sessionId);
    throw new RosterError(401, 'unauthorized', 'session expired: sign in again');
  }
  return { login: row.login, scope: row.scope, role: row.role };
}

export async function signOut(store: Store, sessionId: string): Promise<void> {
  await store.db.deleteFrom('console_sessions').where('id_hash', '=', hashToken(sessionId)).execute();
}

/**
 * The token a page must send back on every state-changing request (bound to the session, never stored):
 * another site can neither read the HttpOnly cookie nor this answer, so it cannot forge the header.
 */
export const csrfToken = (sessionId: string): string => createHash('sha256').update(`csrf:${sessionId}`).digest('base64url');
