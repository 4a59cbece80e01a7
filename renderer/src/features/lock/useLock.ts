import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { db } from '../../store/db';
import { isUnlocked, lockSettings, subscribeUnlocked } from '../../store/sealing';

/** The lock's settings (null when no lock is set, undefined while loading) and whether the desk is unlocked. */
export function useLock() {
  const settings = useLiveQuery(async () => (await lockSettings(db)) ?? null, []);
  const unlocked = useSyncExternalStore(subscribeUnlocked, isUnlocked);
  return { settings, unlocked };
}
