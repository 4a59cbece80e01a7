import type { Table } from 'dexie';
import { groupKey, isLive, type DuplicateGroup } from '@core/identity';
import type { Startup } from '@core/records';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { POSSIBLE } from './duplicateScan';
import { prepareSeals, unsealFounders } from './sealing';
import { writeManyInTx, writeTables } from './write';

/** A group as the view shows it: its startups as they are now. */
export interface PossibleDuplicate {
  group: DuplicateGroup;
  startups: Startup[];
}

/** The groups still open: a group whose startups are no longer two live ones (merged, voided, exited) is done. */
export async function possibleDuplicates(db: DeskDb): Promise<PossibleDuplicate[]> {
  const groups = ((await db.meta.get(POSSIBLE))?.value as DuplicateGroup[] | undefined) ?? [];
  const found = await Promise.all(groups.map(async (group) => ({ group, startups: (await db.startups.bulkGet(group.startupIds)).filter((s): s is Startup => !!s && isLive(s)) })));
  return found.filter((d) => d.startups.length > 1);
}

async function dropGroup(db: DeskDb, group: DuplicateGroup) {
  const groups = ((await db.meta.get(POSSIBLE))?.value as DuplicateGroup[] | undefined) ?? [];
  await db.meta.put({ key: POSSIBLE, value: groups.filter((g) => groupKey(g) !== groupKey(group)) });
}

/** The manager says the group's startups are distinct: the group is not listed again. */
export const keepDuplicates = (db: DeskDb, group: DuplicateGroup) => db.transaction('rw', db.meta, () => dropGroup(db, group));

/**
 * Merges the other startups of a group into `keepId`: their founders, reports, evaluations, sessions
 * and exit decisions are re-pointed to it (each write with its audit and outbox entry), then each is
 * voided with a reason naming the kept one, so its own history stays readable under the voided filter.
 * A founder the kept startup already has (the same ID number), or a report or evaluation for a period
 * it already has, stays on the voided startup rather than being held twice.
 */
export async function mergeStartups(db: DeskDb, group: DuplicateGroup, keepId: string, reason: (kept: Startup) => string): Promise<void> {
  const others = group.startupIds.filter((id) => id !== keepId);
  // Founders are written with their numbers open, sealed again before the transaction (see sealing.ts).
  const plain = await unsealFounders(await db.founders.where('startupId').anyOf(group.startupIds).toArray());
  const sealed = await prepareSeals(db, plain);
  const plainFounders = (id: string) => plain.filter((f) => f.startupId === id);
  await db.transaction('rw', writeTables(db, 'startup', 'founder', 'report', 'evaluation', 'session', 'exit'), async () => {
    const who = operatorName();
    const kept = await db.startups.get(keepId);
    if (!kept) throw new Error(`No startup ${keepId}`);
    const byStartup = (table: Table) => Promise.all([keepId, ...others].map((id) => table.where('startupId').equals(id).toArray()));
    const founders = [keepId, ...others].map(plainFounders);
    const [reports, evaluations, exits, sessions] = await Promise.all([
      byStartup(db.reports) as Promise<{ id: string; startupId: string; period: string }[][]>,
      byStartup(db.evaluations) as Promise<{ id: string; startupId: string; period: string }[][]>,
      byStartup(db.exits) as Promise<{ id: string; startupId: string }[][]>,
      Promise.all(others.map((id) => db.sessions.where('startupIds').equals(id).toArray())),
    ]);
    const moved = <T extends { startupId: string }>(own: T[], theirs: T[][], clash: (a: T, b: T) => boolean) => {
      const result: T[] = [];
      for (const r of theirs.flat()) if (![...own, ...result].some((o) => clash(o, r))) result.push({ ...r, startupId: keepId });
      return result;
    };
    const samePeriod = (a: { period: string }, b: { period: string }) => a.period === b.period;
    const [ownFounders, ...otherFounders] = founders;
    const [ownReports, ...otherReports] = reports;
    const [ownEvaluations, ...otherEvaluations] = evaluations;
    await writeManyInTx(db, 'founder', moved(ownFounders!, otherFounders, (a, b) => a.idNumber === b.idNumber), who, { stored: sealed });
    await writeManyInTx(db, 'report', moved(ownReports!, otherReports, samePeriod), who);
    await writeManyInTx(db, 'evaluation', moved(ownEvaluations!, otherEvaluations, samePeriod), who);
    await writeManyInTx(db, 'exit', exits.slice(1).flat().map((e) => ({ ...e, startupId: keepId })), who);
    const uniqueSessions = [...new Map(sessions.flat().map((s) => [s.id, s])).values()];
    await writeManyInTx(db, 'session', uniqueSessions.map((s) => ({ ...s, startupIds: [...new Set(s.startupIds.map((id) => (others.includes(id) ? keepId : id)))] })), who);
    const voided = (await db.startups.bulkGet(others)).filter((s): s is Startup => !!s);
    await writeManyInTx(db, 'startup', voided.map((s) => ({ ...s, voidedReason: reason(kept), voidedAt: new Date().toISOString() })), who);
    await dropGroup(db, group);
  });
}
