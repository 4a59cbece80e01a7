import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carrierNumbers, numbersFromCounts } from '@core/kpis/carrierNumbers';
import { carrierCounts } from '@core/tallies/carrier';
import { factsOf } from '@core/tallies/contributions';
import { totalsOf } from '@core/tallies/totals';
import { aFounder, aReport, aSession, aStartup, anEvaluation } from '@core/testing/records';
import { openDb, type DeskDb } from './db';
import { loadDemoData, removeDemoData } from './demo';
import { approveExit, proposeExit } from './exits';
import { rebuildDerived } from './rebuildIndex';
import { saveStartup, voidStartup } from './startups';
import { loadTallyView } from './tallies';
import { saveRecord, writeManyInTx, writeTables } from './write';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`tallies-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

const sorted = (rows: { key: string; n: number }[]) => rows.map(({ key, n }) => `${key}=${n}`).sort();
/** What the totals would be if derived anew from the records as they now are. */
async function derivedAnew() {
  const copy = await db.tallies.toArray();
  await db.transaction('rw', [db.startups, db.founders, db.startupIndex, db.tallies, db.sessions, db.reports, db.evaluations, db.mentors], async () => {
    await rebuildDerived(db);
  });
  const anew = await db.tallies.toArray();
  await db.transaction('rw', db.tallies, async () => {
    await db.tallies.clear();
    await db.tallies.bulkPut(copy);
  });
  return anew;
}
const { id: _id, updatedAt: _u, ...startupInput } = aStartup('x', { entityType: 'team' });

describe('kept totals', () => {
  it('follow every kind of write exactly as if derived anew from the records', async () => {
    await loadDemoData(db, '2026-11-28');
    await saveStartup(db, { ...startupInput, id: 's1', admittedOn: '2026-02-03', area: 55 }, [aFounder('f1', 's1', { keyGroups: ['veteran', 'graduate'] })]);
    await saveStartup(db, { ...startupInput, id: 's2', name: '乙团队', stage: 'growth', admittedOn: '2025-05-05', agreementEndsOn: '2026-12-01' }, []);
    await saveStartup(db, { ...startupInput, id: 's3', name: '丙团队' }, []);
    // An edit moves the startup's stage; a founder's groups move the key-group counts.
    await saveStartup(db, { ...startupInput, id: 's1', admittedOn: '2026-02-03', area: 55, stage: 'growth' }, [aFounder('f1', 's1', { keyGroups: ['graduate'] })]);
    await voidStartup(db, 's3', '重复录入');
    const exit = await proposeExit(db, { startupId: 's2', kind: 'graduated', reasons: ['criteriaMet'], evidence: [] });
    await approveExit(db, exit.id, '2026-11-20');
    const held = aSession('m1', '2026-03-04T02:00:00.000Z', { kind: 'group', startupIds: ['s1', 's2'] });
    await saveRecord(db, 'session', held, 'test');
    await saveRecord(db, 'session', aSession('m2', '2026-03-09T02:00:00.000Z', { startupIds: ['s1'] }), 'test');
    // Cancelling the only session s2 had that month takes it out of the month's coached startups.
    const coached = async () => (await db.tallies.get('m|coached|2026-03'))?.n;
    const before = await coached();
    await saveRecord(db, 'session', { ...held, status: 'cancelled' }, 'test');
    expect(await coached()).toBe(before! - 1);
    await saveRecord(db, 'report', aReport('s1', '2026Q1', { employees: 9, financing: 200_000, guaranteeLoans: 200_000 }), 'test');
    await saveRecord(db, 'report', aReport('s1', '2026Q1', { employees: 11 }), 'test');
    // A mentor leaving the pool leaves the count of active mentors.
    const mentor = (await db.mentors.toCollection().first())!;
    await saveRecord(db, 'mentor', { ...mentor, active: false }, 'test');
    await db.transaction('rw', writeTables(db, 'evaluation'), () =>
      writeManyInTx(db, 'evaluation', [anEvaluation('s1', '2026Q1', 'good', { id: 'e1' }), anEvaluation('s2', '2026Q1', 'fail', { id: 'e2', status: 'superseded' })], 'test'),
    );

    expect(sorted(await db.tallies.toArray())).toEqual(sorted(await derivedAnew()));

    // The totals core reads equal the ones core derives from the records themselves.
    const [startups, founders, sessions, reports, evaluations, mentors] = await Promise.all([db.startups.toArray(), db.founders.toArray(), db.sessions.toArray(), db.reports.toArray(), db.evaluations.toArray(), db.mentors.toArray()]);
    const core = totalsOf({ startups: startups.map((s) => factsOf(s, founders.filter((f) => f.startupId === s.id))), sessions, reports, evaluations, mentors });
    const kept = (await db.tallies.toArray()).filter((r) => !r.key.startsWith('z|') && !r.key.includes('|ends:'));
    expect(sorted(kept)).toEqual(sorted(core));

    const range = { from: '2026-01-01', to: '2026-11-28' };
    const carrier = (await db.carrier.get('carrier')) ?? { area: 5000, seats: 100, rules: (await import('@core/records')).defaultRuleSet };
    const fromTotals = numbersFromCounts(carrierCounts(await loadTallyView(db, [range]), range), carrier, range);
    const fromRecords = carrierNumbers({ carrier, startups, reports, sessions, mentors }, range);
    expect(fromTotals.figures.residentsAtEnd.value).toBe(fromRecords.figures.residentsAtEnd.value);
    expect(fromTotals.figures.jobs.value).toBe(fromRecords.figures.jobs.value);
    expect(fromTotals.exitedByKind).toEqual(fromRecords.exitedByKind);
    expect(fromTotals.figures.residentsPerMentor.of).toEqual(fromRecords.figures.residentsPerMentor.of);

    await removeDemoData(db);
    expect(sorted(await db.tallies.toArray())).toEqual(sorted(await derivedAnew()));
    expect(await db.tallies.get('z|resident|*')).toEqual({ key: 'z|resident|*', n: 1 });
  });
});
