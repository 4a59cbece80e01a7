import { describe, expect, it } from 'vitest';
import { defaultRuleSet, type Evaluation, type Report, type Startup } from '../records';
import { aReport, aStartup, anEvaluation } from '../testing/records';
import { exitCandidates } from './candidates';

const at = '2026-01-01T00:00:00.000Z';
const startup = aStartup;
// One employee by default, so the employment-line rule needs a test to raise it.
const report = (id: string, period: string, over: Partial<Report> = {}) => aReport(id, period, { employees: 1, ...over });
const evaluation = anEvaluation;
const today = '2026-11-28';
const run = (startups: Startup[], reports: Report[] = [], evaluations: Evaluation[] = [], line: 'hrss' | 'science' | 'both' = 'both') =>
  exitCandidates({ startups, reports, evaluations, rules: defaultRuleSet, line, today });
// Reports for the two quarters before today, so "no reports" stays quiet unless a test wants it.
const recent = (id: string, over: Partial<Report> = {}) => [report(id, '2026Q2', over), report(id, '2026Q3', over)];
const rulesOf = (list: ReturnType<typeof run>) => list.map((c) => `${c.startupId}:${c.rule}`);

describe('exit candidates', () => {
  it('proposes nothing for a young resident that reports and passes', () => {
    expect(run([startup('a')], recent('a'))).toEqual([]);
  });

  it('science line: equity over ¥5M, or revenue over ¥10M in two consecutive years', () => {
    const equity = run([startup('a')], [...recent('a'), report('a', '2025Q4', { financing: 6_000_000, equityFinancing: 6_000_000 })], [], 'science');
    expect(rulesOf(equity)).toEqual(['a:graduationScience']);
    expect(equity[0]!.evidence).toEqual([{ entity: 'report', id: 'a-2025Q4' }]);
    const quarter = (p: string) => report('b', p, { revenue: 2_600_000 });
    const revenue = run([startup('b')], ['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q2', '2026Q3'].map(quarter), [], 'science');
    expect(rulesOf(revenue)).toEqual(['b:graduationScience']);
    // Exactly ¥10M a year is not "more than".
    const edge = run([startup('c')], ['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((p) => report('c', p, { revenue: 2_500_000 })).concat(recent('c')), [], 'science');
    expect(edge).toEqual([]);
  });

  it('employment line: a year in and enough jobs', () => {
    expect(rulesOf(run([startup('a', { admittedOn: '2025-11-27' })], recent('a', { employees: 3 }), [], 'hrss'))).toEqual(['a:graduationEmployment']);
    expect(run([startup('a', { admittedOn: '2025-11-28' })], recent('a', { employees: 3 }), [], 'hrss')).toEqual([]);
    expect(run([startup('a', { admittedOn: '2025-01-01' })], recent('a', { employees: 2 }), [], 'hrss')).toEqual([]);
  });

  it('flags the end of the incubation period before the agreement', () => {
    expect(rulesOf(run([startup('a', { admittedOn: '2023-11-27', agreementEndsOn: '2027-01-01' })], recent('a')))).toEqual(['a:periodEnded']);
    expect(rulesOf(run([startup('a', { admittedOn: '2024-01-01', agreementEndsOn: '2026-11-27' })], recent('a')))).toEqual(['a:agreementEnded']);
    expect(run([startup('a', { admittedOn: '2024-01-01', agreementEndsOn: '2026-11-28' })], recent('a'))).toEqual([]);
  });

  it('two consecutive 不合格, using the latest revision of each period', () => {
    const fails = [evaluation('a', '2026Q2', 'fail'), evaluation('a', '2026Q3', 'fail')];
    const c = run([startup('a')], recent('a'), fails);
    expect(rulesOf(c)).toEqual(['a:failedEvaluations']);
    expect(c[0]!.evidence.map((e) => e.id).sort()).toEqual(['a-e-2026Q2-1', 'a-e-2026Q3-1']);
    // A correction that passed replaces the failed first revision.
    expect(run([startup('a')], recent('a'), [...fails, evaluation('a', '2026Q3', 'pass', { revision: 2 })])).toEqual([]);
    // Not consecutive periods, or a draft: no candidate.
    expect(run([startup('a')], recent('a'), [evaluation('a', '2026Q1', 'fail'), evaluation('a', '2026Q3', 'fail')])).toEqual([]);
    expect(run([startup('a')], recent('a'), [evaluation('a', '2026Q2', 'fail'), evaluation('a', '2026Q3', 'fail', { status: 'draft' })])).toEqual([]);
  });

  it('no report for the last two quarters, only when it was resident through them', () => {
    expect(rulesOf(run([startup('a')], [report('a', '2026Q1')]))).toEqual(['a:noReports']);
    expect(run([startup('a')], [report('a', '2026Q2')])).toEqual([]);
    expect(run([startup('a', { admittedOn: '2026-04-02' })], [])).toEqual([]);
  });

  it('ignores those who left and those voided', () => {
    expect(run([startup('a', { status: 'exited' }), startup('b', { voidedAt: at })], [])).toEqual([]);
  });
});
