import type { DateRange } from '../kpis/carrierNumbers';
import type { Evaluation, Founder, Mentor, Report, Session, Startup } from '../records';
import { factsOf } from '../tallies/contributions';
import { totalsOf } from '../tallies/totals';
import { monthsToRead, TallyView } from '../tallies/view';

/** The kept totals a desk holding these records would have, as read for these ranges. */
export function viewOf(
  records: { startups: readonly Startup[]; founders: readonly Founder[]; sessions?: readonly Session[]; reports?: readonly Report[]; evaluations?: readonly Evaluation[]; mentors?: readonly Mentor[] },
  ranges: readonly DateRange[],
) {
  const startups = records.startups.map((s) => factsOf(s, records.founders.filter((f) => f.startupId === s.id)));
  return new TallyView(totalsOf({ startups, sessions: records.sessions ?? [], reports: records.reports ?? [], evaluations: records.evaluations ?? [], mentors: records.mentors ?? [] }), monthsToRead(ranges));
}
