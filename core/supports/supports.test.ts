import { describe, expect, it } from 'vitest';
import { claimSchema } from '../records';
import { addMonthsClamped, addYearsClamped } from './calendar';
import { standingFor, standingsOf, type ClaimFacts, type StandingInput } from './eligibility';
import { defaultSupportRules as rules, supportsOf } from './rules';
import { claimsByQuarter } from './quarters';
import { dueReminders } from './reminders';

const TODAY = '2026-12-03';
const founder = (over: Partial<StandingInput['founders'][number]> = {}): StandingInput['founders'][number] => ({ id: 'f1', name: '李明', keyGroups: ['graduate'], graduatedOn: '2025-06-30', ...over });
const report = (period: string, over: Partial<StandingInput['reports'][number]> = {}): StandingInput['reports'][number] => ({
  period,
  employees: 10,
  keyGroupHires: 0,
  newGraduateHires: 0,
  insuredEmployees: 10,
  ...over,
});
const input = (over: Partial<StandingInput> = {}): StandingInput => ({
  startup: { id: 's1', entityType: 'enterprise', registeredOn: '2025-01-10', feeWaived: false },
  founders: [founder()],
  reports: [],
  claims: [],
  today: TODAY,
  ...over,
});
const standing = (i: StandingInput, support: Parameters<typeof standingFor>[2], founderId = 'f1') => standingFor(i, rules, support, founderId);

