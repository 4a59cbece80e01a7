import { z } from 'zod';
import { defaultSupportRules, supportRulesSchema } from '../supports/rules';
import { isoDateTime, requiredText, text } from './common';

export const carrierLines = ['hrss', 'science', 'both'] as const;
export const carrierTypes = ['startupBase', 'techIncubator', 'makerspace', 'studentPark', 'returneePark'] as const;
export const carrierLevels = ['national', 'provincial', 'city', 'county', 'none'] as const;

/** What an assessment of the carrier expects (default: national demonstration base). */
export const thresholdsSchema = z.object({
  occupancy: z.number().min(0).max(1),
  residents: z.number().int().min(0),
  jobs: z.number().int().min(0),
  successRate: z.number().min(0).max(1),
  onTimeExitRate: z.number().min(0).max(1),
  sessionsPerMentorYear: z.number().min(0),
  residentsPerMentor: z.number().min(0),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const defaultThresholds: Thresholds = {
  occupancy: 0.9,
  residents: 30,
  jobs: 300,
  successRate: 0.6,
  onTimeExitRate: 0.95,
  sessionsPerMentorYear: 2,
  residentsPerMentor: 10,
};

/** Science-line graduation defaults (DOMAIN.md), any one suffices. */
export const graduationSchema = z.object({
  equityFinancingTotal: z.number().min(0),
  yearRevenue: z.number().min(0),
  employmentMonths: z.number().int().min(0),
});
export const defaultGraduation = { equityFinancingTotal: 5_000_000, yearRevenue: 10_000_000, employmentMonths: 12 };

/** Local rules (DOMAIN.md "Rules"): defaults that an operator edits, never constants in code. */
export const ruleSetSchema = z.object({
  freeSpaceShare: z.number().min(0).max(1),
  incubationMonths: z.number().int().min(1).max(120),
  minSessionsPerMentorYear: z.number().int().min(0),
  maxResidentsPerMentor: z.number().int().min(1),
  quietDays: z.number().int().min(1),
  graduationMinJobs: z.number().int().min(0),
  backupsKept: z.number().int().min(1).max(100),
  /** Added after the first release: carriers saved before read the defaults. */
  thresholds: thresholdsSchema.default(defaultThresholds),
  graduation: graduationSchema.default(defaultGraduation),
  /** The province's supports (扶持政策) and their local figures. */
  supports: supportRulesSchema.default(defaultSupportRules),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

export const defaultRuleSet: RuleSet = {
  freeSpaceShare: 0.3,
  incubationMonths: 36,
  minSessionsPerMentorYear: 2,
  maxResidentsPerMentor: 10,
  quietDays: 30,
  graduationMinJobs: 3,
  backupsKept: 10,
  thresholds: defaultThresholds,
  graduation: defaultGraduation,
  supports: defaultSupportRules,
};

export const carrierSchema = z.object({
  id: z.literal('carrier'),
  updatedAt: isoDateTime,
  name: requiredText(100),
  line: z.enum(carrierLines, 'v.required'),
  type: z.enum(carrierTypes, 'v.required'),
  level: z.enum(carrierLevels, 'v.required'),
  regionCode: z.string().regex(/^\d{6}$/, 'v.regionCode'),
  rosterCode: text(40).optional(),
  address: requiredText(200),
  operator: text(100).optional(),
  area: z.number({ message: 'v.number' }).positive('v.positive'),
  seats: z.number({ message: 'v.number' }).int('v.integer').positive('v.positive'),
  rules: ruleSetSchema,
  /** Written back by the roster: 列入名录 / 整改 / 移出. */
  rosterStatus: z.enum(['listed', 'rectify', 'removed']).optional(),
});
export type Carrier = z.infer<typeof carrierSchema>;
