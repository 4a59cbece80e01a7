import { describe, expect, it } from 'vitest';
import type { Report, Rule, Session, Template } from '../records';
import { templateSchema } from '../records';
import { aReport, aSession } from '../testing/records';
import { applyRule, computeMetrics, decodeEvidence, gradeOf, ManualScoreError, pendingItems, periodInstants, previousPeriod, quartersOf, residentTemplate, scienceTemplate, scoreEvaluation, scoreIndicator, scoreManual, type Measured, type MetricValues } from '.';

const m = (value: number | null): Measured => ({ value, steps: [] });
const points = (rule: Exclude<Rule, { kind: 'manual' }>, value: number | null) => applyRule(rule, m(value)).points;

const report = (period: string, over: Partial<Report> = {}) => aReport('s1', period, { id: `r-${period}`, updatedAt: '2025-01-01T00:00:00.000Z', ...over });
const session = (startsAt: string, over: Partial<Session> = {}) => aSession(`c-${startsAt}`, startsAt, { updatedAt: '2025-01-01T00:00:00.000Z', ...over });

describe('threshold rule (带动就业: <3 → 0, 3 → 8, +1 each, cap 20)', () => {
  const rule = residentTemplate.indicators[0]!.rule as Extract<Rule, { kind: 'threshold' }>;
  const jobs = (n: number | null) => scoreIndicator({ ...residentTemplate.indicators[0]!, rule }, { employees: m(n) } as MetricValues).points;
  it('is 0 below the minimum, base at it, plus per unit above', () => {
    expect(jobs(2)).toBe(0);
    expect(jobs(3)).toBe(8);
    expect(jobs(4)).toBe(9);
    expect(jobs(15)).toBe(20);
  });
  it('is capped at the indicator max', () => {
    expect(jobs(16)).toBe(20);
    expect(jobs(500)).toBe(20);
  });
  it('gives 0 without data', () => expect(jobs(null)).toBe(0));
  it('keeps fractional points per unit exact (seats: 50 → 5, +0.1 each, cap 10)', () => {
    const seats = { kind: 'threshold', metric: 'employees', min: 50, base: 5, perUnit: 0.1, cap: 10 } as const;
    expect(points(seats, 49)).toBe(0);
    expect(points(seats, 50)).toBe(5);
    expect(points(seats, 53)).toBe(5.3);
    expect(points(seats, 100)).toBe(10);
    expect(points(seats, 101)).toBe(10);
  });
});

describe('linear rule', () => {
  const financing = { kind: 'linear', metric: 'financing', unit: 300_000, pointsPerUnit: 1 } as const;
  it('counts whole units', () => {
    expect(points(financing, 0)).toBe(0);
    expect(points(financing, 299_999)).toBe(0);
    expect(points(financing, 300_000)).toBe(1);
    expect(points(financing, 899_999)).toBe(2);
  });
  it('is capped by its own cap and by the indicator max', () => {
    expect(points({ ...financing, cap: 4 }, 3_000_000)).toBe(4);
    const indicator = residentTemplate.indicators.find((i) => i.key === 'financing')!;
    const scored = scoreIndicator(indicator as typeof indicator & { rule: typeof financing }, { financing: m(30_000_000) } as MetricValues);
    expect(scored.points).toBe(10);
    expect(scored.steps.at(-1)).toEqual({ key: 'rule.capped', params: { cap: 10 } });
  });
  it('gives 0 without data', () => expect(points(financing, null)).toBe(0));
});

describe('bands and ratio rules', () => {
  const keyGroups = residentTemplate.indicators.find((i) => i.key === 'keyGroups')!.rule as Extract<Rule, { kind: 'ratio' }>;
  it('maps a share to its band at the edges (≥ 30% → 10, ≥ 15% → 6, > 0 → 3, 0 → 0)', () => {
    expect(points(keyGroups, 0.3)).toBe(10);
    expect(points(keyGroups, 0.2999)).toBe(6);
    expect(points(keyGroups, 0.15)).toBe(6);
    expect(points(keyGroups, 0.01)).toBe(3);
    expect(points(keyGroups, 0)).toBe(0);
    expect(points(keyGroups, null)).toBe(0);
  });
  const growth = residentTemplate.indicators.find((i) => i.key === 'growth')!.rule as Extract<Rule, { kind: 'bands' }>;
  it('revenue growth: ≥ 50% → 15, ≥ 20% → 11, ≥ 0 → 7, < 0 → 2, no prior period → 7', () => {
    expect(points(growth, 0.5)).toBe(15);
    expect(points(growth, 0.49)).toBe(11);
    expect(points(growth, 0.2)).toBe(11);
    expect(points(growth, 0)).toBe(7);
    expect(points(growth, -0.01)).toBe(2);
    expect(points(growth, -1)).toBe(2);
    expect(points(growth, null)).toBe(7);
  });
  it('takes the bands in value order whatever order they were typed in', () => {
    expect(points({ kind: 'bands', metric: 'employees', bands: [{ min: 0, points: 1 }, { min: 10, points: 5 }] }, 12)).toBe(5);
  });
  it('gives 0 below every band', () => expect(points({ kind: 'bands', metric: 'employees', bands: [{ min: 5, points: 5 }] }, 4)).toBe(0));
});

