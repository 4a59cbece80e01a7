import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncFailure } from './failure';
import { backoffDelay, createRunner, MAX_DELAY, MIN_DELAY } from './runner';

describe('backoffDelay', () => {
  it('doubles from 1 s to at most 5 min, with half of each delay random', () => {
    expect(backoffDelay(1, () => 0)).toBe(MIN_DELAY);
    expect(backoffDelay(1, () => 1)).toBe(MIN_DELAY);
    expect(backoffDelay(4, () => 0)).toBe(4_000);
    expect(backoffDelay(4, () => 1)).toBe(8_000);
    expect(backoffDelay(30, () => 0)).toBe(MAX_DELAY / 2);
    expect(backoffDelay(30, () => 0.999999)).toBeLessThanOrEqual(MAX_DELAY);
  });
});

describe('the sync runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs on start, backs off after failures, retries at once when asked, then keeps a period', async () => {
    let fail = true;
    const sync = vi.fn(async () => {
      if (fail) throw new SyncFailure('offline', 'Failed to fetch');
    });
    const runner = createRunner({ sync, periodMs: 60_000, debounceMs: 500, random: () => 1 });
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(runner.getState()).toMatchObject({ failures: 1, lastFailure: 'offline' });

    await vi.advanceTimersByTimeAsync(1_000);
    expect(sync).toHaveBeenCalledTimes(2);
    // Changes during a backoff wait for its retry instead of knocking again.
    runner.changed();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sync).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sync).toHaveBeenCalledTimes(3);

    fail = false;
    await runner.syncNow();
    expect(sync).toHaveBeenCalledTimes(4);
    expect(runner.getState()).toMatchObject({ failures: 0, lastFailure: undefined });

    runner.changed();
    runner.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(sync).toHaveBeenCalledTimes(5);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sync).toHaveBeenCalledTimes(6);
    runner.stop();
  });

  it('never runs two rounds at once: a request during a round runs right after it', async () => {
    let release = () => {};
    const sync = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const runner = createRunner({ sync });
    runner.start();
    void runner.syncNow();
    expect(sync).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync).toHaveBeenCalledTimes(2);
    release();
    runner.stop();
  });
});
