import type { Founder, Report, Startup } from '../records';
import { sameLastYear } from '../scoring/period';
import { addDays, addMonthsClamped, addYearsClamped } from './calendar';
import type { ClaimState, SupportId } from './ids';
import { supportsOf, type Condition, type Support, type SupportRules } from './rules';

/** What eligibility reads of a claim. */
export interface ClaimFacts {
  id: string;
  support: SupportId;
  startupId: string;
  founderId?: string;
  state: ClaimState;
  submittedOn?: string;
  remindOn?: string;
}

export interface StandingInput {
  startup: Pick<Startup, 'id' | 'entityType' | 'registeredOn' | 'feeWaived'>;
  founders: readonly Pick<Founder, 'id' | 'name' | 'keyGroups' | 'graduatedOn'>[];
  reports: readonly Pick<Report, 'period' | 'employees' | 'keyGroupHires' | 'newGraduateHires' | 'insuredEmployees'>[];
  claims: readonly ClaimFacts[];
  today: string;
}

/** One condition judged: met or not, and why, as an i18n key (supports.why.*) with its figures. */
export interface Check {
  kind: Condition['kind'];
  met: boolean;
  /** Unmet, but within reach: a date within the rule set's soonDays, or a hiring shortfall within soonHires. */
  reachable: boolean;
  why: string;
  facts: Record<string, string | number>;
  /** Unmet until this day. */
  soonOn?: string;
  /** Met, until this day (a registration or graduation window closes after it). */
  until?: string;
}

export type StandingStatus = 'claimed' | 'qualifies' | 'soon' | 'not';

/** A support for one applicant: the startup, or one of its founders. */
export interface Standing {
  support: SupportId;
  startupId: string;
  founderId?: string;
  status: StandingStatus;
  checks: Check[];
  /** The fixed sum, the cap, or per-hire sum for the hires counted; absent where no money is paid (free residency). */
  amount?: number;
  soonOn?: string;
  until?: string;
  /** The claim that makes it claimed (none when free residency was granted on admission). */
  claimId?: string;
}

type Founders = StandingInput['founders'];
type LatestReport = StandingInput['reports'][number];

const LOANS: readonly SupportId[] = ['guaranteeLoan', 'loanRenewal'];
const CLOSED: readonly ClaimState[] = ['rejected', 'withdrawn'];

const met = (kind: Condition['kind'], why: string, facts: Check['facts'] = {}, until?: string): Check => ({ kind, met: true, reachable: true, why, facts, ...(until ? { until } : {}) });
const unmet = (kind: Condition['kind'], why: string, facts: Check['facts'] = {}, soon?: { on?: string; reachable: boolean }): Check => ({
  kind,
  met: false,
  reachable: soon?.reachable ?? false,
  why,
  facts,
  ...(soon?.on ? { soonOn: soon.on } : {}),
});

function keyGroupCheck(c: Extract<Condition, { kind: 'keyGroup' }>, founders: Founders, today: string): Check {
  let missingDate: string | undefined;
  let passed: { name: string; on: string } | undefined;
  let best: Check | undefined;
  for (const f of founders) {
    for (const group of f.keyGroups.filter((g) => c.groups.includes(g))) {
      if (group !== 'graduate' || c.graduateYears === undefined) return met('keyGroup', 'keyGroup', { name: f.name, group });
      if (!f.graduatedOn) {
        missingDate ??= f.name;
        continue;
      }
      const end = addYearsClamped(f.graduatedOn, c.graduateYears);
      if (today > end) passed ??= { name: f.name, on: end };
      else if (!best || end > best.until!) best = met('keyGroup', 'graduateWithin', { name: f.name, on: f.graduatedOn, years: c.graduateYears, until: end }, end);
    }
  }
  if (best) return best;
  if (missingDate) return unmet('keyGroup', 'graduationDateMissing', { name: missingDate });
  if (passed) return unmet('keyGroup', 'graduateWindowPassed', { name: passed.name, on: passed.on, years: c.graduateYears ?? 0 });
  return unmet('keyGroup', 'noKeyGroup');
}

