/**
 * A bulk request (Dexie's bulkPut / bulkAdd) serialises every row, and derives its index keys, in the
 * task that issues it: 150 startups' audit entries or list rows in one request held the page for
 * 200–250 ms. This sends rows a part at a time instead, each part issued from the last one's answer (a
 * task of its own, inside the same transaction), each sized by how long the last part took to issue, to
 * stay near `TASK_MS`.
 *
 * Never fewer than `DEXIE_TRACKS_BELOW` rows a request, though: below that Dexie's liveQuery support
 * records every key the request touches, list rows' dozens of index keys each, and merges them into the
 * transaction's set, which grows through a bulk edit until merging one request took 200 ms (addRange,
 * rebalance). From that many up it marks the table changed as a whole, at no cost.
 */
const TASK_MS = 25;
export const DEXIE_TRACKS_BELOW = 50;
const MAX = 1000;

/** Sends `rows` through `send` in parts of a bounded time each; a caller inside a transaction keeps its all-or-nothing. */
export async function sendInTasks<T>(rows: readonly T[], send: (part: T[]) => Promise<unknown>): Promise<void> {
  let size = DEXIE_TRACKS_BELOW;
  for (let i = 0; i < rows.length; ) {
    // No short last part: what would be left goes with this one.
    const take = rows.length - i - size < DEXIE_TRACKS_BELOW ? rows.length - i : size;
    const part = rows.slice(i, i + take);
    const started = performance.now();
    const sent = send(part);
    const took = performance.now() - started;
    await sent;
    i += part.length;
    size = Math.max(DEXIE_TRACKS_BELOW, Math.min(MAX, Math.floor((part.length * TASK_MS) / Math.max(took, 1))));
  }
}
