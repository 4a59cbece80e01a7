import { useLiveQuery } from 'dexie-react-hooks';
import type { Carrier } from '@core/records';
import type { DateRange } from '@core/kpis/carrierNumbers';
import { dashboardFigures } from '@core/dashboard/figures';
import { loadCarrierTotals } from '../../store/carrierNumbers';
import { db } from '../../store/db';
import { loadTallyView } from '../../store/tallies';

/**
 * Everything the dashboard draws for a range, from the totals the desk keeps on every write: a few
 * thousand small rows at any size, never the records themselves.
 */
export function useDashboard(carrier: Carrier, range: DateRange) {
  return useLiveQuery(async () => {
    const view = await loadTallyView(db, [range]);
    return { figures: dashboardFigures(view, range), numbers: await loadCarrierTotals(db, carrier, range, view) };
  }, [carrier, range.from, range.to]);
}
export type Dashboard = NonNullable<ReturnType<typeof useDashboard>>;
