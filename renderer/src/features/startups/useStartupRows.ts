import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState, useSyncExternalStore } from 'react';
import { db } from '../../store/db';
import { listVersion, watchList } from '../../store/listMemory';
import { countMatches, pageStartups, type StartupQuery } from '../../store/startups';

const PAGE = 200;

/** A number that moves whenever the list's rows change: the list is answered from memory, which live queries do not see. */
export const useListVersion = () =>
  useSyncExternalStore(
    (fn) => watchList(db, fn),
    () => listVersion(db),
  );

/**
 * The list's rows for a query, live. Every query, filtered or not, grows page by page as the manager
 * scrolls, so 100,000 startups never render at once. The count is its own query: the first page shows
 * without waiting for it.
 */
export function useStartupRows(query: StartupQuery) {
  const deferred = useDeferredValue(query);
  const version = useListVersion();
  // A new query starts again at one page.
  const [more, setMore] = useState({ of: deferred, limit: PAGE });
  const limit = more.of === deferred ? more.limit : PAGE;
  const rows = useLiveQuery(() => pageStartups(db, deferred, undefined, limit), [deferred, limit, version]);
  const total = useLiveQuery(() => countMatches(db, deferred), [deferred, version]);
  const shown = rows ?? [];
  return {
    rows: shown,
    total,
    loading: rows === undefined || deferred !== query,
    loadMore: () => {
      if (rows && shown.length >= limit && (total === undefined || shown.length < total)) setMore({ of: deferred, limit: limit + PAGE });
    },
  };
}
