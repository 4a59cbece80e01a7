import type { Carrier } from '@core/records';
import { carrierNumbers, type DateRange } from '@core/kpis/carrierNumbers';
import type { DeskDb } from './db';

/** The carrier's numbers for a range, computed by core from the records the range can involve. */
export async function loadCarrierNumbers(db: DeskDb, carrier: Carrier, range: DateRange) {
  const [startups, reports, sessions, mentors] = await Promise.all([
    db.startups.where('admittedOn').belowOrEqual(range.to).toArray(),
    db.reports.where('period').between(range.from.slice(0, 4), `${range.to.slice(0, 4)}\uffff`, true, true).toArray(),
    db.sessions.where('startsAt').between(`${range.from}T00:00:00`, `${range.to}T23:59:59\uffff`, true, true).toArray(),
    db.mentors.toArray(),
  ]);
  return carrierNumbers({ carrier, startups, reports, sessions, mentors }, range);
}
