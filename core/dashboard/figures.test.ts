import { describe, expect, it } from 'vitest';
import { generateIncubator } from '../demo/generate';
import type { Evaluation, Founder, Report, Session, Startup } from '../records';
import { aFounder, aReport, aSession, aStartup, anEvaluation } from '../testing/records';
import { viewOf } from '../testing/tallies';
import { dashboardFigures } from './figures';

const at = '2026-01-01T00:00:00.000Z';
const s = (id: string, over: Partial<Startup> = {}) => aStartup(id, { area: 10, ...over });
const r = (startupId: string, period: string, over: Partial<Report> = {}) =>
  aReport(startupId, period, { id: `${startupId}${period}`, employees: 5, keyGroupHires: 2, newGraduateHires: 1, insuredEmployees: 5, revenue: 1000, ...over });
const f = (startupId: string, keyGroups: Founder['keyGroups']) => aFounder(`f${startupId}${keyGroups.join()}`, startupId, { keyGroups });
const session = (id: string, startsAt: string, startupIds: string[], status: Session['status'] = 'held') => aSession(id, startsAt, { kind: 'group', mentorIds: ['m'], startupIds, status });
const ev = (startupId: string, period: string, grade: Evaluation['grade'], revision = 1, status: Evaluation['status'] = 'finalized') =>
  anEvaluation(startupId, period, grade, { id: `${startupId}${period}${revision}`, total: 0, revision, status });
const range = { from: '2025-01-01', to: '2025-06-30' };

describe('dashboard figures', () => {
  const startups = [s('a'), s('b', { stage: 'growth', industry: 'A' }), s('c', { status: 'exited', exitKind: 'graduated', exitedOn: '2025-03-01' }), s('d', { voidedAt: at })];
  const fig = dashboardFigures(
    viewOf(
      {
      startups,
      founders: [f('a', ['veteran', 'graduate']), f('a', ['veteran']), f('b', ['graduate']), f('c', ['unemployed'])],
      reports: [r('a', '2025Q1'), r('b', '2025Q1', { financing: 300, guaranteeLoans: 300 }), r('a', '2025Q2', { employees: 7 }), r('a', '2025Q3'), r('a', '2025H1')],
      sessions: [session('1', '2025-01-31T17:00:00.000Z', ['a', 'b']), session('2', '2025-02-10T02:00:00.000Z', ['a']), session('3', '2025-02-11T02:00:00.000Z', ['b'], 'cancelled')],
      // A correction leaves the first revision superseded.
      evaluations: [ev('a', '2025Q1', 'fail', 1, 'superseded'), ev('a', '2025Q1', 'good', 2), ev('b', '2025Q1', 'pass'), ev('b', '2025Q2', 'excellent', 1, 'draft')],
      },
      [range],
    ),
    range,
  );

  it('counts residents at the end of the range by stage, industry and key group (each startup once per group)', () => {
    expect(fig.byStage).toEqual([{ key: 'early', count: 1 }, { key: 'growth', count: 1 }]);
    expect(fig.byIndustry).toEqual([{ key: 'A', count: 1 }, { key: 'I', count: 1 }]);
    expect(fig.byKeyGroup).toEqual([{ key: 'graduate', count: 2 }, { key: 'veteran', count: 1 }]);
  });

  it('counts residents whose stage or industry is not given yet (待补充) under a category of their own', () => {
    const open = [s('a'), s('b', { stage: undefined, industry: undefined }), s('c', { industry: undefined })];
    const figures = dashboardFigures(viewOf({ startups: open, founders: [], reports: [], sessions: [], evaluations: [] }, [range]), range);
    expect(figures.byIndustry).toEqual([{ key: '', count: 2 }, { key: 'I', count: 1 }]);
    expect(figures.byStage).toEqual([{ key: 'early', count: 2 }, { key: '', count: 1 }]);
  });

  it('sums quarterly reports inside the range only', () => {
    expect(fig.jobs).toEqual([
      { period: '2025Q1', employees: 10, keyGroupHires: 4, newGraduateHires: 2 },
      { period: '2025Q2', employees: 7, keyGroupHires: 2, newGraduateHires: 1 },
    ]);
    expect(fig.money).toEqual([{ period: '2025Q1', revenue: 2000, financing: 300 }, { period: '2025Q2', revenue: 1000, financing: 0 }]);
  });

  it('counts the latest finalized revision of each evaluation per round', () => {
    expect(fig.grades).toEqual([{ period: '2025Q1', excellent: 0, good: 1, pass: 1, fail: 0 }]);
  });

  it('counts held sessions by Beijing month and the share of the month\'s residents coached', () => {
    // 2025-01-31T17:00Z is 1 February in Beijing. c leaves on 1 March: a resident of March still.
    expect(fig.sessions.map((m) => [m.month, m.held, m.coached, m.residents])).toEqual([
      ['2025-01', 0, 0, 3],
      ['2025-02', 2, 2, 3],
      ['2025-03', 0, 0, 3],
      ['2025-04', 0, 0, 2],
      ['2025-05', 0, 0, 2],
      ['2025-06', 0, 0, 2],
    ]);
    expect(fig.sessions[1]!.coverage).toBeCloseTo(2 / 3);
  });

  it('gives empty series, not errors, for an empty desk', () => {
    const empty = dashboardFigures(viewOf({ startups: [], founders: [] }, [range]), range);
    expect(empty.byStage).toEqual([]);
    expect(empty.sessions.every((m) => m.coverage === 0)).toBe(true);
  });

  it('handles a demo incubator', () => {
    const demo = generateIncubator({ startups: 40, today: '2026-11-28' });
    const wide = { from: '2025-01-01', to: '2026-11-28' };
    const d = dashboardFigures(viewOf(demo, [wide]), wide);
    expect(d.byStage.reduce((n, c) => n + c.count, 0)).toBe(demo.startups.filter((x) => x.status === 'resident').length);
    expect(d.jobs.length).toBe(7);
    expect(d.sessions.length).toBe(23);
  });
});
