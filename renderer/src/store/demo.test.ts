import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCandidates } from '@core/exits/candidates';
import { defaultRuleSet, recordSchemas } from '@core/records';
import { pendingItems, periodDays, residentTemplate } from '@core/scoring';
import { pastQuarters } from '@core/demo/generate';
import { openDb, type DeskDb } from './db';
import { hasDemoData, loadDemoData, removeDemoData } from './demo';
import { historyOf, roundOf, runRound } from './evaluations';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`demo-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

const TODAY = '2026-11-28';
const [earlier, previous, latest] = pastQuarters(TODAY, 3).map((q) => q.period) as [string, string, string];
const gradesOf = async (period: string) => {
  const counts = { excellent: 0, good: 0, pass: 0, fail: 0 };
  for (const e of await roundOf(db, period)) counts[e.grade]++;
  return counts;
};

describe('the demo incubator', () => {
  it('holds two finalized rounds, one corrected, and the latest drafted with its manual items scored', async () => {
    await loadDemoData(db, TODAY);
    for (const period of [earlier, previous]) {
      const round = await roundOf(db, period);
      expect(round.length).toBeGreaterThan(30);
      expect(round.every((e) => e.status === 'finalized' && e.finalizedAt! > periodDays(period).to)).toBe(true);
      expect(Object.values(await gradesOf(period)).every((c) => c > 0)).toBe(true);
    }
    const draft = await roundOf(db, latest);
    expect(draft.every((e) => e.status === 'draft' && pendingItems(e.items).length === 0)).toBe(true);
    // The 2026Q3 round shares generate.test.ts states: 6 优秀, 14 良好, 15 合格, 5 不合格 of 40.
    expect(await gradesOf(latest)).toEqual({ excellent: 6, good: 14, pass: 15, fail: 5 });

    const corrected = (await db.evaluations.where('period').equals(previous).toArray()).filter((e) => e.revision === 2);
    expect(corrected).toHaveLength(1);
    const history = await historyOf(db, corrected[0]!.startupId);
    expect(history.filter((e) => e.period === previous).map((e) => [e.revision, e.status])).toEqual([
      [1, 'superseded'],
      [2, 'finalized'],
    ]);
  });

  it('drafting the latest round as a manager does keeps the demo evaluator scores, so the grades stay spread', async () => {
    await loadDemoData(db, TODAY);
    const before = await gradesOf(latest);
    const outcome = await runRound(db, latest, residentTemplate);
    expect(outcome.drafted).toBe(0);
    expect(outcome.unchanged).toBe(40);
    expect(await gradesOf(latest)).toEqual(before);
    // Running the round stores the template the manager chose (the demo itself stores none).
    expect(await db.templates.count()).toBe(1);
  });

  it('gives the exit rules candidates from its two finalized rounds, and exit decisions to look at', async () => {
    await loadDemoData(db, TODAY);
    const [startups, reports, evaluations] = await Promise.all([db.startups.toArray(), db.reports.toArray(), db.evaluations.toArray()]);
    const candidates = exitCandidates({ startups, reports, evaluations, rules: defaultRuleSet, line: 'hrss', today: TODAY });
    const failed = candidates.filter((c) => c.rule === 'failedEvaluations');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(6);
    expect(failed[0]!.facts.periods).toBe(`${earlier}、${previous}`);
    const exits = await db.exits.toArray();
    expect(exits.filter((e) => e.status === 'approved').map((e) => e.kind)).toContain('deregistered');
    expect(exits.filter((e) => e.status === 'proposed')).toHaveLength(1);
    // Approved decisions match the startups that left.
    expect(exits.filter((e) => e.status === 'approved').length).toBe(startups.filter((s) => s.status === 'exited').length);
  });

  it('never enters the outbox or the audit log, stores no template, and is removed without trace', async () => {
    await loadDemoData(db, TODAY);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.templates.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    for (const e of await db.evaluations.toArray()) expect(recordSchemas.evaluation.safeParse(e).success).toBe(true);
    // The supports card and the claims list have claims to show (core/demo/claims.test.ts states which).
    const claims = await db.claims.toArray();
    expect(new Set(claims.map((c) => c.state))).toEqual(new Set(['preparing', 'submitted', 'granted', 'paid', 'rejected']));
    for (const c of claims) expect(recordSchemas.claim.safeParse(c).success).toBe(true);
    const grades = (await db.tallies.toArray()).filter((t) => t.key.startsWith('g|') && t.n > 0);
    expect(new Set(grades.map((t) => t.key.split('|')[1]))).toEqual(new Set([earlier, previous]));

    await removeDemoData(db);
    expect(await hasDemoData(db)).toBe(false);
    for (const table of ['startups', 'founders', 'startupIndex', 'reports', 'mentors', 'sessions', 'evaluations', 'exits', 'claims', 'audit', 'outbox', 'templates'] as const) {
      expect(await db.table(table).count(), table).toBe(0);
    }
    expect((await db.tallies.toArray()).filter((t) => t.n !== 0)).toEqual([]);
  });
});
