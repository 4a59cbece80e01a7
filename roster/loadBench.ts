/**
 * Load benchmark (issue 19): 16 desks of 16 carriers push new startups in batches of 200 for 60 s,
 * each desk sending its next batch as soon as the last is answered, to the service in a process of its
 * own. Scenarios (BENCH_SCENARIOS, default all of them, each a row of the table):
 * - `plain`: only the good desks, closed loop: at saturation, so a batch's latency is mostly the 15
 *   batches queued ahead of it (desks × batch ÷ throughput), whatever the service does;
 * - `paced`: the same desks open loop at BENCH_RATE mutations/s in all (default 5,000, the issue's
 *   "at that load"): each desk's batches are due on a fixed schedule, and latency counts from when a batch
 *   was due (see `forSeconds`);
 * - `bad`: three more lanes mixed in, sending oversized batches, malformed mutations and bad tokens
 *   as fast as they are answered; each must get a 4xx with a reason;
 * - `kills`: the service is SIGKILLed 5 times (BENCH_KILLS) at random and restarted; desks resend
 *   what was not answered;
 * - `procs`: 3 service processes (BENCH_PROCESSES) on one PostgreSQL behind nginx, a process at random
 *   per request (PostgreSQL only);
 * - `workers`: one service started with `--workers 2` (BENCH_WORKERS): node:cluster, no proxy
 *   (PostgreSQL only); its RSS is the primary's and the workers' together.
 * After every run each desk resends its whole outbox (all must be `duplicate`) and the database's rows
 * are counted against what the desks sent (see `checkExactlyOnce`). Per database it also prints the
 * floor: the same rows written straight to the database, one multi-row INSERT per batch in one
 * transaction, with the same concurrency.
 * `npm run roster:bench`; BENCH_SECONDS, BENCH_DESKS, BENCH_BATCH, BENCH_RATE, BENCH_ONLY=sqlite|pg to change it.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startRosterProcess, type RosterProcess } from '../test/support/rosterProcess';
import { createCarrier } from './admin/actions';
import { send } from './client';
import { openStore, type OpenStore } from './db/open';
import { startupRecord, startupUpserts } from './fixtures';
import { type Backend, backends } from './testing/backends';
import { checkExactlyOnce, describeExactlyOnce, type Desk, deskMutations, exactlyOnceHolds, pushUntilAnswered } from './testing/deskLoad';
import { type Proxy, startNginx } from './testing/nginx';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const deskCount = Number(process.env.BENCH_DESKS ?? 16);
const batchSize = Number(process.env.BENCH_BATCH ?? 200);
const kills = Number(process.env.BENCH_KILLS ?? 5);
const processCount = Number(process.env.BENCH_PROCESSES ?? 3);
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const rate = Number(process.env.BENCH_RATE ?? 5000);
const only = process.env.BENCH_ONLY;
type Scenario = 'plain' | 'paced' | 'bad' | 'kills' | 'procs' | 'workers';
const scenarios = (process.env.BENCH_SCENARIOS ?? 'plain,paced,bad,kills,procs,workers').split(',') as Scenario[];

const rssKb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
const childrenOf = (pid: number): number[] => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
/** The service's resident memory, its cluster workers' included. */
const rssMb = (pid: number): number => Math.round([pid, ...childrenOf(pid)].reduce((kb, p) => kb + rssKb(p), 0) / 1024);
/** CPU time (user + system, ms) the service has used, its cluster workers' included: less at the mercy of the machine's load than mutations/s. */
const cpuMs = (pid: number): number =>
  [pid, ...childrenOf(pid)].reduce((ms, p) => {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses, in clock ticks of 10 ms.
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ms + (Number(fields[11]) + Number(fields[12])) * 10;
  }, 0);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
const carrierOf = (i: number) => `BENCH-${String(i).padStart(2, '0')}`;

/**
 * Runs `work` in `lanes` concurrent loops until the time is up and `more` says no more; returns rows
 * per second and the latency of each call. Closed loop unless `every` is given: each lane calls again as
 * soon as the last call returned. With `every` (ms), open loop: each lane's calls are due every `every`
 * ms (the lanes staggered over it) and wait for their time; a call due while the last is unanswered goes
 * when it comes back, and its latency counts from when it was due, so a stall also counts in the calls
 * it held back (no coordinated omission).
 */
