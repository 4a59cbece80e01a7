import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { db } from '../../store/db';
import { countMatches, LIST_COUNT_CAP, pageStartups, type StartupQuery } from '../../store/startups';

const PAGE = 200;

/**
 * The list's rows for a query, live. Every query, filtered or not, grows page by page (keyset, in index
 * order) as the manager scrolls, so 100,000 startups never load at once. The count is its own query:
 * the first page shows without waiting for it; a search counts up to `LIST_COUNT_CAP`.
 */
export function useStartupRows(query: StartupQuery) {
  const deferred = useDeferredValue(query);
  // A new query starts again at one page.
  const [more, setMore] = useState({ of: deferred, limit: PAGE });
  const limit = more.of === deferred ? more.limit : PAGE;
  const rows = useLiveQuery(() => pageStartups(db, deferred, undefined, limit), [deferred, limit]);
  const total = useLiveQuery(() => countMatches(db, deferred, LIST_COUNT_CAP), [deferred]);
  const shown = rows ?? [];
  return {
    rows: shown,
    total,
    loading: rows === undefined || deferred !== query,
    loadMore: () => {
      if (rows && shown.length >= limit && (total === undefined || total.more || shown.length < total.count)) setMore({ of: deferred, limit: limit + PAGE });
    },
  };
}
