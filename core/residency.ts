import type { Carrier, Founder, Startup } from './records';
import { policyKeyGroups } from './records';

const THREE_YEARS_MS = 3 * 365.25 * 86_400_000;

/**
 * Clause (十): a startup registered within three years (at admission) whose founder is in a key group may
 * be admitted free. An unregistered team is younger than any registration, so only its founders decide.
 */
export function qualifiesForFreeResidency(startup: Pick<Startup, 'registeredOn' | 'admittedOn'>, founders: Pick<Founder, 'keyGroups'>[]): boolean {
  const young = !startup.registeredOn || Date.parse(startup.admittedOn) - Date.parse(startup.registeredOn) <= THREE_YEARS_MS;
  return young && founders.some((f) => f.keyGroups.some((g) => policyKeyGroups.includes(g)));
}

export interface FreeSpaceUse {
  /** m² occupied by residents admitted free. */
  used: number;
  /** m² the carrier sets aside for free residency (area × share). */
  reserved: number;
  share: number;
}

export function freeSpaceUse(carrier: Pick<Carrier, 'area' | 'rules'>, residents: Pick<Startup, 'area' | 'feeWaived'>[]): FreeSpaceUse {
  const used = residents.reduce((sum, s) => sum + (s.feeWaived ? s.area : 0), 0);
  const reserved = carrier.area * carrier.rules.freeSpaceShare;
  return { used, reserved, share: reserved > 0 ? used / reserved : 0 };
}
