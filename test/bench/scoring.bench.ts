/**
 * Scores a round for 1,000 startups with two years of reports and sessions, twice: the pure engine
 * (core/scoring) and the whole store path (runRound over fake-indexeddb: reads, chunked writes with
 * audit and outbox). Run: npx tsx test/bench/scoring.bench.ts
 */
import 'fake-indexeddb/auto';
import { generateIncubator, pastQuarters } from '../../core/demo/generate';
import type { Report, Session } from '../../core/records';
import { computeMetrics, residentTemplate, scoreEvaluation } from '../../core/scoring';
import { openDb } from '../../renderer/src/store/db';
import { runRound } from '../../renderer/src/store/evaluations';

const today = '2025-11-15';
const demo = generateIncubator({ startups: 1000, quarters: 8, today, idPrefix: 'bench-' });
const period = pastQuarters(today, 1)[0]!.period;
console.log(`${demo.startups.length} startups, ${demo.reports.length} reports, ${demo.sessions.length} sessions; round ${period}`);

const byStartup = <T>(rows: T[], keys: (r: T) => string[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) for (const k of keys(r)) map.set(k, [...(map.get(k) ?? []), r]);
  return map;
};

let t = performance.now();
const reports = byStartup<Report>(demo.reports, (r) => [r.startupId]);
const sessions = byStartup<Session>(demo.sessions, (s) => s.startupIds);
let total = 0;
for (const s of demo.startups) {
  total += scoreEvaluation(residentTemplate, computeMetrics({ period, reports: reports.get(s.id) ?? [], sessions: sessions.get(s.id) ?? [] })).total;
}
console.log(`core: scored ${demo.startups.length} in ${(performance.now() - t).toFixed(0)} ms (mean total ${(total / demo.startups.length).toFixed(1)})`);

const db = openDb('bench');
await db.open();
await db.startups.bulkPut(demo.startups);
await db.reports.bulkPut(demo.reports);
await db.sessions.bulkPut(demo.sessions);
let longestChunk = 0;
let last = performance.now();
t = last;
const outcome = await runRound(db, period, residentTemplate, () => {
  const now = performance.now();
  longestChunk = Math.max(longestChunk, now - last);
  last = now;
});
console.log(`store: runRound drafted ${outcome.drafted} in ${(performance.now() - t).toFixed(0)} ms; longest chunk between UI breaks ${longestChunk.toFixed(0)} ms`);
await db.delete();
