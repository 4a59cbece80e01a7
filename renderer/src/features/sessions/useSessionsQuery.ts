import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type DependencyList } from 'react';
import { db } from '../../store/db';

let runs = 0;
/** A number that changes whenever any session is written: `count()` observes the whole table. */
const useSessionsVersion = () =>
  useLiveQuery(async () => {
    await db.sessions.count();
    return ++runs;
  }, []);

/**
 * A heavy read over many sessions (sliced, see `sessionsAcross`), which cannot run inside
 * `useLiveQuery`: redone when sessions change, keeping the last answer on screen meanwhile;
 * cleared when `deps` change, since the last answer was to another question.
 */
export function useSessionsQuery<T>(load: () => Promise<T>, deps: DependencyList): T | undefined {
  const version = useSessionsVersion();
  const [value, setValue] = useState<T>();
  const lastVersion = useRef(version);
  useEffect(() => {
    if (version === undefined) return;
    if (lastVersion.current === version) setValue(undefined);
    lastVersion.current = version;
    let current = true;
    void load().then((v) => current && setValue(() => v));
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `deps` name what it reads.
  }, [version, ...deps]);
  return value;
}