describe('grades at band edges (优秀 ≥ 85, 良好 ≥ 70, 合格 ≥ 60, 不合格 < 60)', () => {
  it.each([
    [100, 'excellent'],
    [85, 'excellent'],
    [84.99, 'good'],
    [70, 'good'],
    [69.99, 'pass'],
    [60, 'pass'],
    [59.99, 'fail'],
    [0, 'fail'],
  ] as const)('%s → %s', (total, grade) => expect(gradeOf(total, residentTemplate.grades)).toBe(grade));
});

describe('metrics from the records', () => {
  const reports = [
    report('2024Q2', { revenue: 400_000, employees: 5, equityFinancing: 1_000_000, financing: 1_000_000 }),
    report('2025Q1', { revenue: 450_000, employees: 8, equityFinancing: 500_000, financing: 500_000 }),
    report('2025Q2', {
      employees: 10,
      keyGroupHires: 2,
      newGraduateHires: 2,
      insuredEmployees: 9,
      revenue: 600_000,
      taxPaid: 25_000,
      rdSpend: 30_000,
      inventionPatentsGranted: 1,
      otherIpGranted: 2,
      financing: 900_000,
      guaranteeLoans: 300_000,
      equityFinancing: 600_000,
    }),
  ];
  const sessions = [
    session('2025-04-01T01:00:00.000Z', { actionItems: [{ id: 'a', text: 'x', done: true }, { id: 'b', text: 'y', done: false }] }),
    session('2025-06-30T15:59:00.000Z', { actionItems: [{ id: 'c', text: 'z', done: true }] }), // 23:59 in Beijing: still Q2
    session('2025-06-30T16:00:00.000Z'), // 00:00 on 1 July in Beijing: Q3
    session('2025-05-01T01:00:00.000Z', { status: 'cancelled' }),
  ];
  const v = computeMetrics({ period: '2025Q2', reports, sessions });
  it('reads each figure of the period', () => {
    expect(v.employees.value).toBe(10);
    expect(v.keyGroupShare.value).toBe(0.4);
    expect(v.revenueGrowth.value).toBe(0.5);
    expect(v.taxPaid.value).toBe(25_000);
    expect(v.insuredShare.value).toBe(0.9);
    expect(v.weightedIpGranted.value).toBe(5);
    expect(v.rdShare.value).toBe(0.05);
    expect(v.financing.value).toBe(900_000);
    expect(v.equityFinancingTotal.value).toBe(2_100_000);
    expect(v.highTech.value).toBe(0);
  });
  it('counts held sessions in the period by Beijing time, and the share of their action items done', () => {
    expect(v.sessionsHeld.value).toBe(2);
    expect(v.actionItemsDoneShare.value).toBeCloseTo(2 / 3);
  });
  it('says where each value came from', () => {
    expect(v.revenueGrowth.steps).toEqual([{ key: 'revenueGrowth', params: { revenue: 600_000, lastRevenue: 400_000, lastPeriod: '2024Q2', growth: '50%' } }]);
    expect(v.keyGroupShare.steps[0]!.params).toMatchObject({ keyGroup: 2, graduates: 2, employees: 10, share: '40%' });
  });
  it('has no values without a report, and no growth without last year', () => {
    const empty = computeMetrics({ period: '2025Q3', reports, sessions: [] });
    expect(empty.employees).toEqual({ value: null, steps: [{ key: 'noReport', params: { period: '2025Q3' } }] });
    expect(empty.sessionsHeld.value).toBe(0);
    expect(empty.actionItemsDoneShare.value).toBeNull();
    expect(computeMetrics({ period: '2025Q1', reports, sessions: [] }).revenueGrowth.value).toBeNull();
  });
  it('has no share of nobody', () => {
    const v0 = computeMetrics({ period: '2025Q1', reports: [report('2025Q1')], sessions: [] });
    expect(v0.keyGroupShare.value).toBeNull();
    expect(v0.rdShare.value).toBeNull();
  });
  it('adds up quarters for a half year: flows summed, head counts from the latest quarter', () => {
    const h = computeMetrics({ period: '2025H1', reports, sessions });
    expect(h.employees.value).toBe(10);
    expect(h.financing.value).toBe(1_400_000);
    expect(h.taxPaid.value).toBe(25_000);
  });
});

