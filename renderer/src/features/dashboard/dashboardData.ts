import { useLiveQuery } from 'dexie-react-hooks';
import type { Carrier } from '@core/records';
import { numbersFromCounts, type DateRange } from '@core/kpis/carrierNumbers';
import { dashboardFigures } from '@core/dashboard/figures';
import { carrierCounts } from '@core/tallies/carrier';
import { db } from '../../store/db';
import { loadTallyView } from '../../store/tallies';

/**
 * Everything the dashboard draws for a range, from the totals the desk keeps on every write: a few
 * thousand small rows at any size, never the records themselves.
 */
export function useDashboard(carrier: Carrier, range: DateRange) {
  return useLiveQuery(async () => {
    const [view, mentors] = await Promise.all([loadTallyView(db, [range]), db.mentors.filter((m) => m.active).count()]);
    return { figures: dashboardFigures(view, range), numbers: numbersFromCounts(carrierCounts(view, range, mentors), carrier, range) };
  }, [carrier, range.from, range.to]);
}
export type Dashboard = NonNullable<ReturnType<typeof useDashboard>>;
