import { useLiveQuery } from 'dexie-react-hooks';
import type { Carrier } from '@core/records';
import type { DateRange } from '@core/kpis/carrierNumbers';
import { dashboardFigures } from '@core/dashboard/figures';
import { instantsOf, loadCarrierNumbers } from '../../store/carrierNumbers';
import { db } from '../../store/db';

/** Everything the dashboard draws for a range, computed by core from the records. */
export function useDashboard(carrier: Carrier, range: DateRange) {
  return useLiveQuery(async () => {
    const [startups, founders, reports, sessions, evaluations, numbers] = await Promise.all([
      db.startups.where('admittedOn').belowOrEqual(range.to).toArray(),
      db.founders.toArray(),
      db.reports.where('period').between(range.from.slice(0, 4), `${range.to.slice(0, 4)}\uffff`, true, true).toArray(),
      db.sessions.where('startsAt').between(...instantsOf(range), true, true).toArray(),
      db.evaluations.where('period').between(range.from.slice(0, 4), `${range.to.slice(0, 4)}\uffff`, true, true).toArray(),
      loadCarrierNumbers(db, carrier, range),
    ]);
    return { figures: dashboardFigures({ startups, founders, reports, sessions, evaluations }, range), numbers };
  }, [carrier, range.from, range.to]);
}
export type Dashboard = NonNullable<ReturnType<typeof useDashboard>>;
