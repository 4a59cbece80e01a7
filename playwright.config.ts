import { defineConfig } from '@playwright/test';

/** Debian's chromium (never a downloaded browser), against the built desk served by `vite preview`. */
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://127.0.0.1:5180',
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx vite preview',
    url: 'http://127.0.0.1:5180',
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
