import type { Carrier } from '@core/records';
import { carrierNumbers, type DateRange } from '@core/kpis/carrierNumbers';
import type { DeskDb } from './db';

/** A range of Beijing days as UTC instants, the way session times are stored. */
export const instantsOf = (range: DateRange): [string, string] => [
  new Date(Date.parse(`${range.from}T00:00:00+08:00`)).toISOString(),
  new Date(Date.parse(`${range.to}T23:59:59.999+08:00`)).toISOString(),
];

/** The carrier's numbers for a range, computed by core from the records the range can involve. */
export async function loadCarrierNumbers(db: DeskDb, carrier: Carrier, range: DateRange) {
  const [startups, reports, sessions, mentors] = await Promise.all([
    db.startups.where('admittedOn').belowOrEqual(range.to).toArray(),
    db.reports.where('period').between(range.from.slice(0, 4), `${range.to.slice(0, 4)}\uffff`, true, true).toArray(),
    db.sessions.where('startsAt').between(...instantsOf(range), true, true).toArray(),
    db.mentors.toArray(),
  ]);
  return carrierNumbers({ carrier, startups, reports, sessions, mentors }, range);
}
