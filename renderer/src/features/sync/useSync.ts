import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import { db } from '../../store/db';
import { readSyncStatus, type SyncStatus } from '../../store/syncState';
import { deskSync } from '../../sync/deskSync';
import type { RunnerState } from '../../sync/runner';

const subscribeOnline = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

export interface SyncView {
  online: boolean;
  runner: RunnerState;
  status: SyncStatus | undefined;
  syncNow(): Promise<void>;
}

/** What the desk knows about sync, live: the network, the runner's round, and the stored state. */
export function useSync(): SyncView {
  const runner = deskSync();
  useEffect(() => runner.start(), [runner]);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const state = useSyncExternalStore(runner.subscribe, runner.getState);
  const status = useLiveQuery(() => readSyncStatus(db), []);
  return { online, runner: state, status, syncNow: runner.syncNow };
}