function registeredCheck(c: Extract<Condition, { kind: 'registeredWithin' }>, startup: StandingInput['startup'], today: string): Check {
  if (startup.entityType === 'team' || !startup.registeredOn) return c.teamsQualify ? met('registeredWithin', 'unregisteredTeam') : unmet('registeredWithin', 'notRegistered');
  const end = addYearsClamped(startup.registeredOn, c.years);
  return today <= end
    ? met('registeredWithin', 'registeredWithin', { on: startup.registeredOn, years: c.years, until: end }, end)
    : unmet('registeredWithin', 'registeredTooLongAgo', { on: startup.registeredOn, years: c.years });
}

function operatingCheck(c: Extract<Condition, { kind: 'operatingFor' }>, startup: StandingInput['startup'], today: string, soonDays: number): Check {
  if (startup.entityType === 'team' || !startup.registeredOn) return unmet('operatingFor', 'notRegistered');
  const from = addMonthsClamped(startup.registeredOn, c.months);
  return today >= from
    ? met('operatingFor', 'operatingFor', { on: startup.registeredOn, months: c.months })
    : unmet('operatingFor', 'operatingFrom', { on: from, months: c.months }, { on: from, reachable: from <= addDays(today, soonDays) });
}

/** Insured hires of the subsidised groups: the report counts key-group and new-graduate hires and insured staff, not their overlap, so the smaller of the two. */
const insuredHires = (r: LatestReport) => Math.min(r.keyGroupHires + r.newGraduateHires, r.insuredEmployees);

function hiresCheck(c: Extract<Condition, { kind: 'insuredHires' }>, latest: LatestReport | undefined, soonHires: number): Check {
  if (!latest) return unmet('insuredHires', 'noReport');
  const n = insuredHires(latest);
  if (n >= c.min) return met('insuredHires', 'insuredHires', { n, period: latest.period });
  const more = c.min - n;
  return unmet('insuredHires', 'hireMore', { n: more, period: latest.period }, { reachable: more <= soonHires });
}

function jobsCheck(c: Extract<Condition, { kind: 'jobsKept' }>, reports: StandingInput['reports'], latest: LatestReport | undefined): Check {
  if (!latest) return unmet('jobsKept', 'noReport');
  const earlierPeriod = sameLastYear(latest.period);
  const earlier = reports.find((r) => r.period === earlierPeriod);
  if (!earlier) return unmet('jobsKept', 'noYearEarlierReport', { period: earlierPeriod });
  const facts = { from: earlier.employees, to: latest.employees, earlier: earlierPeriod, period: latest.period };
  const reduction = earlier.employees > 0 ? (earlier.employees - latest.employees) / earlier.employees : 0;
  // (十七): a reduction "低于" the target rate, so a cut of exactly the rate does not qualify.
  return reduction < c.maxReduction ? met('jobsKept', 'jobsKept', facts) : unmet('jobsKept', 'jobsCut', { ...facts, share: `${Math.round(reduction * 1000) / 10}%` });
}

function loanDueCheck(c: Extract<Condition, { kind: 'loanDue' }>, loans: readonly ClaimFacts[], today: string, soonDays: number): Check {
  const paid = loans.filter((l) => l.state === 'paid');
  if (paid.length === 0) return unmet('loanDue', 'noLoan');
  const due = paid.map((l) => l.remindOn).filter((d): d is string => !!d).sort().at(-1);
  if (!due) return unmet('loanDue', 'loanDueMissing');
  const from = addDays(due, -c.noticeDays);
  return today >= from ? met('loanDue', 'loanDue', { on: due }) : unmet('loanDue', 'loanDueLater', { on: due, from }, { on: from, reachable: from <= addDays(today, soonDays) });
}

