import type { Carrier } from '@core/records';
import { carrierNumbers, numbersFromCounts, type DateRange } from '@core/kpis/carrierNumbers';
import { carrierCounts } from '@core/tallies/carrier';
import type { TallyView } from '@core/tallies/view';
import type { DeskDb } from './db';
import { loadTallyView } from './tallies';

/** A range of Beijing days as UTC instants, the way session times are stored. */
export const instantsOf = (range: DateRange): [string, string] => [
  new Date(Date.parse(`${range.from}T00:00:00+08:00`)).toISOString(),
  new Date(Date.parse(`${range.to}T23:59:59.999+08:00`)).toISOString(),
];

/** The carrier's numbers from the totals kept on write: a few rows at any size, without the records behind them. */
export async function loadCarrierTotals(db: DeskDb, carrier: Carrier, range: DateRange, view?: TallyView) {
  return numbersFromCounts(carrierCounts(view ?? (await loadTallyView(db, [range])), range), carrier, range);
}

/** The carrier's numbers with the records behind each, computed by core from every record the range involves. */
export async function loadCarrierNumbers(db: DeskDb, carrier: Carrier, range: DateRange) {
  const [startups, reports, sessions, mentors] = await Promise.all([
    db.startups.where('admittedOn').belowOrEqual(range.to).toArray(),
    db.reports.where('period').between(range.from.slice(0, 4), `${range.to.slice(0, 4)}\uffff`, true, true).toArray(),
    db.sessions.where('startsAt').between(...instantsOf(range), true, true).toArray(),
    db.mentors.toArray(),
  ]);
  return carrierNumbers({ carrier, startups, reports, sessions, mentors }, range);
}
