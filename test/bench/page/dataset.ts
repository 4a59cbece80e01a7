import { generateIncubator, type Incubator } from '@core/demo/generate';
import type { Founder } from '@core/records';
import { tallyRows } from '@core/tallies/totals';
import { indexRowOf } from '../../../renderer/src/store/startupIndex';
import { indexRowsDelta, recordDelta } from '../../../renderer/src/store/tallies';
import { inTx, putAll } from './raw';
import type { Dataset } from './results';

export const TODAY = '2025-11-15';

/** A large desk is generated and written a slice of startups at a time (own id prefix and seed), never whole in memory. */
export const SLICE = 1000;

/** One slice of generated records: `count` startups (at most a slice) with ids starting `prefix`. */
export const slice = (count: number, seed: number, prefix: string, sessionsPerStartup = 0, quarters = 0): Incubator =>
  generateIncubator({ startups: Math.min(SLICE, count), sessionsPerStartup, quarters, seed, today: TODAY, idPrefix: prefix });

function indexRows(inc: Incubator) {
  const byStartup = new Map<string, Founder[]>();
  for (const f of inc.founders) byStartup.set(f.startupId, [...(byStartup.get(f.startupId) ?? []), f]);
  return inc.startups.map((s) => indexRowOf(s, byStartup.get(s.id) ?? []));
}


/**
 * Fills the desk with `size` startups as a long-used desk holds them: founders, quarterly reports,
 * mentors, sessions, the list's index rows and the totals the desk keeps. Written raw and with relaxed durability: this is setup,
 * not what is measured.
 */
export async function populate(idb: IDBDatabase, size: number, sessionsPerStartup: number, quarters: number, log: (line: string) => void): Promise<Dataset> {
  const started = performance.now();
  const d: Dataset = { size, startups: 0, founders: 0, reports: 0, sessions: 0, mentors: 0, quarters, sessionsPerStartup, populateSeconds: 0 };
  const slices = Math.ceil(size / SLICE);
  const sums = new Map<string, number>();
  const added = <T>(records: T[]) => records.map((after) => ({ before: undefined, after }));
  for (let k = 0; k < slices; k++) {
    const inc = slice(size - k * SLICE, 7 + k, `b${k}-`, sessionsPerStartup, quarters);
    const rows = indexRows(inc);
    indexRowsDelta(added(rows), sums);
    recordDelta('session', added(inc.sessions), sums);
    recordDelta('report', added(inc.reports), sums);
    recordDelta('mentor', added(inc.mentors), sums);
    await inTx(
      idb,
      ['carrier', 'startups', 'founders', 'startupIndex', 'reports', 'mentors', 'sessions'],
      'readwrite',
      (tx) => {
        if (k === 0) putAll(tx, 'carrier', [inc.carrier]);
        putAll(tx, 'startups', inc.startups);
        putAll(tx, 'founders', inc.founders);
        putAll(tx, 'startupIndex', rows);
        putAll(tx, 'reports', inc.reports);
        putAll(tx, 'mentors', inc.mentors);
        putAll(tx, 'sessions', inc.sessions);
      },
      'relaxed',
    );
    d.startups += inc.startups.length;
    d.founders += inc.founders.length;
    d.reports += inc.reports.length;
    d.sessions += inc.sessions.length;
    d.mentors += inc.mentors.length;
    if ((k + 1) % 10 === 0 || k === slices - 1) log(`  populated ${d.startups.toLocaleString('en-US')} startups (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await inTx(idb, ['tallies'], 'readwrite', (tx) => putAll(tx, 'tallies', tallyRows(sums)), 'relaxed');
  d.populateSeconds = (performance.now() - started) / 1000;
  return d;
}
