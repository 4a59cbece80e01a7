import { z } from 'zod';
import type { KeyGroup } from '../records/founder';
import type { SupportId } from './ids';

const yuan = z.number().finite().min(0);
const whole = z.number().int().min(0);

/**
 * The local figures of each support (DOMAIN.md: "local" amounts are parameters, never constants).
 * Money in yuan. The defaults are common provincial figures; an operator sets the province's own in 设置.
 */
export const supportParamsSchema = z.object({
  startupSubsidy: z.object({ amount: yuan, operatingMonths: whole, registeredYears: whole, graduateYears: whole }),
  taxRelief: z.object({ cap: yuan, registeredYears: whole }),
  guaranteeLoan: z.object({ cap: yuan }),
  loanRenewal: z.object({ cap: yuan, noticeDays: whole }),
  jobRetentionLoan: z.object({ cap: yuan, maxReduction: z.number().min(0).max(1) }),
  insuranceSubsidy: z.object({ perHire: yuan, minHires: z.number().int().min(1) }),
  flexibleInsurance: z.object({ cap: yuan, graduateYears: whole }),
  freeResidency: z.object({ registeredYears: whole }),
}) satisfies z.ZodType<Record<SupportId, Record<string, number>>>;
export type SupportParams = z.infer<typeof supportParamsSchema>;

/** A province's rule set: versioned like evaluation templates, so a claim names the figures it was judged by. */
export const supportRulesSchema = z.object({
  version: z.number().int().min(1),
  /** A condition this many days away (a registration anniversary, a loan's due date) counts as "soon". */
  soonDays: z.number().int().min(0).max(366),
  /** A hiring shortfall of at most this many people counts as "soon" (hire them and it qualifies). */
  soonHires: z.number().int().min(0).max(100),
  params: supportParamsSchema,
});
export type SupportRules = z.infer<typeof supportRulesSchema>;

export const defaultSupportRules: SupportRules = {
  version: 1,
  soonDays: 90,
  soonHires: 2,
  params: {
    startupSubsidy: { amount: 5000, operatingMonths: 6, registeredYears: 3, graduateYears: 5 },
    taxRelief: { cap: 20_000, registeredYears: 3 },
    guaranteeLoan: { cap: 300_000 },
    loanRenewal: { cap: 300_000, noticeDays: 60 },
    // 5.5%: the 2025 城镇调查失业率控制目标 that (十七) measures a reduction against.
    jobRetentionLoan: { cap: 5_000_000, maxReduction: 0.055 },
    insuranceSubsidy: { perHire: 6000, minHires: 1 },
    flexibleInsurance: { cap: 8000, graduateYears: 2 },
    freeResidency: { registeredYears: 3 },
  },
};

/** A condition as data; its figures come from the rule set's parameters. */
export type Condition =
  /** A founder (the applicant, or any founder of an applicant startup) in one of the groups; a graduate only within `graduateYears` of graduating. */
  | { kind: 'keyGroup'; groups: readonly KeyGroup[]; graduateYears?: number }
  /** A registered startup, registered no more than `years` ago (the anniversary day still counts). */
  | { kind: 'registeredWithin'; years: number; teamsQualify: boolean }
  /** Registered at least `months` ago (operating that long). */
  | { kind: 'operatingFor'; months: number }
  /** At least `min` insured hires of the subsidised groups in the latest operating report. */
  | { kind: 'insuredHires'; min: number }
  /** Employees in the latest report fell by less than `maxReduction` against the same period a year before. */
  | { kind: 'jobsKept'; maxReduction: number }
  /** No earlier 创业担保贷款 of the applicant in default. */
  | { kind: 'noDefault' }
  /** A paid 创业担保贷款 of the applicant due within `noticeDays` (its renewal date). */
  | { kind: 'loanDue'; noticeDays: number };

/** How the amount is found: a fixed sum, a cap the asked amount must stay under, or per insured hire. */
export type Amount = { kind: 'fixed'; yuan: number } | { kind: 'cap'; yuan: number } | { kind: 'perHire'; yuan: number };

export interface Support {
  id: SupportId;
  /** The policy clause it comes from, as the text numbers it. */
  clause: string;
  applicant: 'startup' | 'founder';
  /** Claimed once, or once a calendar year. */
  per: 'once' | 'year';
  conditions: Condition[];
  amount: Amount | null;
  /** Documents an application needs (i18n keys under supports.doc). */
  documents: string[];
}

