import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRuleSet } from '@core/records';
import { openDb, type DeskDb } from './db';
import { listMentors, saveMentor } from './mentors';
import { conflictsFor, lastHeldFor, mentorStatsBetween, overdueFollowUps, saveSession, SessionRefused, sessionsBetween, sessionsOfStartup, setActionItemDone, type SessionInput } from './sessions';
import { saveRecord } from './write';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`sessions-${++n}`);
  await db.open();
  for (const [id, over] of [
    ['s1', {}],
    ['s2', {}],
    ['gone', { status: 'exited', exitKind: 'graduated', exitedOn: '2026-03-01' }],
    ['void', { voidedAt: '2026-01-05T00:00:00.000Z', voidedReason: '误录' }],
  ] as const) {
    await saveRecord(db, 'startup', { id, name: `企业${id}`, entityType: 'team', industry: 'I', field: 'digital', stage: 'early', admittedOn: '2025-01-01', agreementEndsOn: '2027-12-31', area: 20, feeWaived: false, keyProject: false, status: 'resident', ...over }, 't');
  }
  await saveMentor(db, { id: 'm1', name: '王导师', kind: 'coach', coachLevel: 3, expertise: ['融资'], active: true });
  await saveMentor(db, { id: 'm2', name: '李导师', kind: 'investor', expertise: [], active: true });
});
afterEach(async () => {
  await db.delete();
});

const input = (over: Partial<SessionInput> = {}): SessionInput => ({
  kind: 'appointment',
  mentorIds: ['m1'],
  startupIds: ['s1'],
  startsAt: '2026-03-02T10:00:00+08:00',
  durationMinutes: 60,
  mode: 'onsite',
  topics: ['融资路演'],
  actionItems: [],
  status: 'scheduled',
  ...over,
});

describe('mentor pool', () => {
  it('saves a mentor with audit and outbox entries and lists by name', async () => {
    expect((await listMentors(db)).map((m) => m.id).sort()).toEqual(['m1', 'm2']);
    expect(await db.outbox.where('recordId').equals('m1').count()).toBe(1);
  });
});

describe('saving sessions', () => {
  it('stores startsAt as UTC so the index range finds it', async () => {
    const s = await saveSession(db, input());
    expect(s.startsAt).toBe('2026-03-02T02:00:00.000Z');
    const found = await sessionsBetween(db, Date.parse('2026-03-02T00:00:00+08:00'), Date.parse('2026-03-03T00:00:00+08:00'));
    expect(found.map((x) => x.id)).toEqual([s.id]);
    expect(await db.audit.where('recordId').equals(s.id).count()).toBe(1);
  });

  it('refuses a voided startup and writes nothing', async () => {
    const err = await saveSession(db, input({ kind: 'group', startupIds: ['s1', 'void'] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionRefused);
    expect((err as SessionRefused).refusal).toMatchObject({ reason: 'voided', startup: { name: '企业void' } });
    expect(await db.sessions.count()).toBe(0);
  });

  it('refuses an exited startup after its exit, keeps earlier history editable', async () => {
    await expect(saveSession(db, input({ startupIds: ['gone'] }))).rejects.toMatchObject({ refusal: { reason: 'exited' } });
    const before = await saveSession(db, input({ startupIds: ['gone'], startsAt: '2026-02-01T10:00:00+08:00', status: 'held' }));
    expect(before.status).toBe('held');
  });

  it('marks an action item done through the same write path', async () => {
    const s = await saveSession(db, input({ status: 'held', actionItems: [{ id: 'a1', text: '完善财务模型', due: '2026-03-10', done: false }] }));
    expect((await overdueFollowUps(db, '2026-03-20')).map((f) => f.item.id)).toEqual(['a1']);
    await setActionItemDone(db, s.id, 'a1', true);
    expect(await overdueFollowUps(db, '2026-03-20')).toEqual([]);
    expect(await db.audit.where('recordId').equals(s.id).count()).toBe(2);
  });
});

describe('queries', () => {
  it('warns about a double booking only for the same mentor at an overlapping time', async () => {
    const booked = await saveSession(db, input({ startsAt: '2026-03-02T09:30:00+08:00', durationMinutes: 90 }));
    const probe = { mentorIds: ['m1'], startsAt: '2026-03-02T10:30:00+08:00', durationMinutes: 60 };
    expect((await conflictsFor(db, probe)).map((c) => c.session.id)).toEqual([booked.id]);
    expect(await conflictsFor(db, { ...probe, mentorIds: ['m2'] })).toEqual([]);
    expect(await conflictsFor(db, { ...probe, id: booked.id })).toEqual([]);
    expect(await conflictsFor(db, { ...probe, startsAt: '2026-03-02T11:00:00+08:00' })).toEqual([]);
  });

  it('computes per-mentor statistics for a year range', async () => {
    await saveSession(db, input({ status: 'held', rating: 4 }));
    await saveSession(db, input({ status: 'held', startsAt: '2025-12-31T10:00:00+08:00' }));
    const stats = await mentorStatsBetween(db, await listMentors(db), Date.parse('2026-01-01T00:00:00+08:00'), Date.parse('2027-01-01T00:00:00+08:00'), defaultRuleSet);
    expect(stats.get('m1')).toMatchObject({ held: 1, averageRating: 4, belowMinimum: true });
    expect(stats.get('m2')).toMatchObject({ held: 0, belowMinimum: true });
  });

  it('finds the last held session of startups inside and beyond the past year', async () => {
    await saveSession(db, input({ status: 'held', startsAt: '2026-03-02T10:00:00+08:00' }));
    await saveSession(db, input({ status: 'held', startupIds: ['s2'], startsAt: '2024-05-02T10:00:00+08:00' }));
    await saveSession(db, input({ status: 'scheduled', startupIds: ['s2'], startsAt: '2026-03-03T10:00:00+08:00' }));
    const last = await lastHeldFor(db, ['s1', 's2'], Date.parse('2026-03-05T00:00:00Z'));
    expect(last.get('s1')).toBe(Date.parse('2026-03-02T02:00:00Z'));
    expect(last.get('s2')).toBe(Date.parse('2024-05-02T02:00:00Z'));
    expect((await sessionsOfStartup(db, 's2')).map((s) => s.status)).toEqual(['held', 'scheduled']);
  });
});
