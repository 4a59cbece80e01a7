/** Plain IndexedDB, no Dexie: the floor each store operation is compared with. */

export const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * One transaction: `body` issues its requests (without waiting between writes, as a bulk writer
 * would) and the promise settles when the transaction commits. The store writes with strict
 * durability (db.ts), so the baseline's writes do too.
 */
export function inTx<T>(idb: IDBDatabase, stores: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => Promise<T> | T, durability: IDBTransactionDurability = 'strict'): Promise<T> {
  const tx = idb.transaction(stores, mode, { durability });
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
  return Promise.resolve(body(tx)).then(async (value) => {
    await done;
    return value;
  });
}

export const putAll = (tx: IDBTransaction, store: string, rows: readonly unknown[]) => {
  const s = tx.objectStore(store);
  for (const row of rows) s.put(row);
};

export const getAll = <T>(tx: IDBTransaction, store: string, index: string | null, range: IDBKeyRange | IDBValidKey | null, count?: number) => {
  const s = tx.objectStore(store);
  return request((index ? s.index(index) : s).getAll(range, count) as IDBRequest<T[]>);
};

/** Keys from `prefix` up to the highest string that starts with it. */
export const prefixRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** Deletes the rows of `store` whose `index` value starts with `prefix` (cleanup between runs, untimed). */
export async function deletePrefix(idb: IDBDatabase, store: string, index: string | null, prefix: string) {
  await inTx(
    idb,
    [store],
    'readwrite',
    async (tx) => {
      const s = tx.objectStore(store);
      const keys = await request((index ? s.index(index) : s).getAllKeys(prefixRange(prefix)));
      for (const k of keys) s.delete(k);
    },
    'relaxed',
  );
}
