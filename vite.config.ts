import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const core = fileURLToPath(new URL('./core', import.meta.url));

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: { '@core': core } },
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  preview: { host: '127.0.0.1', port: 5180, strictPort: true },
  test: {
    root: '.',
    include: ['{core,renderer,electron,roster,test/unit}/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
