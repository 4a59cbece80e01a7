import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, type FreshDatabase } from '../testing/backends';
import { type OpenStore, openStore } from './open';
import type { Store } from './schema';
import { inSharedCommit } from './sharedCommit';

const insert = (store: Store, n: number) => sql`insert into shared_commit_probe (n) values (${n})`.execute(store.db);
const stored = async (store: Store) =>
  (await sql<{ n: number }>`select n from shared_commit_probe order by n`.execute(store.db)).rows.map((r) => Number(r.n));

describe.each(backends)('transactions sharing a commit on $name', (backend) => {
  let database: FreshDatabase;
  let stores: OpenStore[] = [];
  afterEach(async () => {
    for (const store of stores) await store.close();
    stores = [];
    await database.dispose();
  });

  it('commits each before it resolves, and rolls back one that throws alone', async () => {
    database = await backend.fresh();
    const store = await openStore(database.location);
    // Another connection, to see what is committed.
    const other = await openStore(database.location);
    stores = [store, other];
    await sql`create table shared_commit_probe (n integer primary key)`.execute(store.db);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = inSharedCommit(store, async (trx) => {
      await insert(trx, 1);
      await gate;
    });
    // These arrive while the first runs: on SQLite they wait and then share one commit.
    const second = inSharedCommit(store, (trx) => insert(trx, 2));
    const failing = inSharedCommit(store, async (trx) => {
      await insert(trx, 4);
      throw new Error('refused');
    });
    const third = inSharedCommit(store, (trx) => insert(trx, 3));
    release();
    await first;
    expect(await stored(other)).toContain(1);
    await expect(failing).rejects.toThrow('refused');
    await Promise.all([second, third]);
    expect(await stored(other)).toEqual([1, 2, 3]);
  });
});