describe('calendar', () => {
  it('counts anniversaries of a leap day to the end of February', () => {
    expect(addYearsClamped('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYearsClamped('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonthsClamped('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsClamped('2025-11-15', 3)).toBe('2026-02-15');
  });
});

describe('the default rule set', () => {
  it('names the clause of every support and lists its documents', () => {
    const supports = supportsOf(rules);
    expect(supports.map((s) => s.clause)).toEqual(['（十五）', '（十五）', '（十六）', '（十六）', '（十七）', '（十七）', '（十八）', '（十）']);
    for (const s of supports) expect(s.documents.length).toBeGreaterThan(0);
  });
  it('takes its figures from the local parameters', () => {
    const local = { ...rules, params: { ...rules.params, startupSubsidy: { ...rules.params.startupSubsidy, amount: 8000 } } };
    expect(standingFor(input({ reports: [] }), local, 'startupSubsidy', undefined).amount).toBe(8000);
  });
});

describe('graduates within two years (社保补贴 for flexible workers, (十八))', () => {
  it('qualifies a founder who graduated exactly two years ago today, until today', () => {
    const s = standing(input({ founders: [founder({ graduatedOn: '2024-12-03' })] }), 'flexibleInsurance');
    expect(s.status).toBe('qualifies');
    expect(s.until).toBe(TODAY);
  });
  it('does not qualify one who graduated two years and a day ago', () => {
    const s = standing(input({ founders: [founder({ graduatedOn: '2024-12-02' })] }), 'flexibleInsurance');
    expect(s.status).toBe('not');
    expect(s.checks[0]).toMatchObject({ met: false, why: 'graduateWindowPassed', facts: { on: '2026-12-02' } });
  });
  it('counts a leap-day graduate to 28 February two years on', () => {
    const graduate = input({ founders: [founder({ graduatedOn: '2024-02-29' })] });
    expect(standing({ ...graduate, today: '2026-02-28' }, 'flexibleInsurance').status).toBe('qualifies');
    expect(standing({ ...graduate, today: '2026-03-01' }, 'flexibleInsurance').status).toBe('not');
  });
  it('asks for the graduation date when a graduate has none', () => {
    expect(standing(input({ founders: [founder({ graduatedOn: undefined })] }), 'flexibleInsurance').checks[0]!.why).toBe('graduationDateMissing');
  });
  it('qualifies a hard-to-employ founder whatever the graduation date', () => {
    expect(standing(input({ founders: [founder({ keyGroups: ['hardToEmploy'], graduatedOn: '2001-07-01' })] }), 'flexibleInsurance').status).toBe('qualifies');
  });
  it('does not qualify a founder of no key group', () => {
    expect(standing(input({ founders: [founder({ keyGroups: ['other'] })] }), 'flexibleInsurance').checks[0]!.why).toBe('noKeyGroup');
  });
});

describe('registered within three years (免费入驻 (十), tax relief (十五))', () => {
  const registered = (on: string) => input({ startup: { id: 's1', entityType: 'enterprise', registeredOn: on, feeWaived: false } });
  it('qualifies a startup registered three years ago tomorrow', () => {
    expect(standing(registered('2023-12-04'), 'freeResidency').status).toBe('qualifies');
  });
  it('qualifies one registered three years ago today, its last day', () => {
    const s = standing(registered('2023-12-03'), 'freeResidency');
    expect(s.status).toBe('qualifies');
    expect(s.until).toBe(TODAY);
  });
  it('does not qualify one registered three years and a day ago', () => {
    expect(standing(registered('2023-12-02'), 'freeResidency').checks[1]).toMatchObject({ met: false, why: 'registeredTooLongAgo' });
  });
  it('counts a leap-day registration to 28 February three years on', () => {
    expect(standing({ ...registered('2024-02-29'), today: '2027-02-28' }, 'taxRelief').status).toBe('qualifies');
    expect(standing({ ...registered('2024-02-29'), today: '2027-03-01' }, 'taxRelief').status).toBe('not');
  });
  it('admits an unregistered team free but gives it no tax relief', () => {
    const team = input({ startup: { id: 's1', entityType: 'team', feeWaived: false } });
    expect(standing(team, 'freeResidency').status).toBe('qualifies');
    expect(standing(team, 'taxRelief').checks[1]!.why).toBe('notRegistered');
  });
  it('counts free residency granted on admission as claimed', () => {
    expect(standing(input({ startup: { id: 's1', entityType: 'enterprise', registeredOn: '2025-01-10', feeWaived: true } }), 'freeResidency').status).toBe('claimed');
  });
});

describe('一次性创业补贴 after six months of operation', () => {
  const registered = (on: string) => input({ startup: { id: 's1', entityType: 'enterprise', registeredOn: on, feeWaived: false } });
  it('qualifies on the day six months are complete', () => {
    expect(standing(registered('2026-06-03'), 'startupSubsidy').status).toBe('qualifies');
  });
  it('is soon the day before, with the day it qualifies', () => {
    const s = standing(registered('2026-06-04'), 'startupSubsidy');
    expect(s.status).toBe('soon');
    expect(s.soonOn).toBe('2026-12-04');
    expect(s.checks[2]).toMatchObject({ why: 'operatingFrom', facts: { on: '2026-12-04' } });
  });
  it('is not soon when qualifying is further away than the rule set\'s soonDays', () => {
    expect(standing(registered('2026-11-01'), 'startupSubsidy').status).toBe('not');
  });
  it('counts six months from 31 August to the end of February', () => {
    expect(standing({ ...registered('2025-08-31'), today: '2026-02-28' }, 'startupSubsidy').status).toBe('qualifies');
    expect(standing({ ...registered('2025-08-31'), today: '2026-02-27' }, 'startupSubsidy').status).toBe('soon');
  });
});

describe('社会保险补贴 for insured hires (十七)', () => {
  it('says to hire one more insured graduate', () => {
    const s = standing(input({ reports: [report('2026Q3', { newGraduateHires: 1, insuredEmployees: 0 })] }), 'insuranceSubsidy');
    expect(s.status).toBe('soon');
    expect(s.checks[0]).toMatchObject({ why: 'hireMore', facts: { n: 1, period: '2026Q3' } });
  });
  it('pays per insured hire, from the latest report', () => {
    const s = standing(input({ reports: [report('2026Q2'), report('2026Q3', { keyGroupHires: 2, newGraduateHires: 1, insuredEmployees: 10 })] }), 'insuranceSubsidy');
    expect(s.status).toBe('qualifies');
    expect(s.amount).toBe(3 * rules.params.insuranceSubsidy.perHire);
  });
  it('is not reachable without an operating report', () => {
    expect(standing(input(), 'insuranceSubsidy').status).toBe('not');
  });
});

describe('稳岗扩岗 loans (十七): fewer than 5.5% of jobs cut', () => {
  const withJobs = (before: number, after: number) => input({ reports: [report('2025Q3', { employees: before, insuredEmployees: 0 }), report('2026Q3', { employees: after, insuredEmployees: 0 })] });
  it('qualifies a cut below the rate and refuses one at it', () => {
    expect(standing(withJobs(1000, 946), 'jobRetentionLoan').status).toBe('qualifies');
    expect(standing(withJobs(1000, 945), 'jobRetentionLoan').checks[0]).toMatchObject({ met: false, why: 'jobsCut', facts: { share: '5.5%' } });
  });
  it('needs the report of the same period a year before', () => {
    expect(standing(input({ reports: [report('2026Q3')] }), 'jobRetentionLoan').checks[0]).toMatchObject({ why: 'noYearEarlierReport', facts: { period: '2025Q3' } });
  });
});

describe('创业担保贷款 and its renewal (十六)', () => {
  const loan = (over: Partial<ClaimFacts>): ClaimFacts => ({ id: 'c1', support: 'guaranteeLoan', startupId: 's1', founderId: 'f1', state: 'paid', submittedOn: '2024-03-01', remindOn: '2027-01-15', ...over });
  it('counts a paid loan as claimed and offers its renewal within the notice before it falls due', () => {
    const i = input({ claims: [loan({})] });
    expect(standing(i, 'guaranteeLoan').status).toBe('claimed');
    expect(standing(i, 'loanRenewal').status).toBe('qualifies');
  });
  it('is soon while the due date is further than the notice', () => {
    const s = standing(input({ claims: [loan({ remindOn: '2027-03-01' })] }), 'loanRenewal');
    expect(s.status).toBe('soon');
    expect(s.soonOn).toBe('2026-12-31');
  });
  it('refuses a founder whose earlier loan defaulted', () => {
    const i = input({ claims: [loan({ state: 'defaulted' })] });
    expect(standing(i, 'loanRenewal').checks.find((c) => c.kind === 'noDefault')).toMatchObject({ met: false, why: 'loanDefaulted' });
  });
  it('does not count a rejected claim as claimed', () => {
    expect(standing(input({ claims: [loan({ state: 'rejected', remindOn: undefined })] }), 'guaranteeLoan').status).toBe('qualifies');
  });
  it('leaves out the claim being edited', () => {
    expect(standingFor(input({ claims: [loan({})] }), rules, 'guaranteeLoan', 'f1', 'c1').status).toBe('qualifies');
  });
});

describe('yearly supports', () => {
  it('are claimed again in a new calendar year', () => {
    const claim: ClaimFacts = { id: 'c1', support: 'taxRelief', startupId: 's1', founderId: 'f1', state: 'granted', submittedOn: '2025-04-01' };
    expect(standing(input({ claims: [claim] }), 'taxRelief').status).toBe('qualifies');
    expect(standing(input({ claims: [{ ...claim, submittedOn: '2026-04-01' }] }), 'taxRelief').status).toBe('claimed');
  });
});

describe('standingsOf', () => {
  it('judges startup supports once and founder supports per founder', () => {
    const all = standingsOf(input({ founders: [founder(), founder({ id: 'f2', name: '王芳', keyGroups: ['veteran'] })] }), rules);
    expect(all.filter((s) => s.support === 'startupSubsidy')).toHaveLength(1);
    expect(all.filter((s) => s.support === 'taxRelief').map((s) => s.founderId)).toEqual(['f1', 'f2']);
  });
});

describe('the claim record', () => {
  const claim = {
    id: 'c1',
    updatedAt: '2026-12-03T08:00:00Z',
    support: 'startupSubsidy',
    startupId: 's1',
    amountAsked: 5000,
    cap: 5000,
    documents: ['idCard'],
    state: 'granted',
    submittedOn: '2026-10-01',
    decidedOn: '2026-11-01',
    amountGranted: 5000,
    qualified: true,
    rulesVersion: 1,
  };
  const problems = (over: object) => {
    const r = claimSchema.safeParse({ ...claim, ...over });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('accepts a granted claim', () => expect(problems({})).toEqual([]));
  it('refuses an amount above the cap', () => expect(problems({ amountAsked: 5001, amountGranted: 5001 })).toEqual(['amountAsked: v.claim.aboveCap']));
  it('refuses a decision before the submission and a payment before the decision', () => {
    expect(problems({ decidedOn: '2026-09-30' })).toEqual(['decidedOn: v.claim.decidedBeforeSubmitted']);
    expect(problems({ state: 'paid', paidOn: '2026-10-31' })).toEqual(['paidOn: v.claim.paidBeforeDecided']);
  });
  it('needs a reason for an applicant who does not qualify', () => {
    expect(problems({ qualified: false })).toEqual(['reason: v.claim.reasonRequired']);
    expect(problems({ qualified: false, reason: '人社局同意按特殊情况受理' })).toEqual([]);
  });
  it('needs the decision date and amount once granted', () => {
    expect(problems({ decidedOn: undefined, amountGranted: undefined })).toEqual(['decidedOn: v.claim.decidedOnRequired', 'amountGranted: v.claim.amountGrantedRequired']);
  });
});

describe('claimsByQuarter', () => {
  it('counts claims by the quarter submitted and grants by the quarter decided', () => {
    const figures = claimsByQuarter([
      { state: 'paid', submittedOn: '2026-03-31', decidedOn: '2026-04-01', amountAsked: 5000, amountGranted: 4000 },
      { state: 'rejected', submittedOn: '2026-04-02', decidedOn: '2026-05-01', amountAsked: 3000 },
      { state: 'withdrawn', submittedOn: '2026-04-03', amountAsked: 9000 },
      { state: 'preparing', amountAsked: 1000 },
    ]);
    expect(figures).toEqual([
      { quarter: '2026Q1', claimed: 1, asked: 5000, granted: 0, grantedAmount: 0 },
      { quarter: '2026Q2', claimed: 1, asked: 3000, granted: 1, grantedAmount: 4000 },
    ]);
  });
});

describe('dueReminders', () => {
  it('lists open claims due within the days given or overdue, soonest first', () => {
    const claims = [
      { id: 'late', state: 'paid', remindOn: '2026-11-30' },
      { id: 'edge', state: 'paid', remindOn: '2026-12-13' },
      { id: 'far', state: 'paid', remindOn: '2026-12-14' },
      { id: 'closed', state: 'rejected', remindOn: '2026-12-05' },
      { id: 'none', state: 'granted' },
    ] as const;
    expect(dueReminders(claims, TODAY, 10).map((c) => c.id)).toEqual(['late', 'edge']);
  });
});
