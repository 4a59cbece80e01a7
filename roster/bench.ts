/**
 * Throughput on loopback: push 10,000 mutations (new startups, in batches of 200 as the desk sends
 * them), then pull the 10,000 roster changes (one roster id per startup) they caused; then a joining
 * desk's snapshot of a carrier of 10,000 startups with founders, mentors, sessions, reports and exits.
 * `npx tsx roster/bench.ts [--pg url]`; SQLite in a temporary file by default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createCarrier } from './admin/actions';
import { readWholeSnapshot, syncClient } from './client';
import { openStore, type StoreLocation } from './db/open';
import { inBatches, startupUpserts } from './fixtures';
import { buildApp } from './http/app';
import { incubatorRecords, seedCarrier } from './testing/seed';

const total = 10_000;
const { values } = parseArgs({ args: process.argv.slice(2), options: { pg: { type: 'string' } } });
const dir = mkdtempSync(join(tmpdir(), 'roster-bench-'));
const location: StoreLocation = values.pg ? { kind: 'pg', url: values.pg } : { kind: 'sqlite', path: join(dir, 'roster.sqlite') };

const store = await openStore(location);
const app = buildApp({ store });
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const carrierCode = `BENCH-${Date.now()}`;
const { token } = await createCarrier(store, { code: carrierCode, name: 'bench' });
const desk = syncClient(url, token);

const pushStart = performance.now();
for (const batch of inBatches(startupUpserts(1, total, (id) => `s${id}`), 200)) {
  await desk.push({ carrierCode, clientId: 'bench-desk-0001', mutations: batch });
}
const pushSeconds = (performance.now() - pushStart) / 1000;

const pullStart = performance.now();
let pulled = 0;
for (let page = { cursor: 0, more: true }; page.more; ) {
  const reply = await desk.pull(page.cursor, 1000);
  pulled += reply.changes.length;
  page = reply;
}
const pullSeconds = (performance.now() - pullStart) / 1000;

const bigCarrier = `${carrierCode}-BIG`;
const { token: bigToken } = await createCarrier(store, { code: bigCarrier, name: 'bench snapshot' });
const records = incubatorRecords(total);
await seedCarrier(store, bigCarrier, records);
const snapshotStart = performance.now();
let pages = 0;
await readWholeSnapshot(syncClient(url, bigToken), 500, () => pages++);
const snapshotSeconds = (performance.now() - snapshotStart) / 1000;

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
console.log(`roster bench on ${location.kind}`);
console.log(`push: ${total} mutations in ${pushSeconds.toFixed(2)} s = ${rate(total, pushSeconds)} mutations/s`);
console.log(`pull: ${pulled} changes in ${pullSeconds.toFixed(2)} s = ${rate(pulled, pullSeconds)} changes/s`);
console.log(
  `snapshot: ${records.length} records (${total} startups with founders, sessions, reports) in ${pages} pages of 500, ` +
    `${snapshotSeconds.toFixed(2)} s = ${rate(records.length, snapshotSeconds)} records/s`,
);

await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
