import type { DateRange } from '../kpis/carrierNumbers';
import type { Startup } from '../records';

/** In residence on the range's last day, as the rosters and the 火炬 table count them (not voided, not yet left). */
export const residentsAt = (startups: readonly Startup[], range: DateRange): Startup[] =>
  startups
    .filter((s) => !s.voidedAt && s.admittedOn <= range.to && !(s.status === 'exited' && s.exitedOn && s.exitedOn <= range.to))
    .sort((a, b) => a.admittedOn.localeCompare(b.admittedOn) || a.name.localeCompare(b.name, 'zh-CN'));
