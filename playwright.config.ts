import { defineConfig } from '@playwright/test';

/**
 * Debian's chromium (never a downloaded browser), against the built desk served by `vite preview` on a port
 * of the tests' own: `npm run web` serves the desk a person uses on 5180, and it may be an older build.
 */
const port = Number(process.env.DESK_PORT ?? 5188);

export default defineConfig({
  testDir: 'test/e2e',
  // Generous: CI and shared machines have two cores, often busy with something else (a bench, a browser).
  // A long wait never hides a race: a step that looks in the wrong place fails however long it waits.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  workers: 2,
  fullyParallel: true,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    // Carriers are in China: dates and session times as a manager there sees them.
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1360, height: 860 },
    // As a person who turned animations off: a dialog or popup is where it ends up at once, so a click is
    // never aimed at a button that is still zooming in (it landed beside it on a busy machine).
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    // Always this build: a server already on the port (another test run) is a clash to report, not to reuse.
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
