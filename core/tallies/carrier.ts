import type { CarrierCounts, DateRange } from '../kpis/carrierNumbers';
import { latestReportedQuarter } from '../kpis/carrierNumbers';
import { exitKinds } from '../records';
import type { TallyView } from './view';

/** The counts behind the carrier numbers, from kept totals: the same as `carrierNumbers` reads from records. */
export function carrierCounts(t: TallyView, range: DateRange): CarrierCounts {
  const present = (day: string) => t.through('in', day) - t.through('out', day);
  const exitedByKind: Record<string, number> = {};
  for (const kind of [...exitKinds, 'unknown']) {
    const n = t.between(`exit:${kind}`, range);
    if (n > 0) exitedByKind[kind] = n;
  }
  const quarter = latestReportedQuarter(t.entries('q|reports|').map(([k]) => k.slice('q|reports|'.length)), range);
  const q = (field: string) => (quarter ? t.get(`q|${field}|${quarter}`) : 0);
  const atEnd = present(range.to);
  return {
    atStart: present(range.from),
    atEnd,
    admitted: t.between('in', range),
    exited: t.between('out', range),
    exitedByKind,
    successes: t.between('success', range),
    due: t.between('due', range),
    leftOnTime: t.between('ontime', range),
    areaUsed: t.through('areaIn', range.to) - t.through('areaOut', range.to),
    reported: q('reports'),
    employees: q('employees'),
    keyGroupHires: q('keyGroupHires'),
    newGraduateHires: q('newGraduateHires'),
    financed: q('financed'),
    held: t.between('held', range),
    mentors: t.get('k|mentors'),
  };
}
