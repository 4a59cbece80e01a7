import type { RuleSet, Session } from '../records';
import { daysBetween } from './time';

/**
 * Latest held session per startup, at or before `now`, from one pass. Pass `into` to fold a second
 * batch (for example the older sessions of startups the first batch did not reach).
 */
export function lastHeldByStartup(sessions: Iterable<Session>, now: number, into = new Map<string, number>()): Map<string, number> {
  for (const s of sessions) {
    if (s.status !== 'held') continue;
    const ms = Date.parse(s.startsAt);
    if (ms > now) continue;
    for (const id of s.startupIds) if (ms > (into.get(id) ?? -Infinity)) into.set(id, ms);
  }
  return into;
}

export interface StartupQuiet {
  startupId: string;
  /** undefined: never coached. */
  daysSince: number | undefined;
  quiet: boolean;
}

/**
 * Days since each resident's last held session; a resident is quiet after `quietDays` without one.
 * A resident never coached counts from admission, so a startup admitted last week is not yet quiet.
 */
export function quietness(
  residents: readonly { id: string; admittedOn: string }[],
  lastHeld: ReadonlyMap<string, number>,
  now: number,
  rules: Pick<RuleSet, 'quietDays'>,
): StartupQuiet[] {
  return residents.map((r) => {
    const last = lastHeld.get(r.id);
    const daysSince = last === undefined ? undefined : daysBetween(last, now);
    const idle = daysSince ?? daysBetween(Date.parse(`${r.admittedOn}T00:00:00Z`), now);
    return { startupId: r.id, daysSince, quiet: idle >= rules.quietDays };
  });
}
