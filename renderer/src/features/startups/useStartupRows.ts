import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { db } from '../../store/db';
import { countStartups, findStartups, hasFilter, pageStartups, type StartupQuery } from '../../store/startups';

const PAGE = 200;

/**
 * The list's rows for a query, live. Filtered queries read only their index slice; the unfiltered list
 * grows page by page (keyset, in index order) as the manager scrolls, so 100,000 startups never load at once.
 */
export function useStartupRows(query: StartupQuery) {
  const deferred = useDeferredValue(query);
  const [limit, setLimit] = useState(PAGE);
  const filtered = hasFilter(deferred);
  const result = useLiveQuery(async () => {
    if (filtered) {
      const rows = await findStartups(db, deferred);
      return { rows, total: rows.length };
    }
    const [rows, total] = await Promise.all([pageStartups(db, deferred, undefined, limit), countStartups(db, deferred.state)]);
    return { rows, total };
  }, [deferred, limit, filtered]);
  const rows = result?.rows ?? [];
  return {
    rows,
    total: result?.total,
    loading: result === undefined || deferred !== query,
    loadMore: () => {
      if (!filtered && result && rows.length < result.total && rows.length >= limit) setLimit(limit + PAGE);
    },
  };
}
