import type { DateRange } from '../kpis/carrierNumbers';
import type { Claim } from '../records';
import type { SupportId } from '../supports';

/** What a startup received through the desk's claims in a range, in yuan, by the 火炬 table's figure. */
export interface SupportFigures {
  guaranteeLoans: number;
  subsidies: number;
}

/** 创业担保贷款 (a renewal is a new loan contract); 获得财政资助 paid to the enterprise (tax relief is not paid, flexible insurance goes to the person). */
const FIGURE_OF: Partial<Record<SupportId, keyof SupportFigures>> = {
  guaranteeLoan: 'guaranteeLoans',
  loanRenewal: 'guaranteeLoans',
  startupSubsidy: 'subsidies',
  insuranceSubsidy: 'subsidies',
};

/** Money received: paid in the range (a loan later in default was still received). */
const RECEIVED: readonly Claim['state'][] = ['paid', 'defaulted'];

/** Each startup's supports paid within the range, from its claims. */
export function supportFigures(claims: readonly Pick<Claim, 'support' | 'startupId' | 'state' | 'paidOn' | 'amountGranted'>[], range: DateRange): Map<string, SupportFigures> {
  const out = new Map<string, SupportFigures>();
  for (const c of claims) {
    const figure = FIGURE_OF[c.support];
    if (!figure || !RECEIVED.includes(c.state) || !c.paidOn || c.paidOn < range.from || c.paidOn > range.to) continue;
    let entry = out.get(c.startupId);
    if (!entry) out.set(c.startupId, (entry = { guaranteeLoans: 0, subsidies: 0 }));
    entry[figure] += c.amountGranted ?? 0;
  }
  return out;
}
