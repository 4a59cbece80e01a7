import { z } from 'zod';
import { recordBase, requiredText } from './common';

/** Where an automatic indicator takes its value from (computed by core/scoring from the records). */
export const metrics = [
  'employees',
  'keyGroupShare',
  'revenueGrowth',
  'taxPaid',
  'insuredShare',
  'weightedIpGranted',
  'rdShare',
  'financing',
  'sessionsHeld',
  'highTech',
  'equityFinancingTotal',
] as const;
export type Metric = (typeof metrics)[number];

/** `above`: the value must exceed min (DOMAIN's "> 0"), not just reach it. */
const band = z.object({ min: z.number(), points: z.number().min(0), above: z.boolean().optional() });

export const ruleSchema = z.discriminatedUnion('kind', [
  /** `cap` limits the rule's own points below the indicator's max, leaving room for a bonus. */
  z.object({ kind: z.literal('threshold'), metric: z.enum(metrics), min: z.number(), base: z.number(), perUnit: z.number(), cap: z.number().min(0).optional() }),
  z.object({ kind: z.literal('linear'), metric: z.enum(metrics), unit: z.number().positive(), pointsPerUnit: z.number(), cap: z.number().min(0).optional() }),
  /** Bands sorted high to low; the first whose min the value reaches gives the points. */
  z.object({ kind: z.literal('bands'), metric: z.enum(metrics), bands: z.array(band).min(1), whenMissing: z.number().optional() }),
  z.object({ kind: z.literal('ratio'), metric: z.enum(metrics), bands: z.array(band).min(1), whenMissing: z.number().optional() }),
  z.object({ kind: z.literal('manual'), rubric: requiredText(400) }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export const indicatorSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  label: requiredText(40),
  group: requiredText(40),
  max: z.number().positive(),
  rule: ruleSchema,
  /** Extra points on top of the rule (the sessions indicator's action-item bonus), still capped at max. */
  bonus: z.object({ metric: z.literal('actionItemsDoneShare'), atLeast: z.number(), points: z.number() }).optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const gradeBandSchema = z.object({ grade: z.enum(['excellent', 'good', 'pass', 'fail']), min: z.number() });

export const templateSchema = z.object({
  ...recordBase,
  name: requiredText(60),
  version: z.number().int().min(1),
  periodKind: z.enum(['quarter', 'half', 'year']),
  indicators: z.array(indicatorSchema).min(1),
  grades: z.array(gradeBandSchema).min(1),
  /** Published by the roster: read-only at the desk. */
  published: z.boolean().optional(),
  /** Retired by the roster: kept for the evaluations made with it, not to be chosen for new ones. */
  retired: z.boolean().optional(),
});
export type Template = z.infer<typeof templateSchema>;
