import { findConflicts, lastHeldByStartup, mentorStats, overdueItems, refusalFor, DAY_MS, type Conflict, type MentorStats, type Refusal } from '@core/mentoring';
import type { Mentor, RuleSet, Session } from '@core/records';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { writeInTx, writeTables } from './write';

export type SessionInput = Omit<Session, 'id' | 'updatedAt'> & { id?: string };

/** A session named a startup it may not be recorded for; the screen says which and why. */
export class SessionRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`Session refused for ${refusal.startup.id}: ${refusal.reason}`);
    this.name = 'SessionRefused';
  }
}

/**
 * startsAt is indexed and queried as a string range, so it is always stored as UTC (`toISOString`):
 * `…+08:00` and `…Z` for the same instant would otherwise sort apart.
 */
const utc = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
};
const iso = (ms: number) => new Date(ms).toISOString();

/** Books or records a session; the startups are checked in the same transaction as the write. */
export async function saveSession(db: DeskDb, { id, ...input }: SessionInput): Promise<Session> {
  const record = { ...input, id: id ?? crypto.randomUUID(), startsAt: utc(input.startsAt) };
  return db.transaction('rw', [db.startups, ...writeTables(db, 'session')], async () => {
    for (const startup of await db.startups.bulkGet(record.startupIds)) {
      const refusal = startup && refusalFor(startup, record.startsAt);
      if (refusal) throw new SessionRefused(refusal);
    }
    return writeInTx(db, 'session', record, operatorName());
  });
}

export async function setActionItemDone(db: DeskDb, sessionId: string, itemId: string, done: boolean): Promise<Session> {
  const session = await db.sessions.get(sessionId);
  if (!session) throw new Error(`No session ${sessionId}`);
  return saveSession(db, { ...session, actionItems: session.actionItems.map((a) => (a.id === itemId ? { ...a, done } : a)) });
}

/** Sessions starting in [from, to), by the startsAt index. */
export const sessionsBetween = (db: DeskDb, from: number, to: number) => db.sessions.where('startsAt').between(iso(from), iso(to), true, false).toArray();

export const sessionsOfStartup = (db: DeskDb, startupId: string) => db.sessions.where('startupIds').equals(startupId).sortBy('startsAt');

/** No session lasts longer than a day (schema), so only sessions starting a day before can overlap. */
export async function conflictsFor(db: DeskDb, candidate: Pick<Session, 'mentorIds' | 'startsAt' | 'durationMinutes'> & { id?: string }): Promise<Conflict[]> {
  const start = Date.parse(candidate.startsAt);
  if (Number.isNaN(start) || !candidate.mentorIds.length) return [];
  const nearby = await sessionsBetween(db, start - DAY_MS, start + candidate.durationMinutes * 60_000);
  return findConflicts({ ...candidate, id: candidate.id ?? '' }, nearby);
}

/** How long a slice of a long range is: about a thousand sessions at 50,000 a year. */
const SLICE_MS = 7 * DAY_MS;
const yieldToUi = () => new Promise((resolve) => setTimeout(resolve));

/**
 * Sessions starting in [from, to), read a week at a time with a pause between weeks: reading a
 * year of 50,000 sessions in one request blocks the window for seconds while Chromium deserialises
 * them. Run it outside `useLiveQuery` (the pauses leave Dexie's query zone); see `useSessionsVersion`.
 */
export async function sessionsAcross(db: DeskDb, from: number, to: number): Promise<Session[]> {
  const out: Session[] = [];
  for (let start = from; start < to; start += SLICE_MS) {
    out.push(...(await sessionsBetween(db, start, Math.min(start + SLICE_MS, to))));
    await yieldToUi();
  }
  return out;
}

/** Every session, oldest first, in slices (the range comes from the startsAt index's two ends). */
async function allSessions(db: DeskDb): Promise<Session[]> {
  const [first, last] = await Promise.all([db.sessions.orderBy('startsAt').firstKey(), db.sessions.orderBy('startsAt').lastKey()]);
  return first && last ? sessionsAcross(db, Date.parse(String(first)), Date.parse(String(last)) + 1) : [];
}

/** Every mentor's statistics for [from, to): one sliced range read, one pass. */
export async function mentorStatsBetween(db: DeskDb, mentors: readonly Mentor[], from: number, to: number, rules: RuleSet): Promise<Map<string, MentorStats>> {
  return mentorStats(mentors, await sessionsAcross(db, from, to), rules);
}

/**
 * Each startup's last held session. The past year, by the startsAt index, finds nearly everyone;
 * only the startups it misses are looked up by the startupIds index, in one query.
 */
export async function lastHeldFor(db: DeskDb, startupIds: readonly string[], now: number): Promise<Map<string, number>> {
  const last = lastHeldByStartup(await sessionsAcross(db, now - 366 * DAY_MS, now + 1), now);
  const missing = startupIds.filter((id) => !last.has(id));
  if (missing.length) lastHeldByStartup(await db.sessions.where('startupIds').anyOf(missing).toArray(), now, last);
  return last;
}

/** Action items live inside sessions (no index reaches them), so every session is read, in slices. */
export async function overdueFollowUps(db: DeskDb, today: string) {
  return overdueItems(await allSessions(db), today);
}

/** Every startup (exited and voided too): old sessions still need their names. */
export const listStartups = (db: DeskDb) => db.startups.orderBy('name').toArray();