describe('a whole evaluation', () => {
  const reports = [
    report('2024Q2', { revenue: 400_000 }),
    report('2025Q2', { employees: 10, keyGroupHires: 3, insuredEmployees: 9, revenue: 600_000, taxPaid: 25_000, rdSpend: 30_000, otherIpGranted: 2, financing: 600_000 }),
  ];
  const sessions = [session('2025-04-10T02:00:00.000Z', { actionItems: [{ id: 'a', text: 'x', done: true }] }), session('2025-05-10T02:00:00.000Z')];
  const values = computeMetrics({ period: '2025Q2', reports, sessions });
  const draft = scoreEvaluation(residentTemplate, values);
  it('scores every automatic indicator and leaves the manual one to the evaluator', () => {
    const byKey = Object.fromEntries(draft.items.map((i) => [i.key, i.points]));
    // jobs 8+7=15, key groups 30% → 10, growth 50% → 15, tax 2, insured 90% → 5, IP 2, R&D 5% → 5, financing 2, services 4+2 + bonus 2 = 8
    expect(byKey).toEqual({ jobs: 15, keyGroups: 10, growth: 15, tax: 2, insured: 5, ip: 2, rd: 5, financing: 2, services: 8, compliance: 0 });
    expect(draft.total).toBe(64);
    expect(draft.grade).toBe('pass');
    expect(pendingItems(draft.items)).toEqual(['compliance']);
  });
  it('shows the steps that reached the points', () => {
    const services = draft.items.find((i) => i.key === 'services')!;
    expect(decodeEvidence(services.evidence).map((s) => s.key)).toEqual(['sessionsHeld', 'rule.threshold', 'actionItems', 'rule.bonus']);
  });
  it('takes manual points within 0..max, with a comment below half marks', () => {
    expect(() => scoreManual(residentTemplate, draft.items, 'compliance', 11)).toThrow(ManualScoreError);
    expect(() => scoreManual(residentTemplate, draft.items, 'compliance', 4.9)).toThrow(expect.objectContaining({ problem: 'commentRequired' }));
    expect(() => scoreManual(residentTemplate, draft.items, 'jobs', 4)).toThrow(expect.objectContaining({ problem: 'notManual' }));
    const half = scoreManual(residentTemplate, draft.items, 'compliance', 5);
    expect(half.total).toBe(69);
    const full = scoreManual(residentTemplate, draft.items, 'compliance', 10);
    expect(full.total).toBe(74);
    expect(full.grade).toBe('good');
    expect(pendingItems(full.items)).toEqual([]);
    const low = scoreManual(residentTemplate, draft.items, 'compliance', 2, '  未在场地经营 ');
    expect(low.items.at(-1)!.comment).toBe('未在场地经营');
  });
  it('keeps manual scores when a draft is recomputed', () => {
    const scored = scoreManual(residentTemplate, draft.items, 'compliance', 9);
    expect(scoreEvaluation(residentTemplate, values, scored.items).total).toBe(73);
  });
  it('scores an empty startup (no report, no sessions) without failing', () => {
    const empty = scoreEvaluation(residentTemplate, computeMetrics({ period: '2025Q2', reports: [], sessions: [] }));
    // Only "no prior period → 7" gives points without data.
    expect(empty.total).toBe(7);
    expect(empty.grade).toBe('fail');
  });
});

describe('default templates', () => {
  it.each([residentTemplate, scienceTemplate])('$name is valid and worth 100 points', (t: Template) => {
    expect(templateSchema.parse(t)).toBeTruthy();
    expect(t.indicators.reduce((s, i) => s + i.max, 0)).toBe(100);
  });
  it('science line scores high-tech status as yes/no', () => {
    const highTech = scienceTemplate.indicators[0]!.rule as Exclude<Rule, { kind: 'manual' }>;
    expect(points(highTech, 1)).toBe(15);
    expect(points(highTech, 0)).toBe(0);
  });
});

describe('periods', () => {
  it('knows quarters, previous periods and Beijing-time bounds', () => {
    expect(quartersOf('2025H2')).toEqual(['2025Q3', '2025Q4']);
    expect(quartersOf('2025')).toHaveLength(4);
    expect(previousPeriod('2025Q1')).toBe('2024Q4');
    expect(previousPeriod('2025H1')).toBe('2024H2');
    expect(new Date(periodInstants('2025Q4').to).toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});
