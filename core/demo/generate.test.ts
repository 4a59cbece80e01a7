import { describe, expect, it } from 'vitest';
import { carrierNumbers } from '../kpis/carrierNumbers';
import { overdueItems } from '../mentoring/followUps';
import { lastHeldByStartup, quietness } from '../mentoring/quiet';
import { mentorStats } from '../mentoring/stats';
import { recordSchemas, keyGroups } from '../records';
import type { Grade } from '../scoring';
import { generateIncubator, pastQuarters, type Incubator } from './generate';
import { demoRound } from './rounds';

/** Each grade's share of a round drafted on the generated data, manual items scored as the demo scores them. */
function gradeShares(inc: Incubator, period: string): Record<Grade, number> {
  const round = demoRound(inc, period);
  const share = (g: Grade) => round.filter((e) => e.grade === g).length / round.length;
  return { excellent: share('excellent'), good: share('good'), pass: share('pass'), fail: share('fail') };
}

/** The issue's plausible spread: roughly 10–20% 优秀, 30–40% 良好, 30–40% 合格, 5–15% 不合格. */
function expectPlausibleSpread(shares: Record<Grade, number>) {
  expect(shares.excellent).toBeGreaterThanOrEqual(0.1);
  expect(shares.excellent).toBeLessThanOrEqual(0.2);
  expect(shares.good).toBeGreaterThanOrEqual(0.3);
  expect(shares.good).toBeLessThanOrEqual(0.4);
  expect(shares.pass).toBeGreaterThanOrEqual(0.3);
  expect(shares.pass).toBeLessThanOrEqual(0.4);
  expect(shares.fail).toBeGreaterThanOrEqual(0.05);
  expect(shares.fail).toBeLessThanOrEqual(0.15);
}

describe('demo incubator', () => {
  const demo = generateIncubator({ startups: 40, today: '2026-11-28' });

  it('is a living desk of the promised size', () => {
    expect(demo.startups).toHaveLength(40);
    expect(demo.mentors).toHaveLength(12);
    expect(demo.sessions).toHaveLength(300);
    const periods = new Set(demo.reports.map((r) => r.period));
    expect(periods.size).toBe(8);
  });

  it('has founders in every key group', () => {
    const groups = new Set(demo.founders.flatMap((f) => f.keyGroups));
    for (const g of keyGroups) expect(groups.has(g)).toBe(true);
  });

  it('passes every record schema (valid credit codes, ID numbers, balance checks)', () => {
    const check = (entity: keyof typeof recordSchemas, rows: unknown[]) => {
      for (const row of rows) {
        const res = recordSchemas[entity].safeParse(row);
        expect(res.success, JSON.stringify(res.error?.issues)).toBe(true);
      }
    };
    check('carrier', [demo.carrier]);
    check('startup', demo.startups);
    check('founder', demo.founders);
    check('mentor', demo.mentors);
    check('session', demo.sessions);
    check('report', demo.reports);
    check('exit', demo.exits);
  });

  it('gives the default template a plausible spread in the round a manager drafts first', () => {
    const latest = pastQuarters('2026-11-28', 1)[0]!.period;
    expectPlausibleSpread(gradeShares(demo, latest));
  });

  it('grades every one of its rounds with all four grades, so history and exit rules have something to show', () => {
    for (const { period } of pastQuarters('2026-11-28', 3)) {
      const grades = new Set(demoRound(demo, period).map((e) => e.grade));
      expect([...grades].sort()).toEqual(['excellent', 'fail', 'good', 'pass']);
    }
  });

  it('meets some of the carrier standards and misses others', () => {
    const { figures } = carrierNumbers(demo, { from: '2026-01-01', to: '2026-11-28' });
    const judged = Object.values(figures).filter((f) => f.meets !== undefined);
    expect(judged.filter((f) => f.meets).length).toBeGreaterThanOrEqual(3);
    expect(judged.filter((f) => !f.meets).length).toBeGreaterThanOrEqual(2);
  });

  it('has busy mentors and quiet ones, residents coached lately and quiet ones, and overdue action items', () => {
    const year = demo.sessions.filter((s) => s.startsAt >= '2026-01-01');
    const held = [...mentorStats(demo.mentors, year, demo.carrier.rules).values()].map((s) => s.held);
    expect(Math.max(...held)).toBeGreaterThanOrEqual(4 * Math.min(...held.filter((h) => h > 0)));
    expect([...mentorStats(demo.mentors, year, demo.carrier.rules).values()].some((s) => s.belowMinimum)).toBe(true);
    const now = Date.parse('2026-11-28T12:00:00Z');
    const residents = demo.startups.filter((s) => s.status === 'resident');
    const quiet = quietness(residents, lastHeldByStartup(demo.sessions, now), now, demo.carrier.rules).filter((q) => q.quiet).length;
    expect(quiet).toBeGreaterThan(0);
    expect(quiet).toBeLessThan(residents.length / 2);
    const items = demo.sessions.flatMap((s) => s.actionItems);
    const overdue = overdueItems(demo.sessions, '2026-11-28').length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(items.filter((a) => a.done).length / 4);
  });

  it('is the same on every run', () => {
    expect(generateIncubator({ startups: 40, today: '2026-11-28' })).toEqual(demo);
  });
});

describe('the bench incubator', () => {
  it('gives the default template the same plausible spread at 1,000 startups', () => {
    // As test/bench/page/dataset.ts generates its first slice (the whole 1k desk), and the round it scores.
    const bench = generateIncubator({ startups: 1000, sessionsPerStartup: 10, quarters: 8, seed: 7, today: '2025-11-15', idPrefix: 'b0-' });
    expectPlausibleSpread(gradeShares(bench, pastQuarters('2025-11-15', 1)[0]!.period));
  });
});

describe('pastQuarters', () => {
  it('lists whole quarters before today, oldest first', () => {
    expect(pastQuarters('2026-02-10', 3)).toEqual([
      { period: '2025Q2', endsOn: '2025-06-30' },
      { period: '2025Q3', endsOn: '2025-09-30' },
      { period: '2025Q4', endsOn: '2025-12-31' },
    ]);
  });
});
