import type { OpResult } from './results';

const longTasks: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ type: 'longtask' });

/** Chromium's non-standard heap figure; precise only with --enable-precise-memory-info. */
const usedHeapMb = () => ((performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20;

/** A macrotask turn: lets the long-task observer deliver. */
export const settle = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Measure {
  op: string;
  size: number;
  runs: number;
  store: () => Promise<unknown>;
  /** Raw IndexedDB doing the same reads/writes, run in turn with the store (each first every other run) so load hits both alike. */
  baseline?: () => Promise<unknown>;
  /**
   * For a write: raw IndexedDB writing only the records, their audit entries and outbox entries (no list
   * rows, no totals) in one strict transaction, run in turn with the other two. `'baseline'` where the
   * baseline already writes nothing derived (a round, a restore), so its runs count as the floor's too.
   */
  floor?: (() => Promise<unknown>) | 'baseline';
  /** Work to do before each run (and each baseline run) that is not timed. */
  before?: () => Promise<unknown>;
  /** Undo what a run wrote, untimed, so every run starts from the same data. */
  after?: () => Promise<unknown>;
  watchLongTasks?: boolean;
  note?: string;
}

declare global {
  interface Window {
    /** Set by the runner under BENCH_PROFILE: records the CPU profile of one operation's runs. */
    benchProfile?: (op: string, phase: 'start' | 'stop') => Promise<void>;
  }
}

/**
 * Times a run, sampling the heap every 50 ms while it lasts. A sample takes a millisecond or two
 * (precise memory info), so a run shorter than that (an edit, a search) is sampled only at its end.
 */
async function timed(fn: () => Promise<unknown>, sample: () => void): Promise<[number, number]> {
  const sampler = setInterval(sample, 50);
  try {
    const start = performance.now();
    await fn();
    return [start, performance.now()];
  } finally {
    clearInterval(sampler);
  }
}

/** Runs an operation and its baseline `runs` times each; a failure ends it and is reported, not thrown. */
export async function measure(m: Measure): Promise<OpResult> {
  const runs: number[] = [];
  const baseline: number[] = [];
  const floor: number[] = [];
  let longest = 0;
  // The heap figure is this operation's: without a collection first it counted what the ones before
  // left for the collector (the list export showed 314 MB in one run and 714 MB in the next).
  (globalThis as { gc?: () => void }).gc?.();
  let heap = usedHeapMb();
  const sample = () => (heap = Math.max(heap, usedHeapMb()));
  const result = (): OpResult => ({
    op: m.op,
    size: m.size,
    runs,
    ...(m.baseline ? { baseline } : {}),
    ...(m.floor ? { floor: m.floor === 'baseline' ? baseline : floor } : {}),
    ...(m.watchLongTasks ? { longestTask: longest } : {}),
    heapMb: Math.max(heap, usedHeapMb()),
    ...(m.note ? { note: m.note } : {}),
  });
  try {
    await window.benchProfile?.(m.op, 'start');
    const storeRun = async () => {
      await m.before?.();
      await settle();
      const [start, end] = await timed(m.store, sample);
      runs.push(end - start);
      // Long-task entries arrive after the task; give the observer a turn before reading them.
      await settle(20);
      for (const t of longTasks) if (t.end > start && t.start < end) longest = Math.max(longest, t.end - t.start);
      sample();
      await m.after?.();
    };
    const rawRun = (name: string, fn: () => Promise<unknown>, into: number[]) => async () => {
      await m.before?.();
      const [bStart, bEnd] = await timed(() => fn().catch((error: unknown) => Promise.reject(new Error(`${name}: ${String(error)}`))), () => {});
      into.push(bEnd - bStart);
      await m.after?.();
    };
    const turn = [storeRun, ...(m.baseline ? [rawRun('baseline', m.baseline, baseline)] : []), ...(typeof m.floor === 'function' ? [rawRun('floor', m.floor, floor)] : [])];
    for (let i = 0; i < m.runs; i++) {
      // Each first in turn: the second of a pair can find the database as the first left it (compacted,
      // cached), and a restore run second took a third of the time it took first.
      for (let k = 0; k < turn.length; k++) await turn[(i + k) % turn.length]!();
    }
    return result();
  } catch (error) {
    return { ...result(), error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    await window.benchProfile?.(m.op, 'stop');
    longTasks.length = 0;
  }
}
