import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Mentor, Session, Startup } from '@core/records';
import { db } from '../../store/db';
import { listMentors } from '../../store/mentors';
import { listStartups } from '../../store/sessions';

export interface Directory {
  mentors: Mentor[];
  startups: Startup[];
  /** Residents a session may be booked for: not exited, not voided. */
  residents: Startup[];
  mentorNames: (ids: readonly string[]) => string;
  startupNames: (ids: readonly string[]) => string;
}

/** Names for ids, kept live: sessions show mentors and startups by name everywhere. */
export function useDirectory(): Directory | undefined {
  const mentors = useLiveQuery(() => listMentors(db), []);
  const startups = useLiveQuery(() => listStartups(db), []);
  return useMemo(() => {
    if (!mentors || !startups) return undefined;
    const names = new Map<string, string>([...mentors, ...startups].map((r) => [r.id, r.name]));
    const join = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join('、');
    return {
      mentors,
      startups,
      residents: startups.filter((s) => s.status === 'resident' && !s.voidedAt),
      mentorNames: join,
      startupNames: join,
    };
  }, [mentors, startups]);
}

export const sessionTitle = (s: Session, d: Directory) => `${d.mentorNames(s.mentorIds)} · ${d.startupNames(s.startupIds)}`;
