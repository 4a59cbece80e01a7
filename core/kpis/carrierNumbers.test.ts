import { describe, expect, it } from 'vitest';
import { defaultRuleSet, type Report, type Session, type Startup } from '../records';
import { aMentor, aReport, aSession, aStartup } from '../testing/records';
import { carrierNumbers } from './carrierNumbers';

const at = '2026-01-01T00:00:00.000Z';
const startup = (id: string, over: Partial<Startup>) => aStartup(id, { admittedOn: '2024-01-01', agreementEndsOn: '2026-12-31', ...over });
const report = (startupId: string, period: string, over: Partial<Report> = {}) =>
  aReport(startupId, period, { employees: 10, keyGroupHires: 3, newGraduateHires: 2, insuredEmployees: 8, ...over });
const mentor = (id: string, active = true) => aMentor(id, { active });
const session = (id: string, startsAt: string, status: Session['status'] = 'held') => aSession(id, startsAt, { startupIds: ['a'], status });
const carrier = { area: 1000, seats: 10, rules: defaultRuleSet };
const range = { from: '2025-01-01', to: '2025-12-31' };

describe('carrier numbers', () => {
  const startups = [
    startup('a', {}),
    // Graduated after two years: a success, on time.
    startup('b', { admittedOn: '2023-03-01', agreementEndsOn: '2025-03-01', status: 'exited', exitKind: 'graduated', exitedOn: '2025-02-20' }),
    // Evicted: a failure, and left after its agreement ended.
    startup('c', { admittedOn: '2024-06-01', agreementEndsOn: '2025-05-31', status: 'exited', exitKind: 'evicted', exitedOn: '2025-07-01' }),
    // Admitted in the range.
    startup('d', { admittedOn: '2025-06-01', area: 50 }),
    // Admitted by mistake: counts nowhere.
    startup('e', { voidedAt: at, voidedReason: 'x' }),
  ];
  const reports = [report('a', '2025Q3'), report('a', '2025Q4', { employees: 12, financing: 100_000, guaranteeLoans: 100_000 }), report('d', '2025Q4', { employees: 4, keyGroupHires: 1, newGraduateHires: 0 }), report('b', '2025Q1')];
  const sessions = [session('s1', '2025-03-01T02:00:00.000Z'), session('s2', '2025-12-31T15:00:00.000Z'), session('s3', '2026-01-01T02:00:00.000Z'), session('s4', '2025-05-01T02:00:00.000Z', 'cancelled')];
  const n = carrierNumbers({ carrier, startups, reports, sessions, mentors: [mentor('m1'), mentor('m2'), mentor('m3', false)] }, range);
  const f = n.figures;

  it('counts residents at both ends, admissions and exits by kind', () => {
    expect(f.residentsAtStart.ids!.sort()).toEqual(['a', 'b', 'c']);
    expect(f.residentsAtEnd.ids!.sort()).toEqual(['a', 'd']);
    expect(f.admitted.ids).toEqual(['d']);
    expect(n.exitedByKind).toEqual({ graduated: 1, evicted: 1 });
    expect(f.exited.ids!.sort()).toEqual(['b', 'c']);
    expect(f.residentsAtEnd).toMatchObject({ threshold: 30, meets: false });
  });

  it('rates success and on-time exit on the exits and due agreements', () => {
    expect(f.successRate).toMatchObject({ value: 0.5, of: { numerator: 1, denominator: 2 }, ids: ['b'], meets: false });
    expect(f.onTimeExitRate).toMatchObject({ value: 0.5, of: { numerator: 1, denominator: 2 }, ids: ['b'] });
  });

  it('measures occupancy, and jobs and financing from the latest reported quarter', () => {
    expect(f.occupancyArea).toMatchObject({ value: 0.15, of: { numerator: 150, denominator: 1000 } });
    expect(f.occupancySeats.value).toBe(0.2);
    expect(f.jobs).toMatchObject({ value: 16, ids: ['a-2025Q4', 'd-2025Q4'], meets: false });
    expect(f.keyGroupJobs.value).toBe(4);
    expect(f.graduateJobs.value).toBe(2);
    expect(f.financedShare).toMatchObject({ value: 0.5, ids: ['a'] });
  });

  it('counts held sessions in China time per active mentor per year', () => {
    // 2025-12-31T15:00Z is 23:00 on the 31st in Beijing: inside; 2026-01-01T02:00Z is outside.
    expect(f.sessionsPerMentorYear.of).toEqual({ numerator: 2, denominator: 2 });
    expect(f.sessionsPerMentorYear.value).toBeCloseTo(1, 5);
    expect(f.sessionsPerMentorYear.meets).toBe(false);
    expect(f.residentsPerMentor).toMatchObject({ value: 1, meets: true });
  });

  it('gives zeros, not NaN, for an empty range and an empty desk', () => {
    const empty = carrierNumbers({ carrier, startups: [], reports: [], sessions: [], mentors: [] }, range).figures;
    for (const fig of Object.values(empty)) expect(Number.isFinite(fig.value)).toBe(true);
    expect(empty.successRate.value).toBe(0);
    // Nothing to measure is not a failure.
    expect(empty.successRate.meets).toBeUndefined();
    expect(empty.residentsPerMentor.meets).toBeUndefined();
  });

  it('a desk with residents and no mentor fails the mentor ratio', () => {
    const none = carrierNumbers({ carrier, startups, reports, sessions: [], mentors: [] }, range).figures;
    expect(none.residentsPerMentor.meets).toBe(false);
  });

  it('counts a resident on the day it leaves as gone, on the day it arrives as present', () => {
    const edge = carrierNumbers({ carrier, startups: [startup('x', { admittedOn: '2025-12-31' }), startup('y', { status: 'exited', exitKind: 'voluntary', exitedOn: '2025-01-01' })], reports: [], sessions: [], mentors: [] }, range).figures;
    expect(edge.residentsAtEnd.ids).toEqual(['x']);
    expect(edge.residentsAtStart.ids).toEqual([]);
  });
});