function judge(support: Support, input: StandingInput, rules: SupportRules, latest: LatestReport | undefined, founderId?: string): Standing {
  const { startup, today } = input;
  const founders = founderId ? input.founders.filter((f) => f.id === founderId) : input.founders;
  const mine = input.claims.filter((c) => c.startupId === startup.id && (founderId ? c.founderId === founderId : true));
  let hires: number | undefined;
  const checks = support.conditions.map((c): Check => {
    switch (c.kind) {
      case 'keyGroup':
        return keyGroupCheck(c, founders, today);
      case 'registeredWithin':
        return registeredCheck(c, startup, today);
      case 'operatingFor':
        return operatingCheck(c, startup, today, rules.soonDays);
      case 'insuredHires':
        hires = latest ? insuredHires(latest) : 0;
        return hiresCheck(c, latest, rules.soonHires);
      case 'jobsKept':
        return jobsCheck(c, input.reports, latest);
      case 'noDefault': {
        const defaulted = mine.find((l) => LOANS.includes(l.support) && l.state === 'defaulted');
        return defaulted ? unmet('noDefault', 'loanDefaulted') : met('noDefault', 'noDefault');
      }
      case 'loanDue':
        return loanDueCheck(c, mine.filter((l) => l.support === 'guaranteeLoan' || l.support === 'loanRenewal'), today, rules.soonDays);
    }
  });
  const year = today.slice(0, 4);
  const claim = mine.find((c) => c.support === support.id && !CLOSED.includes(c.state) && (support.per === 'once' || (c.submittedOn ?? today).slice(0, 4) === year));
  const unmetChecks = checks.filter((c) => !c.met);
  const status: StandingStatus =
    claim || (support.id === 'freeResidency' && startup.feeWaived) ? 'claimed' : unmetChecks.length === 0 ? 'qualifies' : unmetChecks.every((c) => c.reachable) ? 'soon' : 'not';
  const soonOn = unmetChecks.map((c) => c.soonOn).filter((d): d is string => !!d).sort().at(-1);
  const until = checks.map((c) => c.until).filter((d): d is string => !!d).sort()[0];
  const amount = !support.amount ? undefined : support.amount.kind === 'perHire' ? support.amount.yuan * Math.max(hires ?? 0, minHires(support)) : support.amount.yuan;
  return {
    support: support.id,
    startupId: startup.id,
    ...(founderId ? { founderId } : {}),
    status,
    checks,
    ...(amount !== undefined ? { amount } : {}),
    ...(status === 'soon' && soonOn ? { soonOn } : {}),
    ...(status === 'qualifies' && until ? { until } : {}),
    ...(claim ? { claimId: claim.id } : {}),
  };
}

const minHires = (s: Support) => s.conditions.reduce((n, c) => (c.kind === 'insuredHires' ? c.min : n), 0);

/** Every support for a startup and each of its founders, judged on `today`. Pure: same records, same answer. */
export function standingsOf(input: StandingInput, rules: SupportRules): Standing[] {
  const latest = latestReport(input.reports);
  return supportsOf(rules).flatMap((s) => (s.applicant === 'startup' ? [judge(s, input, rules, latest)] : input.founders.map((f) => judge(s, input, rules, latest, f.id))));
}

const latestReport = (reports: StandingInput['reports']) => reports.reduce<LatestReport | undefined>((last, r) => (!last || r.period > last.period ? r : last), undefined);

/** One support for one applicant, leaving out a claim (the one being edited, so it does not count itself). */
export function standingFor(input: StandingInput, rules: SupportRules, support: SupportId, founderId: string | undefined, exceptClaimId?: string): Standing {
  const definition = supportsOf(rules).find((s) => s.id === support)!;
  const claims = exceptClaimId ? input.claims.filter((c) => c.id !== exceptClaimId) : input.claims;
  return judge(definition, { ...input, claims }, rules, latestReport(input.reports), definition.applicant === 'founder' ? founderId : undefined);
}
