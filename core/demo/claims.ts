import type { Claim, Founder, Report, Startup } from '../records';
import { addDays, addYearsClamped, defaultSupportRules, standingsOf, supportsOf, type Standing, type SupportId, type SupportRules } from '../supports';

/** A claim the demo draws: which support, how far it got, and how many days before today it was submitted. */
interface Slot {
  support: SupportId;
  state: Claim['state'];
  submittedDaysAgo: number;
  note?: string;
}

/** A guarantee loan runs two years; the demo's one falls due within the renewal notice, so its reminder shows. */
const LOAN_YEARS = 2;
const LOAN_DUE_IN_DAYS = 20;

const SLOTS: Slot[] = [
  { support: 'guaranteeLoan', state: 'paid', submittedDaysAgo: 0 }, // dated from its due day, below
  { support: 'startupSubsidy', state: 'paid', submittedDaysAgo: 200 },
  { support: 'insuranceSubsidy', state: 'paid', submittedDaysAgo: 150 },
  { support: 'taxRelief', state: 'granted', submittedDaysAgo: 75 },
  { support: 'startupSubsidy', state: 'granted', submittedDaysAgo: 60 },
  { support: 'insuranceSubsidy', state: 'rejected', submittedDaysAgo: 110, note: '社保缴费记录不满 6 个月，人社部门未予受理。' },
  { support: 'flexibleInsurance', state: 'submitted', submittedDaysAgo: 12 },
  { support: 'guaranteeLoan', state: 'submitted', submittedDaysAgo: 20 },
  { support: 'insuranceSubsidy', state: 'submitted', submittedDaysAgo: 8 },
  { support: 'startupSubsidy', state: 'preparing', submittedDaysAgo: 0 },
];

/** What an applicant asks: a fixed sum or per-hire sum in full, a share of a cap in round figures. */
function asked(support: SupportId, standing: Standing): number {
  const cap = standing.amount ?? 0;
  if (support === 'guaranteeLoan') return Math.min(cap, 200_000);
  if (support === 'taxRelief') return Math.min(cap, 12_000);
  if (support === 'flexibleInsurance') return Math.min(cap, 6_000);
  return cap;
}

function byStartup<T extends { startupId: string }>(records: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of records) {
    const list = out.get(r.startupId);
    if (list) list.push(r);
    else out.set(r.startupId, [r]);
  }
  return out;
}

/**
 * The demo's claims of supports: one per resident for a support it (or its founder) qualifies for today
 * by core/supports, across every state: some submitted, some granted and paid, one rejected, and a paid
 * guarantee loan whose renewal falls due soon. Judged with the claim-less records, so each is qualified.
 */
export function demoClaims(
  inc: { startups: readonly Startup[]; founders: readonly Founder[]; reports: readonly Report[] },
  today: string,
  rules: SupportRules = defaultSupportRules,
): Claim[] {
  const founders = byStartup(inc.founders);
  const reports = byStartup(inc.reports);
  const standings = inc.startups
    .filter((s) => s.status === 'resident')
    .flatMap((startup) => standingsOf({ startup, founders: founders.get(startup.id) ?? [], reports: reports.get(startup.id) ?? [], claims: [], today }, rules))
    .filter((s) => s.status === 'qualifies' && s.amount !== undefined);
  const definitions = new Map(supportsOf(rules).map((s) => [s.id, s]));
  const used = new Set<string>();
  const claims: Claim[] = [];
  for (const slot of SLOTS) {
    const standing = standings.find((s) => s.support === slot.support && !used.has(s.startupId));
    if (!standing) continue;
    used.add(standing.startupId);
    const loanDue = slot.support === 'guaranteeLoan' && slot.state === 'paid' ? addDays(today, LOAN_DUE_IN_DAYS) : undefined;
    const submittedOn = loanDue ? addDays(addYearsClamped(loanDue, -LOAN_YEARS), -45) : addDays(today, -slot.submittedDaysAgo);
    const decidedOn = addDays(submittedOn, 30);
    const amountAsked = asked(slot.support, standing);
    const decided = slot.state === 'granted' || slot.state === 'paid';
    claims.push({
      id: `${standing.startupId}-claim-${slot.support}`,
      updatedAt: `${today}T08:00:00.000Z`,
      support: slot.support,
      startupId: standing.startupId,
      ...(standing.founderId ? { founderId: standing.founderId } : {}),
      amountAsked,
      cap: standing.amount,
      documents: [...definitions.get(slot.support)!.documents],
      state: slot.state,
      ...(slot.state !== 'preparing' ? { submittedOn } : {}),
      ...(decided || slot.state === 'rejected' ? { decidedOn } : {}),
      ...(decided ? { amountGranted: amountAsked } : {}),
      ...(slot.state === 'paid' ? { paidOn: addDays(decidedOn, 14) } : {}),
      ...(loanDue ? { remindOn: loanDue } : {}),
      qualified: true,
      rulesVersion: rules.version,
      ...(slot.note ? { note: slot.note } : {}),
    });
  }
  return claims;
}