/** The policy's key groups that the founder-side supports name ((十五) 重点群体). */
const keyGroups: readonly KeyGroup[] = ['graduate', 'migrantWorker', 'veteran', 'hardToEmploy', 'povertyAlleviated', 'unemployed', 'ruralEntrepreneur'];
/** Tax relief: the groups the tax rules name (graduates, the registered unemployed and hard-to-employ, the poverty-alleviated, veterans). */
const taxGroups: readonly KeyGroup[] = ['graduate', 'hardToEmploy', 'unemployed', 'povertyAlleviated', 'veteran'];
/** (十七)/(十八): 就业困难人员 and graduates within two years of leaving school. */
const insuranceGroups: readonly KeyGroup[] = ['hardToEmploy', 'graduate'];

/** The default set, written from (十), (十五)–(十八); figures from the rule set's parameters. */
export function supportsOf(rules: SupportRules): Support[] {
  const p = rules.params;
  return [
    {
      id: 'startupSubsidy',
      clause: '（十五）',
      applicant: 'startup',
      per: 'once',
      conditions: [
        { kind: 'keyGroup', groups: keyGroups, graduateYears: p.startupSubsidy.graduateYears },
        { kind: 'registeredWithin', years: p.startupSubsidy.registeredYears, teamsQualify: false },
        { kind: 'operatingFor', months: p.startupSubsidy.operatingMonths },
      ],
      amount: { kind: 'fixed', yuan: p.startupSubsidy.amount },
      documents: ['idCard', 'license', 'keyGroupProof', 'operatingProof', 'bankAccount'],
    },
    {
      id: 'taxRelief',
      clause: '（十五）',
      applicant: 'founder',
      per: 'year',
      conditions: [
        { kind: 'keyGroup', groups: taxGroups },
        { kind: 'registeredWithin', years: p.taxRelief.registeredYears, teamsQualify: false },
      ],
      amount: { kind: 'cap', yuan: p.taxRelief.cap },
      documents: ['idCard', 'license', 'keyGroupProof'],
    },
    {
      id: 'guaranteeLoan',
      clause: '（十六）',
      applicant: 'founder',
      per: 'once',
      conditions: [{ kind: 'keyGroup', groups: keyGroups }, { kind: 'noDefault' }],
      amount: { kind: 'cap', yuan: p.guaranteeLoan.cap },
      documents: ['idCard', 'license', 'keyGroupProof', 'businessPlan', 'creditReport'],
    },
    {
      id: 'loanRenewal',
      clause: '（十六）',
      applicant: 'founder',
      per: 'once',
      conditions: [{ kind: 'loanDue', noticeDays: p.loanRenewal.noticeDays }, { kind: 'keyGroup', groups: keyGroups }, { kind: 'noDefault' }],
      amount: { kind: 'cap', yuan: p.loanRenewal.cap },
      documents: ['idCard', 'loanContract', 'repaymentRecord', 'creditReport'],
    },
    {
      id: 'jobRetentionLoan',
      clause: '（十七）',
      applicant: 'startup',
      per: 'once',
      conditions: [{ kind: 'jobsKept', maxReduction: p.jobRetentionLoan.maxReduction }],
      amount: { kind: 'cap', yuan: p.jobRetentionLoan.cap },
      documents: ['license', 'payroll', 'insuranceRecord', 'financialStatements'],
    },
    {
      id: 'insuranceSubsidy',
      clause: '（十七）',
      applicant: 'startup',
      per: 'year',
      conditions: [{ kind: 'insuredHires', min: p.insuranceSubsidy.minHires }],
      amount: { kind: 'perHire', yuan: p.insuranceSubsidy.perHire },
      documents: ['license', 'labourContracts', 'insuranceRecord', 'hireGroupProof', 'bankAccount'],
    },
    {
      id: 'flexibleInsurance',
      clause: '（十八）',
      applicant: 'founder',
      per: 'year',
      conditions: [{ kind: 'keyGroup', groups: insuranceGroups, graduateYears: p.flexibleInsurance.graduateYears }],
      amount: { kind: 'cap', yuan: p.flexibleInsurance.cap },
      documents: ['idCard', 'keyGroupProof', 'insuranceRecord'],
    },
    {
      id: 'freeResidency',
      clause: '（十）',
      applicant: 'startup',
      per: 'once',
      conditions: [
        { kind: 'keyGroup', groups: keyGroups },
        { kind: 'registeredWithin', years: p.freeResidency.registeredYears, teamsQualify: true },
      ],
      amount: null,
      documents: ['license', 'idCard', 'keyGroupProof', 'residencyAgreement'],
    },
  ];
}
