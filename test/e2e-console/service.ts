import { expect, type Page } from '@playwright/test';
import { consolePort } from '../../playwright.console.config';
import { createAccount } from '../../roster/auth/accounts';
import type { Role } from '../../roster/auth/scope';
import { type OpenStore, openStore } from '../../roster/db/open';
import { backends, type FreshDatabase } from '../../roster/testing/backends';
import { type RosterProcess, startRosterProcess } from '../support/rosterProcess';

/** The roster service on PostgreSQL on the console's port, a database of its own, and the accounts a spec needs. */
export interface ConsoleService {
  roster: RosterProcess;
  store: OpenStore;
  /** Each account's one-time password, by login. */
  passwords: Record<string, string>;
  stop(): Promise<void>;
}

export async function startConsoleService(accounts: [login: string, scope: string, role: Role][]): Promise<ConsoleService> {
  const database: FreshDatabase = await backends.find((b) => b.name === 'pg')!.fresh();
  const roster = await startRosterProcess([...database.flags, '--port', String(consolePort)]);
  const store = await openStore(database.location);
  const passwords: Record<string, string> = {};
  for (const [login, scope, role] of accounts) passwords[login] = (await createAccount(store, { login, scope, role })).password;
  return {
    roster,
    store,
    passwords,
    async stop() {
      await store.close();
      await roster.kill('SIGTERM');
      await database.dispose();
    },
  };
}

/** Signs in through the page's form, in Chinese (the default). */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/console/');
  const form = page.getByRole('form', { name: '登录名录管理台' });
  await form.getByLabel('账号').fill(login);
  await form.getByLabel('密码').fill(password);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('menu', { name: '主菜单' })).toBeVisible();
}
