import type { Table } from 'dexie';
import { DEMO_PREFIX } from '@core/records';
import { generateIncubator } from '@core/demo/generate';
import type { DeskDb } from './db';
import { rebuildStartupIndex } from './rebuildIndex';
import { checkUnsealedWrite, prepareSeals } from './sealing';
import type { StartupIndexRow } from './startupIndex';
import { applyTallies, indexRowsDelta, recordDelta } from './tallies';

const DEMO_TABLES = ['startups', 'founders', 'startupIndex', 'reports', 'mentors', 'sessions', 'evaluations', 'exits'] as const;

export async function hasDemoData(db: DeskDb): Promise<boolean> {
  return (await db.startups.where('id').startsWith(DEMO_PREFIX).count()) > 0;
}

/**
 * Demo records are not the carrier's: they are written without audit or outbox entries (they must
 * never reach the national roster) and carry the demo id prefix so removal finds every one.
 */
export async function loadDemoData(db: DeskDb, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const demo = generateIncubator({ startups: 40, today });
  const sealed = await prepareSeals(db, demo.founders);
  await db.transaction('rw', [db.startups, db.founders, db.startupIndex, db.tallies, db.reports, db.mentors, db.sessions, db.meta], async () => {
    await checkUnsealedWrite(db, !!sealed);
    await db.startups.bulkPut(demo.startups);
    await db.founders.bulkPut(sealed ? demo.founders.map(sealed) : demo.founders);
    await rebuildStartupIndex(db, demo.startups.map((s) => s.id));
    await db.reports.bulkPut(demo.reports);
    await db.mentors.bulkPut(demo.mentors);
    await db.sessions.bulkPut(demo.sessions);
    const added = <T>(records: T[]) => records.map((after) => ({ before: undefined, after }));
    await applyTallies(db.tallies, recordDelta('mentor', added(demo.mentors), recordDelta('session', added(demo.sessions), recordDelta('report', added(demo.reports)))));
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
