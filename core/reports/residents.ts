import type { Startup } from '../records';
import { periodDays } from '../scoring/period';

/**
 * Whether a startup was in the carrier during any of the period: admitted before it ended, not
 * exited before it began, never voided (a voided admission never was one).
 */
export function residentDuring(startup: Startup, period: string): boolean {
  const { from, to } = periodDays(period);
  if (startup.voidedAt) return false;
  if (startup.admittedOn >= to) return false;
  return startup.status === 'resident' || !startup.exitedOn || startup.exitedOn >= from;
}
