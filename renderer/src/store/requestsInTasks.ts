import Dexie, { type Table } from 'dexie';

/**
 * A bulk request (Dexie's bulkPut / bulkAdd) serialises every row, and derives its index keys, in the
 * task that issues it: 75 startups' audit entries or list rows in one request held the page for 100–160
 * ms. This sends rows a part at a time instead, each part issued from the last one's answer (a task of
 * its own, inside the same transaction), each sized by how long the last part took to issue, to stay
 * near `TASK_MS`.
 *
 * Below `DEXIE_TRACKS_BELOW` rows a request, Dexie's liveQuery support records every key it touches (a
 * list row's dozens of index keys) and merges them into the transaction's set, which grew through a bulk
 * edit until one merge took 200 ms (addRange, rebalance). From that many up it counts the table changed
 * as a whole, and merging into a whole table costs nothing. So a table's first request in a transaction
 * is of that many rows where there are, and only then are parts small.
 */
const TASK_MS = 25;
export const DEXIE_TRACKS_BELOW = 50;
const SMALL = 20;
const MIN = 5;
const MAX = 1000;

/** Tables each open transaction has already had a request of DEXIE_TRACKS_BELOW rows or more for. */
const wholeTables = new WeakMap<object, Set<string>>();

/** Sends `rows` with `table`'s bulk `method` in parts of a bounded time each; inside a transaction it keeps its all-or-nothing. */
export async function sendInTasks<T>(table: Table<T>, method: 'bulkPut' | 'bulkAdd', rows: readonly T[]): Promise<void> {
  const tx = Dexie.currentTransaction as object | null;
  const whole = tx ? (wholeTables.get(tx) ?? wholeTables.set(tx, new Set()).get(tx)!) : undefined;
  let size = whole?.has(table.name) ? SMALL : DEXIE_TRACKS_BELOW;
  for (let i = 0; i < rows.length; ) {
    const part = rows.slice(i, i + size);
    if (part.length >= DEXIE_TRACKS_BELOW) whole?.add(table.name);
    const started = performance.now();
    const sent = table[method](part);
    const took = performance.now() - started;
    await sent;
    i += part.length;
    size = Math.max(MIN, Math.min(MAX, Math.floor((part.length * TASK_MS) / Math.max(took, 1))));
    // Until the table counts as changed as a whole, a part below the threshold would be tracked key by key.
    if (!whole?.has(table.name)) size = Math.max(size, DEXIE_TRACKS_BELOW);
  }
}
