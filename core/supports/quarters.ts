import type { Claim } from '../records';
import { periodOf } from '../scoring/period';

export interface QuarterFigures {
  quarter: string;
  /** Claims submitted in the quarter, and the amounts they asked. */
  claimed: number;
  asked: number;
  /** Claims granted (decided in favour, then perhaps paid) in the quarter, and the amounts granted. */
  granted: number;
  grantedAmount: number;
}

const GRANTED: readonly Claim['state'][] = ['granted', 'paid', 'defaulted'];

/** Supports claimed (by submission date) and granted (by decision date) per quarter, oldest first. */
export function claimsByQuarter(claims: readonly Pick<Claim, 'state' | 'submittedOn' | 'decidedOn' | 'amountAsked' | 'amountGranted'>[]): QuarterFigures[] {
  const quarters = new Map<string, QuarterFigures>();
  const at = (day: string) => {
    const quarter = periodOf(day, 'quarter');
    let q = quarters.get(quarter);
    if (!q) quarters.set(quarter, (q = { quarter, claimed: 0, asked: 0, granted: 0, grantedAmount: 0 }));
    return q;
  };
  for (const c of claims) {
    if (c.submittedOn && c.state !== 'withdrawn') {
      const q = at(c.submittedOn);
      q.claimed += 1;
      q.asked += c.amountAsked;
    }
    if (c.decidedOn && GRANTED.includes(c.state)) {
      const q = at(c.decidedOn);
      q.granted += 1;
      q.grantedAmount += c.amountGranted ?? 0;
    }
  }
  return [...quarters.values()].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
}
