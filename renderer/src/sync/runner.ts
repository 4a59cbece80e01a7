import type { SyncFailureKind } from '../store/syncState';
import { asFailure } from './failure';

export const MIN_DELAY = 1_000;
export const MAX_DELAY = 300_000;

/**
 * Exponential backoff with "equal jitter": half of the doubled delay is fixed, half random, so many desks
 * coming back after one outage do not all knock at once, and no retry comes sooner than a second.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY, MIN_DELAY * 2 ** Math.max(0, failures - 1));
  return Math.max(MIN_DELAY, Math.round(ceiling * (0.5 + random() / 2)));
}

export interface RunnerState {
  syncing: boolean;
  /** Failed rounds in a row; 0 after a success. */
  failures: number;
  lastFailure?: SyncFailureKind;
  nextAttemptAt?: number;
}

export interface RunnerOptions {
  sync(): Promise<void>;
  /** Between successful rounds, to pick up the roster's decisions. */
  periodMs?: number;
  /** After a change, so a burst of typing makes one round. */
  debounceMs?: number;
  random?: () => number;
}

export type SyncRunner = ReturnType<typeof createRunner>;

/** Runs sync rounds one at a time: on start, after changes, periodically, at once when asked; backs off on failure. */
export function createRunner({ sync, periodMs = 120_000, debounceMs = 1_000, random }: RunnerOptions) {
  let state: RunnerState = { syncing: false, failures: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  // Asked for while a round was running: 'now' runs again at once, 'soon' after the debounce.
  let again: 'now' | 'soon' | undefined;
  const listeners = new Set<() => void>();

  const update = (next: Partial<RunnerState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
    update({ nextAttemptAt: Date.now() + ms });
  };

  async function run(): Promise<void> {
    if (state.syncing) {
      again = 'now';
      return;
    }
    clearTimeout(timer);
    again = undefined;
    update({ syncing: true, nextAttemptAt: undefined });
    try {
      await sync();
      update({ syncing: false, failures: 0, lastFailure: undefined });
    } catch (error) {
      update({ syncing: false, failures: state.failures + 1, lastFailure: asFailure(error).kind });
    }
    if (again === 'now') return run();
    if (!started) return;
    if (state.failures) schedule(backoffDelay(state.failures, random));
    else schedule(again === 'soon' ? debounceMs : periodMs);
  }

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Idempotent: the first call starts the first round. */
    start() {
      if (started) return;
      started = true;
      void run();
    },
    /** "Sync now" and the machine coming back online: at once, whatever the backoff. */
    syncNow: () => run(),
    /** A new change: soon, unless a failure's backoff is running (its retry will carry the change). */
    changed() {
      if (state.syncing) again ??= 'soon';
      else if (started && state.failures === 0) schedule(debounceMs);
    },
    stop() {
      started = false;
      clearTimeout(timer);
    },
  };
}
