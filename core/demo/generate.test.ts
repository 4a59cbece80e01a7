import { describe, expect, it } from 'vitest';
import { recordSchemas, keyGroups } from '../records';
import { generateIncubator, pastQuarters } from './generate';

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
  });

  it('is the same on every run', () => {
    expect(generateIncubator({ startups: 40, today: '2026-11-28' })).toEqual(demo);
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
