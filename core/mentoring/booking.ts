import type { Session } from '../records';
import { endOf } from './time';

/** Sessions that still take the mentor's time: a cancelled or missed one frees the slot. */
const occupies = (s: Session) => s.status === 'scheduled' || s.status === 'held';

export interface Conflict {
  mentorId: string;
  session: Session;
}

type Candidate = Pick<Session, 'id' | 'mentorIds' | 'startsAt' | 'durationMinutes'>;

/**
 * Double bookings: another session of the same mentor whose time overlaps the candidate's
 * (touching end to start is not an overlap). The candidate itself, when edited, is skipped.
 */
export function findConflicts(candidate: Candidate, others: Iterable<Session>): Conflict[] {
  const start = Date.parse(candidate.startsAt);
  const end = endOf(candidate);
  const mentors = new Set(candidate.mentorIds);
  const out: Conflict[] = [];
  for (const s of others) {
    if (s.id === candidate.id || !occupies(s)) continue;
    if (Date.parse(s.startsAt) >= end || endOf(s) <= start) continue;
    for (const m of s.mentorIds) if (mentors.has(m)) out.push({ mentorId: m, session: s });
  }
  return out;
}
