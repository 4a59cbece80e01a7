import type { Table } from 'dexie';
import { DEMO_PREFIX, type Evaluation } from '@core/records';
import { demoClaims } from '@core/demo/claims';
import { generateIncubator, pastQuarters, type Incubator } from '@core/demo/generate';
import { demoCorrection, demoRound, type DemoScoring } from '@core/demo/rounds';
import { residentTemplate } from '@core/scoring';
import type { DeskDb } from './db';
import { evaluationId } from './evaluations';
import { operatorName } from './operator';
import { rebuildStartupIndex } from './rebuildIndex';
import { checkUnsealedWrite, prepareSeals } from './sealing';
import type { StartupIndexRow } from './startupIndex';
import { applyTallies, indexRowsDelta, recordDelta } from './tallies';

const DEMO_TABLES = ['startups', 'founders', 'startupIndex', 'reports', 'mentors', 'sessions', 'evaluations', 'exits', 'claims'] as const;

export async function hasDemoData(db: DeskDb): Promise<boolean> {
  return (await db.startups.where('id').startsWith(DEMO_PREFIX).count()) > 0;
}

const daysAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T02:00:00Z`) + days * 86_400_000).toISOString();

/**
 * The demo's evaluations with the default template: the two quarters before the latest finalized
 * three weeks after they ended (one of them corrected, as a revision), and the latest quarter
 * drafted with its manual items scored, for the manager to look over and finalize.
 */
function demoEvaluations(demo: Incubator, today: string): Evaluation[] {
  const quarters = pastQuarters(today, 3);
  const record = (s: DemoScoring, period: string, revision: number, status: Evaluation['status'], finalizedAt?: string): Evaluation => ({
    ...s,
    id: evaluationId(s.startupId, period, revision),
    updatedAt: finalizedAt ?? `${today}T08:00:00.000Z`,
    period,
    templateId: residentTemplate.id,
    templateVersion: residentTemplate.version,
    revision,
    status,
    ...(finalizedAt ? { finalizedAt, evaluator: operatorName() } : {}),
  });
  return quarters.flatMap(({ period, endsOn }, i) => {
    const round = demoRound(demo, period);
    if (i === quarters.length - 1) return round.map((s) => record(s, period, 1, 'draft'));
    const correction = i === quarters.length - 2 ? demoCorrection(round) : undefined;
    const finalized = round.map((s) => record(s, period, 1, s.startupId === correction?.startupId ? 'superseded' : 'finalized', daysAfter(endsOn, 21)));
    return correction ? [...finalized, record(correction, period, 2, 'finalized', daysAfter(endsOn, 35))] : finalized;
  });
}

/**
 * Demo records are not the carrier's: they are written without audit or outbox entries (they must
 * never reach the national roster, and a desk holding only them owes no backup) and carry the demo id
 * prefix so removal finds every one.
 */
export async function loadDemoData(db: DeskDb, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const demo = generateIncubator({ startups: 40, today });
  const sealed = await prepareSeals(db, demo.founders);
  const evaluations = demoEvaluations(demo, today);
  const claims = demoClaims(demo, today);
  await db.transaction('rw', [db.startups, db.founders, db.startupIndex, db.tallies, db.reports, db.mentors, db.sessions, db.evaluations, db.exits, db.claims, db.meta], async () => {
    await checkUnsealedWrite(db, !!sealed);
    await db.startups.bulkPut(demo.startups);
    await db.founders.bulkPut(sealed ? demo.founders.map(sealed) : demo.founders);
    await rebuildStartupIndex(db, demo.startups.map((s) => s.id));
    await db.reports.bulkPut(demo.reports);
    await db.mentors.bulkPut(demo.mentors);
    await db.sessions.bulkPut(demo.sessions);
    await db.evaluations.bulkPut(evaluations);
    await db.exits.bulkPut(demo.exits);
    await db.claims.bulkPut(claims);
    const added = <T>(records: T[]) => records.map((after) => ({ before: undefined, after }));
    const delta = recordDelta('mentor', added(demo.mentors), recordDelta('session', added(demo.sessions), recordDelta('report', added(demo.reports), recordDelta('evaluation', added(evaluations)))));
    await applyTallies(db.tallies, delta);
  });
}

/** Removes every demo record and whatever the desk wrote about them (audit, outbox): no trace left. */
export async function removeDemoData(db: DeskDb): Promise<void> {
  const tables = DEMO_TABLES.map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.tallies, db.audit, db.outbox], async () => {
    // What the demo records added to the kept totals goes with them.
    const demoOf = <T>(table: Table<T>) => table.where('id').startsWith(DEMO_PREFIX).toArray();
    const [rows, sessions, reports, evaluations, mentors] = await Promise.all([demoOf(db.startupIndex), demoOf(db.sessions), demoOf(db.reports), demoOf(db.evaluations), demoOf(db.mentors)]);
    const removed = <T>(records: T[]) => records.map((before) => ({ before, after: undefined }));
    const delta = indexRowsDelta(removed(rows as StartupIndexRow[]), recordDelta('session', removed(sessions), recordDelta('report', removed(reports), recordDelta('evaluation', removed(evaluations), recordDelta('mentor', removed(mentors))))));
    await applyTallies(db.tallies, delta);
    for (const table of tables) await table.where('id').startsWith(DEMO_PREFIX).delete();
    await db.audit.where('recordId').startsWith(DEMO_PREFIX).delete();
    await db.outbox.where('recordId').startsWith(DEMO_PREFIX).delete();
  });
}
