// Runs Electronegativity over electron/ and fails on any finding of medium or higher severity that
// SECURITY-FINDINGS.md does not explain (a table row naming the check and the file).
// Usage: node build/security-check.mjs   (Electronegativity is locked in build/electronegativity, installed by
// scripts/setup.sh: nothing is fetched here)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ELECTRON_VERSION = '45.5.0';
const SERIOUS = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csv = join(dir, 'findings.csv');
// The locked install's own entry point, run by this Node: no npx, no registry.
let cli;
try {
  cli = createRequire(join(root, 'build/electronegativity/package.json')).resolve('@doyensec/electronegativity/dist/index.js');
} catch {
  console.error('Electronegativity is not installed: run scripts/setup.sh (or npm ci --prefix build/electronegativity).');
  process.exit(1);
}
const run = spawnSync(process.execPath, [cli, '-i', 'electron', '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', csv], {
  cwd: root,
  encoding: 'utf8',
});
let findings;
try {
  findings = readFileSync(csv, 'utf8')
    .split('\n')
    .map((line) => /^([A-Z_]+),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)"/.exec(line))
    .filter((match) => match !== null)
    .map(([, check, severity, confidence, file, location]) => ({ check, severity, confidence, file, location }));
} catch {
  console.error(`Electronegativity produced no report.\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Rows of the findings table: | `CHECK_ID` | `file` | severity | what was done |
const explained = new Set(
  [...readFileSync(join(root, 'SECURITY-FINDINGS.md'), 'utf8').matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*`([^`]+)`\s*\|/gm)].map(
    ([, check, file]) => `${check} ${file}`,
  ),
);

const serious = findings.filter((finding) => SERIOUS.has(finding.severity));
const unexplained = serious.filter((finding) => !explained.has(`${finding.check} ${finding.file}`));
for (const finding of serious) {
  const mark = unexplained.includes(finding) ? 'UNEXPLAINED' : 'explained  ';
  console.log(`${mark} ${finding.severity.padEnd(6)} ${finding.check} ${finding.file}:${finding.location}`);
}
if (unexplained.length > 0) {
  console.error(`\n${unexplained.length} finding(s) of medium or higher severity are not explained in SECURITY-FINDINGS.md.`);
  process.exit(1);
}
console.log(`\nElectronegativity: ${findings.length} finding(s), ${serious.length} medium or higher, all explained.`);
