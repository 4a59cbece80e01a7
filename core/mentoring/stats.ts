import type { Mentor, RuleSet, Session } from '../records';

export interface MentorStats {
  /** Held sessions in the period (the yearly minimum counts these, not bookings). */
  held: number;
  /** Distinct startups met in those sessions. */
  residentsCoached: number;
  /** Mean of the ratings given, undefined when none was given. */
  averageRating: number | undefined;
  /** startsAt of the latest held session in the period. */
  lastSession: string | undefined;
  /** Active and below the rule set's yearly minimum. */
  belowMinimum: boolean;
}

/**
 * Every mentor's statistics from one pass over the period's sessions (the caller loads the period
 * by its startsAt index), so the cost grows with sessions, never with sessions × mentors.
 */
export function mentorStats(mentors: readonly Mentor[], periodSessions: Iterable<Session>, rules: Pick<RuleSet, 'minSessionsPerMentorYear'>): Map<string, MentorStats> {
  const acc = new Map<string, { held: number; startups: Set<string>; ratingSum: number; rated: number; last?: string; lastMs: number }>();
  for (const m of mentors) acc.set(m.id, { held: 0, startups: new Set(), ratingSum: 0, rated: 0, lastMs: -Infinity });
  for (const s of periodSessions) {
    if (s.status !== 'held') continue;
    const ms = Date.parse(s.startsAt);
    for (const id of s.mentorIds) {
      const a = acc.get(id);
      if (!a) continue;
      a.held += 1;
      for (const st of s.startupIds) a.startups.add(st);
      if (s.rating !== undefined) {
        a.ratingSum += s.rating;
        a.rated += 1;
      }
      if (ms > a.lastMs) {
        a.lastMs = ms;
        a.last = s.startsAt;
      }
    }
  }
  const out = new Map<string, MentorStats>();
  for (const m of mentors) {
    const a = acc.get(m.id)!;
    out.set(m.id, {
      held: a.held,
      residentsCoached: a.startups.size,
      averageRating: a.rated ? Math.round((a.ratingSum / a.rated) * 10) / 10 : undefined,
      lastSession: a.last,
      belowMinimum: m.active && a.held < rules.minSessionsPerMentorYear,
    });
  }
  return out;
}

export interface Coverage {
  residents: number;
  activeMentors: number;
  /** Residents per active mentor; Infinity when residents have no mentor at all. */
  residentsPerMentor: number;
  /** Active mentors the rule set asks for, at most `maxResidentsPerMentor` residents each. */
  mentorsNeeded: number;
  ok: boolean;
}

/** The carrier-level ratio the local rules check: one mentor for every N residents. */
export function mentorCoverage(residents: number, activeMentors: number, rules: Pick<RuleSet, 'maxResidentsPerMentor'>): Coverage {
  const mentorsNeeded = Math.ceil(residents / rules.maxResidentsPerMentor);
  const residentsPerMentor = activeMentors ? residents / activeMentors : residents ? Infinity : 0;
  return { residents, activeMentors, residentsPerMentor, mentorsNeeded, ok: activeMentors >= mentorsNeeded };
}
