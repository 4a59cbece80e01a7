import { defineConfig } from '@playwright/test';
import desk from './playwright.config';

/**
 * The authority's console in Debian's Chromium, against the real roster service on PostgreSQL, which each
 * spec starts itself (test/e2e-console) on this port: the console is the service's own page.
 */
export const consolePort = Number(process.env.CONSOLE_PORT ?? 5193);

export default defineConfig({
  testDir: 'test/e2e-console',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  // One service on one port, and the lockout test locks the address out for the specs after it.
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  outputDir: 'test-results/console',
  use: { ...desk.use, baseURL: `http://127.0.0.1:${consolePort}` },
});
