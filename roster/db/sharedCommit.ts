import { sql } from 'kysely';
import type { Store } from './schema';

interface Waiting {
  work: (trx: Store) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

const waitingBy = new WeakMap<Store['db'], { jobs: Waiting[]; draining: boolean }>();

/**
 * Runs `work` in a transaction of its own, committed before this resolves. On SQLite, whose one writer
 * takes transactions one after the other, those that arrived while one was running are run together in
 * the next, each in a savepoint of its own, and share its commit: one fsync (synchronous = FULL) for
 * all of them instead of one each, and the fsync blocks the service's one thread. Each still resolves
 * only once its writes are durable; one that throws is rolled back to its savepoint alone and rejects;
 * a failed commit rejects them all. PostgreSQL runs each in its own transaction (its connections commit
 * in parallel).
 */
export function inSharedCommit<T>(store: Store, work: (trx: Store) => Promise<T>): Promise<T> {
  if (store.dialect === 'pg') return store.db.transaction().execute((trx) => work({ ...store, db: trx }));
  let queue = waitingBy.get(store.db);
  if (!queue) waitingBy.set(store.db, (queue = { jobs: [], draining: false }));
  const waiting = queue;
  return new Promise<T>((resolve, reject) => {
    waiting.jobs.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!waiting.draining) void drain(store, waiting);
  });
}

async function drain(store: Store, queue: { jobs: Waiting[]; draining: boolean }): Promise<void> {
  queue.draining = true;
  while (queue.jobs.length > 0) {
    const group = queue.jobs.splice(0);
    const done: { job: Waiting; value: unknown }[] = [];
    let next = 0;
    try {
      await store.db.transaction().execute(async (trx) => {
        for (; next < group.length; next++) {
          const job = group[next]!;
          await sql`savepoint shared_commit`.execute(trx);
          try {
            done.push({ job, value: await job.work({ ...store, db: trx }) });
          } catch (err) {
            await sql`rollback to shared_commit`.execute(trx);
            job.reject(err);
          }
          await sql`release shared_commit`.execute(trx);
        }
      });
      for (const { job, value } of done) job.resolve(value);
    } catch (err) {
      // The transaction is gone (a rollback to the savepoint or the commit failed): nothing of it stands.
      for (const { job } of done) job.reject(err);
      for (const job of group.slice(next)) job.reject(err);
    }
  }
  queue.draining = false;
}
