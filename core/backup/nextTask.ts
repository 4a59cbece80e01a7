/**
 * A turn of the event loop, so the page paints and answers input between chunks of a large file.
 * scheduler.yield where there is one: a chain of setTimeout(0) is clamped to 4 ms a turn, which over
 * thousands of chunks adds seconds.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
