// Bundles the Electron main process and preload with esbuild. `@core/*` resolves through the tsconfig paths.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  // Electron 45 ships Node 22 and Chromium 140.
  target: 'node22',
  external: ['electron'],
  tsconfig: 'tsconfig.node.json',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

export async function buildElectron() {
  await Promise.all([
    // ESM, because package.json says "type": "module" and "main" points at a .js file.
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.js', format: 'esm' }),
    // The sandboxed preload cannot load ES modules or any file of its own: one CommonJS file.
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs', format: 'cjs' }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildElectron();
  console.log('built dist-electron/main.js and dist-electron/preload.cjs');
}