async function forSeconds(lanes: number, duration: number, work: (lane: number, round: number) => Promise<number>, options: { more?: () => boolean; every?: number } = {}) {
  const { more = () => false, every } = options;
  const start = performance.now();
  const deadline = start + duration * 1000;
  const latencies: number[] = [];
  let rows = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let round = 0; ; round++) {
        const due = every === undefined ? performance.now() : start + (round + lane / lanes) * every;
        if (due >= deadline && !more()) break;
        const early = due - performance.now();
        if (early > 0) await sleep(early);
        // Not `rows += await …`: that reads `rows` before the await, so concurrent lanes overwrote each
        // other's counts and the bench reported a fraction of what it did (README, the table of 60e465c).
        const written = await work(lane, round);
        rows += written;
        latencies.push(performance.now() - due);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  // Paced, the last batch may be answered before the deadline: the rate is over the whole run.
  const elapsed = Math.max(performance.now(), deadline) - start;
  return { perSecond: rows / (elapsed / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
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

/** What the bad lanes send: each must be refused with a 4xx and a reason, and cost the good desks little. */
function badLanes(url: () => string, token: string, carrierCode: string) {
  const oversized = JSON.stringify({ carrierCode, clientId: 'bench-bad-big', mutations: [{ filler: 'x'.repeat(2.5 * 1024 * 1024) }] });
  const mutations = startupUpserts(1, batchSize, (id) => `bad${id}`).map((m, i) => (i === 100 ? { ...m, mutationId: 'one hundred and one' } : m));
  const malformed = { carrierCode, clientId: 'bench-bad-malformed', mutations };
  const requests: (() => Promise<{ status: number; body: unknown }>)[] = [
    () => send(url(), 'POST', '/v1/sync/push', token, oversized),
    () => send(url(), 'POST', '/v1/sync/push', token, malformed),
    () => send(url(), 'POST', '/v1/sync/push', 'rst_not-a-token', malformed),
  ];
  return requests;
}

interface Tally {
  /** Refusals per HTTP status. */
  byStatus: Map<number, number>;
  /** Answers that were not a 4xx with `{ error, reason }`. */
  wrong: number;
}

async function run(backend: Backend, scenario: Scenario) {
  const database = await backend.fresh();
  const store = await openStore(database.location);
  const desks: Desk[] = await Promise.all(
    Array.from({ length: deskCount }, async (_, i) => ({
      carrierCode: carrierOf(i),
      clientId: `bench-desk-${i}`,
      token: (await createCarrier(store, { code: carrierOf(i), name: '压测载体' })).token,
      records: '',
      lastAnswered: 0,
    })),
  );
  const services: RosterProcess[] = [];
  const flags = scenario === 'workers' ? [...database.flags, '--workers', String(workerCount)] : database.flags;
  for (let i = 0; i < (scenario === 'procs' ? processCount : 1); i++) services.push(await startRosterProcess(flags));
  let proxy: Proxy | undefined;
  try {
    proxy = scenario === 'procs' ? await startNginx(services.map((s) => s.url)) : undefined;
    let url = proxy?.url ?? services[0]!.url;
    const target = () => url;
    // The first worker's line gave the address; the others may still be starting.
    if (scenario === 'workers') await waitForWorkers(services[0]!.pid);
    const rssStart = rssMb(services[0]!.pid);
    const cpuStart = cpuMs(services[0]!.pid);
    const loadStart = loadAverage();
    const deadline = performance.now() + seconds * 1000;

    const tally: Tally = { byStatus: new Map(), wrong: 0 };
    const bad = scenario === 'bad' ? badLanes(target, desks[0]!.token, desks[0]!.carrierCode) : [];
    const badRuns = bad.map(async (request) => {
      while (performance.now() < deadline) {
        const reply = await request();
        const body = reply.body as { error?: unknown; reason?: unknown };
        const refused = reply.status >= 400 && reply.status < 500 && typeof body.error === 'string' && typeof body.reason === 'string' && body.reason !== '';
        if (refused) tally.byStatus.set(reply.status, (tally.byStatus.get(reply.status) ?? 0) + 1);
        else tally.wrong++;
      }
    });

    // Each kill lands at a random moment after the last restart (the service serves between kills even
    // when a restart is slow), and the desks go on until the last restart; each restart is a new process
    // on a new port.
    const gap = (seconds * 1000) / (kills + 1);
    let downMs = 0;
    let killed = 0;
    const killer = (async () => {
      for (let i = 0; scenario === 'kills' && i < kills; i++) {
        await sleep(gap * (0.5 + Math.random()));
        killed++;
        const killedAt = performance.now();
        const gone = services.pop()!;
        await gone.kill('SIGKILL');
        const next = await startRosterProcess(database.flags);
        services.push(next);
        url = next.url;
        downMs += performance.now() - killedAt;
      }
    })();
    let killing = true;
    void killer.finally(() => (killing = false));

    const push = await forSeconds(desks.length, seconds, async (lane) => {
      const desk = desks[lane]!;
      const results = await pushUntilAnswered(target, desk, deskMutations(desk, desk.lastAnswered + 1, batchSize));
      const notAnswered = results.filter((r) => r.status === 'rejected').length;
      if (notAnswered) throw new Error(`desk ${desk.clientId}: ${notAnswered} mutations rejected: the bench's own input is wrong`);
      return results.length;
    }, { more: () => killing, every: scenario === 'paced' ? (desks.length * batchSize * 1000) / rate : undefined });
    await Promise.all([killer, ...badRuns]);
    const rssEnd = rssMb(services.at(-1)!.pid);
    // Per mutation the desks had answered; not across restarts, nor over several processes behind nginx.
    const cpuPerMutation = scenario === 'kills' || scenario === 'procs' ? undefined : ((cpuMs(services[0]!.pid) - cpuStart) * 1000) / desks.reduce((sum, d) => sum + d.lastAnswered, 0);
    const loadEnd = loadAverage();
    const check = await checkExactlyOnce(store, target, desks);
    return { scenario, push, rssStart, rssEnd, cpuPerMutation, tally, check, load: `${loadStart}–${loadEnd}`, downSeconds: downMs / 1000, killed };
  } finally {
    await proxy?.stop();
    for (const service of services) await service.kill('SIGTERM');
    await store.close();
    await database.dispose();
  }
}

async function waitForWorkers(pid: number): Promise<void> {
  // Until all listen the others take the requests (cluster hands connections only to listening workers).
  while (childrenOf(pid).length < workerCount) await sleep(100);
}

async function floorOf(backend: Backend) {
  const database = await backend.fresh();
  const store = await openStore(database.location);
  try {
    for (let i = 0; i < deskCount; i++) await createCarrier(store, { code: carrierOf(i), name: '压测载体' });
    return await forSeconds(deskCount, Math.min(seconds, 15), (lane, round) => floorInsert(store, lane, round));
  } finally {
    await store.close();
    await database.dispose();
  }
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const refusals = (t: Tally) =>
  t.byStatus.size === 0 && t.wrong === 0
    ? '—'
    : [...t.byStatus].map(([status, count]) => `${n(count)} × ${status}`).join(', ') + (t.wrong ? `, ${t.wrong} NOT REFUSED PROPERLY` : '');

const rows: { database: string; floor: number; result: Awaited<ReturnType<typeof run>> }[] = [];
let broken = false;
for (const backend of backends.filter((b) => !only || b.name === only)) {
  const database = backend.name === 'pg' ? 'PostgreSQL' : 'SQLite';
  const floor = await floorOf(backend);
  for (const scenario of scenarios.filter((s) => (s !== 'procs' && s !== 'workers') || backend.name === 'pg')) {
    const result = await run(backend, scenario);
    broken ||= !exactlyOnceHolds(result.check) || result.tally.wrong > 0;
    rows.push({ database, floor: floor.perSecond, result });
    console.error(`${database} ${scenario}: ${n(result.push.perSecond)} mutations/s, ${describeExactlyOnce(result.check)}`);
  }
}

const runName = (r: Awaited<ReturnType<typeof run>>): string =>
  ({
    plain: `${deskCount} desks`,
    paced: `${deskCount} desks paced at ${n(rate)} mutations/s`,
    bad: `${deskCount} desks + 3 bad lanes`,
    kills: `${deskCount} desks, ${r.killed} SIGKILLs (down ${n(r.downSeconds)} s while restarting)`,
    procs: `${deskCount} desks, ${processCount} processes behind nginx`,
    workers: `${deskCount} desks, --workers ${workerCount}`,
  })[r.scenario];
console.log(`\n${deskCount} desks × batches of ${batchSize}, ${seconds} s, service in its own process`);
if (scenarios.includes('paced')) console.log(`paced: ${n(rate)} mutations/s offered, a batch's latency from when it was due`);
console.log('');
console.log('| database | run | good desks\' mutations/s | batch p50 | batch p99 | floor: one INSERT per batch, rows/s | service CPU per mutation | service RSS start → end | bad requests refused | exactly once | load |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|');
for (const { database, floor, result: r } of rows) {
  console.log(
    `| ${database} | ${runName(r)} | ${n(r.push.perSecond)} | ${n(r.push.p50)} ms | ${n(r.push.p99)} ms | ${n(floor)} | ${r.cpuPerMutation === undefined ? '—' : `${n(r.cpuPerMutation)} µs`} | ${r.rssStart} → ${r.rssEnd} MB | ${refusals(r.tally)} | ${describeExactlyOnce(r.check)} | ${r.load} |`,
  );
}
if (broken) process.exitCode = 1;
