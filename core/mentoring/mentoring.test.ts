import { describe, expect, it } from 'vitest';
import type { Mentor, Session, Startup } from '../records';
import { findConflicts } from './booking';
import { refusalFor } from './eligibility';
import { openItems, overdueItems } from './followUps';
import { lastHeldByStartup, quietness } from './quiet';
import { mentorCoverage, mentorStats } from './stats';

const mentor = (id: string, active = true): Mentor => ({ id, updatedAt: '2026-01-01T00:00:00.000Z', name: id, kind: 'coach', expertise: [], active });
let n = 0;
const session = (over: Partial<Session>): Session => ({
  id: `c${++n}`,
  updatedAt: '2026-01-01T00:00:00.000Z',
  kind: 'appointment',
  mentorIds: ['m1'],
  startupIds: ['s1'],
  startsAt: '2026-03-02T02:00:00.000Z',
  durationMinutes: 60,
  mode: 'onsite',
  topics: [],
  actionItems: [],
  status: 'held',
  ...over,
});
const rules = { minSessionsPerMentorYear: 2, maxResidentsPerMentor: 10, quietDays: 30 };
const at = (iso: string) => Date.parse(iso);

describe('mentor statistics', () => {
  const mentors = [mentor('m1'), mentor('m2'), mentor('m3', false)];
  const stats = mentorStats(
    mentors,
    [
      session({ mentorIds: ['m1'], startupIds: ['s1'], rating: 4, startsAt: '2026-02-01T02:00:00.000Z' }),
      session({ mentorIds: ['m1'], startupIds: ['s2'], rating: 5, startsAt: '2026-05-01T02:00:00.000Z' }),
      session({ mentorIds: ['m1', 'm2'], kind: 'panel', startupIds: ['s1'], startsAt: '2026-04-01T02:00:00.000Z' }),
      session({ mentorIds: ['m2'], status: 'cancelled' }),
      session({ mentorIds: ['m2'], status: 'scheduled' }),
      session({ mentorIds: ['unknown'] }),
    ],
    rules,
  );

  it('counts held sessions, distinct residents, average rating and the latest session', () => {
    expect(stats.get('m1')).toEqual({ held: 3, residentsCoached: 2, averageRating: 4.5, lastSession: '2026-05-01T02:00:00.000Z', belowMinimum: false });
  });

  it('warns about an active mentor below the yearly minimum, counting held sessions only', () => {
    expect(stats.get('m2')).toMatchObject({ held: 1, averageRating: undefined, belowMinimum: true });
  });

  it('does not warn about an inactive mentor', () => {
    expect(stats.get('m3')).toMatchObject({ held: 0, belowMinimum: false, lastSession: undefined });
  });

  it('follows the rule set: a minimum of 0 never warns', () => {
    expect(mentorStats(mentors, [], { minSessionsPerMentorYear: 0 }).get('m2')!.belowMinimum).toBe(false);
  });

  it('stays a single pass over 50,000 sessions', () => {
    const many = Array.from({ length: 125 }, (_, i) => mentor(`m${i}`));
    const sessions = Array.from({ length: 50_000 }, (_, i) => session({ mentorIds: [`m${i % 125}`], startupIds: [`s${i % 1000}`], rating: 1 + (i % 5) }));
    const started = performance.now();
    const out = mentorStats(many, sessions, rules);
    expect(performance.now() - started).toBeLessThan(500);
    expect(out.get('m0')).toMatchObject({ held: 400, residentsCoached: 8 });
  });
});

describe('mentor-to-resident ratio', () => {
  it('asks for one active mentor per N residents', () => {
    expect(mentorCoverage(40, 4, rules)).toEqual({ residents: 40, activeMentors: 4, residentsPerMentor: 10, mentorsNeeded: 4, ok: true });
    expect(mentorCoverage(41, 4, rules)).toMatchObject({ mentorsNeeded: 5, ok: false });
  });
  it('handles no mentors and no residents', () => {
    expect(mentorCoverage(5, 0, rules)).toMatchObject({ residentsPerMentor: Infinity, ok: false });
    expect(mentorCoverage(0, 0, rules)).toMatchObject({ residentsPerMentor: 0, mentorsNeeded: 0, ok: true });
  });
});

