/** What the page hands back to the Node driver for one operation at one size (times in ms). */
export interface OpResult {
  op: string;
  size: number;
  /** Store (app code) times, one per run. */
  runs: number[];
  /** Raw IndexedDB doing the same reads/writes in one transaction, one per run; absent where none applies. */
  baseline?: number[];
  /** Raw IndexedDB writing only the records, their audit and outbox entries (a write's floor), one per run. */
  floor?: number[];
  /** Longest main-thread task seen while the operation ran (only for operations watched for it). */
  longestTask?: number;
  /** Highest used JS heap seen while the operation ran, in MB. */
  heapMb: number;
  note?: string;
  error?: string;
}

/** The shape of the data set one size was measured on. */
export interface Dataset {
  size: number;
  startups: number;
  founders: number;
  reports: number;
  sessions: number;
  mentors: number;
  quarters: number;
  sessionsPerStartup: number;
  populateSeconds: number;
}

export interface SizeRun {
  dataset: Dataset;
  results: OpResult[];
}

export interface BenchOptions {
  size: number;
  sessionsPerStartup: number;
  quarters: number;
  roster: { url: string; token: string; carrierCode: string } | null;
  /** Which operations to run (all when empty), by name prefix. */
  only: string[];
  /** Which of those to leave out, by name prefix. */
  except: string[];
}

/** Whether an operation is chosen by BENCH_ONLY and not left out by BENCH_EXCEPT. */
export const chosen = (o: Pick<BenchOptions, 'only' | 'except'>, op: string) =>
  (o.only.length === 0 || o.only.some((w) => op.startsWith(w))) && !o.except.some((w) => op.startsWith(w));

/** What the page exposes as `window.bench` for the driver. */
export interface BenchPage {
  run(o: BenchOptions): Promise<SizeRun>;
}
