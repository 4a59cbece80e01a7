import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const core = fileURLToPath(new URL('../../core', import.meta.url));

/** The bench page: the app's store and core code, built as the app builds them, without its screens. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  resolve: { alias: { '@core': core } },
  // Profiled (BENCH_PROFILE), the code keeps its names.
  build: { outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 8000, minify: !process.env.BENCH_PROFILE },
});
