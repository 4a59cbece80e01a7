import { liveQuery } from 'dexie';
import { bridge } from '../platform/bridge';
import { db } from '../store/db';
import { pendingCount } from '../store/syncState';
import { deskEndpoint } from './endpoint';
import { syncOnce } from './engine';
import { createRunner, type SyncRunner } from './runner';

let runner: SyncRunner | undefined;

/**
 * The desk's one sync runner: it watches the outbox (a new entry means a change to send) and the
 * network, and never holds up the screen, since every round runs in the background. Started by the
 * status badge, which the shell always shows.
 */
export function deskSync(): SyncRunner {
  if (runner) return runner;
  const sync = createRunner({ sync: () => syncOnce({ db, endpoint: () => deskEndpoint(db, bridge) }) });
  let known = Number.POSITIVE_INFINITY;
  liveQuery(() => pendingCount(db)).subscribe((count) => {
    if (count > known) sync.changed();
    known = count;
  });
  window.addEventListener('online', () => void sync.syncNow());
  runner = sync;
  return sync;
}
