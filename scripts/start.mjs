// `npm start`: build the renderer and the Electron bundles, then open the desk in Electron.
// Never downloads anything: where Electron's binary is missing it says so and points at `npm run web`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');

/** Where Electron's own install step put the binary, or null. Not `require('electron')`: that downloads it. */
function electronBinary() {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function unavailable(reason) {
  console.error(
    `\nThe Electron runtime is not available on this machine (${reason}). Electron downloads its program from ` +
      'the internet the first time it is installed, and this machine could not do that. The same desk runs in ' +
      'the browser: `npm run web` builds it, serves it and prints the address to open. ' +
      'To get Electron, on a machine with internet access run `node node_modules/electron/install.js` ' +
      '(or `npx electron --version`, which downloads it on first use), then `npm start` again.\n',
  );
  process.exit(1);
}

const vite = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (vite.status !== 0) process.exit(vite.status ?? 1);
await buildElectron();

const binary = electronBinary();
if (binary === null) unavailable('node_modules/electron has no downloaded binary');

// Electron started with ELECTRON_RUN_AS_NODE inherited would behave as plain Node and never open a window.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => unavailable(`it could not be started: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
