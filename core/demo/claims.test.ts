import { describe, expect, it } from 'vitest';
import { claimSchema } from '../records';
import { claimStates, defaultSupportRules, dueReminders, standingFor, standingsOf } from '../supports';
import { demoClaims } from './claims';
import { generateIncubator } from './generate';

describe('demo claims', () => {
  const today = '2026-11-28';
  const demo = generateIncubator({ startups: 40, today });
  const claims = demoClaims(demo, today);
  const inputOf = (startupId: string) => ({
    startup: demo.startups.find((s) => s.id === startupId)!,
    founders: demo.founders.filter((f) => f.startupId === startupId),
    reports: demo.reports.filter((r) => r.startupId === startupId),
    today,
  });

  it('holds submitted, granted, paid and one rejected claim, each a valid record of a resident', () => {
    const count = (state: (typeof claimStates)[number]) => claims.filter((c) => c.state === state).length;
    expect(count('submitted')).toBeGreaterThanOrEqual(2);
    expect(count('granted')).toBeGreaterThanOrEqual(1);
    expect(count('paid')).toBeGreaterThanOrEqual(2);
    expect(count('rejected')).toBe(1);
    for (const c of claims) {
      expect(claimSchema.safeParse(c).success, c.id).toBe(true);
      expect(c.id.startsWith('demo-')).toBe(true);
      expect(demo.startups.find((s) => s.id === c.startupId)?.status).toBe('resident');
      if (c.decidedOn) expect(c.decidedOn <= today).toBe(true);
      if (c.paidOn) expect(c.paidOn <= today).toBe(true);
    }
    expect(new Set(claims.map((c) => c.startupId)).size).toBe(claims.length);
  });

  it('claims only what core/supports says the applicant qualifies for, within its cap', () => {
    for (const c of claims) {
      const standing = standingFor({ ...inputOf(c.startupId), claims: [] }, defaultSupportRules, c.support, c.founderId);
      expect(standing.checks.every((k) => k.met), `${c.id} ${c.support}`).toBe(true);
      expect(c.qualified).toBe(true);
      expect(c.amountAsked).toBeLessThanOrEqual(standing.amount!);
      expect(c.cap).toBe(standing.amount);
    }
  });

  it('has a paid guarantee loan whose renewal reminder is due soon, and its founder now qualifies to renew', () => {
    const due = dueReminders(claims, today, defaultSupportRules.soonDays);
    const loan = due.find((c) => c.support === 'guaranteeLoan' && c.state === 'paid');
    expect(loan?.remindOn).toBe('2026-12-18');
    const renewal = standingsOf({ ...inputOf(loan!.startupId), claims }, defaultSupportRules).find((s) => s.support === 'loanRenewal' && s.founderId === loan!.founderId);
    expect(renewal?.status).toBe('qualifies');
  });

  it('shows claims and grants on the dashboard in recent quarters', () => {
    const granted = claims.filter((c) => c.state === 'granted' || c.state === 'paid');
    expect(granted.some((c) => c.decidedOn! >= '2026-07-01')).toBe(true);
  });
});