describe('days since the last session and the quiet list', () => {
  const now = at('2026-06-30T04:00:00.000Z');
  const last = lastHeldByStartup(
    [
      session({ startupIds: ['s1'], startsAt: '2026-06-20T02:00:00.000Z' }),
      session({ startupIds: ['s1'], startsAt: '2026-05-20T02:00:00.000Z' }),
      session({ startupIds: ['s2', 's3'], kind: 'group', startsAt: '2026-05-01T02:00:00.000Z' }),
      session({ startupIds: ['s3'], status: 'noShow', startsAt: '2026-06-25T02:00:00.000Z' }),
      session({ startupIds: ['s3'], startsAt: '2026-07-05T02:00:00.000Z' }),
    ],
    now,
  );

  it('takes the latest held session, ignoring missed and future ones', () => {
    expect(last.get('s1')).toBe(at('2026-06-20T02:00:00.000Z'));
    expect(last.get('s3')).toBe(at('2026-05-01T02:00:00.000Z'));
  });

  it('folds a second batch into the first', () => {
    const more = lastHeldByStartup([session({ startupIds: ['s9'], startsAt: '2025-01-01T02:00:00.000Z' })], now, new Map(last));
    expect(more.get('s9')).toBe(at('2025-01-01T02:00:00.000Z'));
    expect(more.get('s1')).toBe(at('2026-06-20T02:00:00.000Z'));
  });

  it('counts whole days and marks residents quiet at the rule set threshold', () => {
    const rows = quietness(
      [
        { id: 's1', admittedOn: '2024-01-01' },
        { id: 's2', admittedOn: '2024-01-01' },
        { id: 'new', admittedOn: '2026-06-20' },
        { id: 'never', admittedOn: '2025-01-01' },
      ],
      last,
      now,
      rules,
    );
    expect(rows).toEqual([
      { startupId: 's1', daysSince: 10, quiet: false },
      { startupId: 's2', daysSince: 60, quiet: true },
      { startupId: 'new', daysSince: undefined, quiet: false },
      { startupId: 'never', daysSince: undefined, quiet: true },
    ]);
    expect(quietness([{ id: 's2', admittedOn: '2024-01-01' }], last, now, { quietDays: 61 })[0]!.quiet).toBe(false);
  });
});

describe('double booking', () => {
  const booked = session({ id: 'b', mentorIds: ['m1', 'm2'], kind: 'panel', status: 'scheduled', startsAt: '2026-03-02T02:00:00.000Z', durationMinutes: 90 });
  const candidate = { id: 'new', mentorIds: ['m2'], startsAt: '2026-03-02T03:00:00.000Z', durationMinutes: 60 };

  it('finds the same mentor at an overlapping time', () => {
    expect(findConflicts(candidate, [booked])).toEqual([{ mentorId: 'm2', session: booked }]);
  });
  it('compares instants, not how the offset is written', () => {
    expect(findConflicts({ ...candidate, startsAt: '2026-03-02T11:00:00+08:00' }, [booked])).toHaveLength(1);
  });
  it('allows back-to-back sessions, other mentors, and freed slots', () => {
    expect(findConflicts({ ...candidate, startsAt: '2026-03-02T03:30:00.000Z' }, [booked])).toEqual([]);
    expect(findConflicts({ ...candidate, startsAt: '2026-03-02T01:00:00.000Z' }, [booked])).toEqual([]);
    expect(findConflicts({ ...candidate, mentorIds: ['m3'] }, [booked])).toEqual([]);
    expect(findConflicts(candidate, [{ ...booked, status: 'cancelled' }])).toEqual([]);
  });
  it('skips the session being edited', () => {
    expect(findConflicts({ ...candidate, id: 'b' }, [booked])).toEqual([]);
  });
});

describe('follow-ups', () => {
  const s = session({
    actionItems: [
      { id: 'a', text: 'late', due: '2026-06-01', done: false },
      { id: 'b', text: 'later', due: '2026-06-20', done: false },
      { id: 'c', text: 'done', due: '2026-06-01', done: true },
      { id: 'd', text: 'today', due: '2026-06-30', done: false },
      { id: 'e', text: 'undated', done: false },
    ],
  });
  it('lists open items past due, most overdue first', () => {
    expect(overdueItems([s], '2026-06-30').map((f) => [f.item.id, f.daysOverdue])).toEqual([
      ['a', 29],
      ['b', 10],
    ]);
  });
  it('lists all open items, soonest due first', () => {
    expect(openItems([s]).map((f) => f.item.id)).toEqual(['a', 'b', 'd', 'e']);
  });
});

describe('who a session may be recorded for', () => {
  const base = { id: 's1', name: '云帆', status: 'resident' } as Startup;
  it('refuses a voided startup and an exited one after its exit', () => {
    expect(refusalFor({ ...base, voidedAt: '2026-01-01T00:00:00.000Z' }, '2025-06-01T02:00:00.000Z')?.reason).toBe('voided');
    expect(refusalFor({ ...base, status: 'exited', exitedOn: '2026-03-01' }, '2026-03-01T02:00:00.000Z')?.reason).toBe('exited');
    expect(refusalFor({ ...base, status: 'exited' }, '2020-01-01T02:00:00.000Z')?.reason).toBe('exited');
  });
  it('keeps sessions held before the exit editable', () => {
    expect(refusalFor({ ...base, status: 'exited', exitedOn: '2026-03-01' }, '2026-02-27T02:00:00.000Z')).toBeUndefined();
    expect(refusalFor(base, '2026-02-27T02:00:00.000Z')).toBeUndefined();
  });
});
