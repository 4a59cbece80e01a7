/**
 * Load benchmark (issue 19, target 1): 16 desks of 16 carriers push new startups in batches of 200 for
 * 60 s, each desk sending its next batch as soon as the last is answered, to the service running in a
 * process of its own. Per database it prints mutations/s, the batch latency (p50, p99), the floor (the
 * same rows written straight to the database by one multi-row INSERT per batch in one transaction, with
 * the same concurrency) and the service's resident memory at start and end.
 * `npm run roster:bench`; BENCH_SECONDS, BENCH_DESKS, BENCH_BATCH, BENCH_ONLY=sqlite|pg to change it.
 */
import { readFileSync } from 'node:fs';
import { startRosterProcess } from '../test/support/rosterProcess';
import { createCarrier } from './admin/actions';
import { syncClient } from './client';
import { openStore, type OpenStore } from './db/open';
import { startupRecord, startupUpserts } from './fixtures';
import { type Backend, backends } from './testing/backends';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const desks = Number(process.env.BENCH_DESKS ?? 16);
const batchSize = Number(process.env.BENCH_BATCH ?? 200);
const only = process.env.BENCH_ONLY;

const rssMb = (pid: number): number => {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const carrierOf = (i: number) => `BENCH-${String(i).padStart(2, '0')}`;

/** Runs `work` in `lanes` concurrent loops until the time is up; returns how many rows each call wrote. */
async function forSeconds(lanes: number, duration: number, work: (lane: number, round: number) => Promise<number>) {
  const deadline = performance.now() + duration * 1000;
  const latencies: number[] = [];
  let rows = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let round = 0; performance.now() < deadline; round++) {
        const t = performance.now();
        rows += await work(lane, round);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { perSecond: rows / ((performance.now() - start) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The floor: each batch's rows as one multi-row INSERT in its own transaction, nothing else. */
function floorInsert(store: OpenStore, lane: number, round: number): Promise<number> {
  const at = new Date().toISOString();
  const rows = Array.from({ length: batchSize }, (_, i) => {
    const id = `floor-${round * batchSize + i}`;
    return { carrier_code: carrierOf(lane), entity: 'startup', record_id: id, data: JSON.stringify(startupRecord(id, i)), deleted: 0, version: 1, updated_at: at };
  });
  return store.db.transaction().execute(async (trx) => {
    await trx.insertInto('records').values(rows).execute();
    return batchSize;
  });
}

async function run(backend: Backend) {
  const database = await backend.fresh();
  const store = await openStore(database.location);
  const tokens = await Promise.all(Array.from({ length: desks }, async (_, i) => (await createCarrier(store, { code: carrierOf(i), name: '压测载体' })).token));
  const service = await startRosterProcess(database.flags);
  try {
    const rssStart = rssMb(service.pid);
    let refused = 0;
    const push = await forSeconds(desks, seconds, async (lane, round) => {
      const mutations = startupUpserts(round * batchSize + 1, batchSize, (id) => `s${id}`);
      const reply = await syncClient(service.url, tokens[lane]!).push({ carrierCode: carrierOf(lane), clientId: `bench-desk-${lane}`, mutations });
      const applied = reply.results.filter((r) => r.status === 'applied').length;
      refused += batchSize - applied;
      return applied;
    });
    const rssEnd = rssMb(service.pid);
    const floor = await forSeconds(desks, Math.min(seconds, 15), (lane, round) => floorInsert(store, lane, round));
    return { name: backend.name, push, floor, rssStart, rssEnd, refused };
  } finally {
    await service.kill('SIGTERM');
    await store.close();
    await database.dispose();
  }
}

const rows = [];
for (const backend of backends.filter((b) => !only || b.name === only)) rows.push(await run(backend));

const n = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`\n${desks} desks × batches of ${batchSize}, ${seconds} s, service in its own process\n`);
console.log('| database | mutations/s | batch p50 | batch p99 | floor: one INSERT per batch, rows/s | service RSS start → end |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name === 'pg' ? 'PostgreSQL' : 'SQLite'} | ${n(r.push.perSecond)} | ${n(r.push.p50)} ms | ${n(r.push.p99)} ms | ${n(r.floor.perSecond)} | ${r.rssStart} → ${r.rssEnd} MB |`,
  );
  if (r.refused) console.log(`(${r.name}: ${r.refused} mutations were not applied: the bench's own input is wrong)`);
}
