import type { Claim } from '../records';
import { addDays } from './calendar';

const CLOSED: readonly Claim['state'][] = ['rejected', 'withdrawn', 'defaulted'];

/** Open claims whose reminder (a loan's renewal, a subsidy's reporting duty) falls within `days` or has passed, soonest first. */
export function dueReminders<C extends Pick<Claim, 'state' | 'remindOn'>>(claims: readonly C[], today: string, days: number): C[] {
  const horizon = addDays(today, days);
  return claims.filter((c) => c.remindOn && c.remindOn <= horizon && !CLOSED.includes(c.state)).sort((a, b) => (a.remindOn! < b.remindOn! ? -1 : 1));
}
