import { z } from 'zod';
import { isoDateTime, recordBase, text } from './common';
import { period } from './report';

export const evaluationItemSchema = z.object({
  key: z.string(),
  /** The measured value (null for manual items and for missing data). */
  value: z.number().nullable(),
  points: z.number().min(0),
  /** How the points were reached, as an i18n key with its parameters. */
  evidence: z.string(),
  comment: text(400).optional(),
});
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;

export const evaluationSchema = z.object({
  ...recordBase,
  startupId: z.string().min(1),
  period,
  templateId: z.string().min(1),
  templateVersion: z.number().int().min(1),
  /** A correction of a finalized evaluation is a new revision; the old one stays, superseded. */
  revision: z.number().int().min(1),
  items: z.array(evaluationItemSchema),
  total: z.number().min(0),
  grade: z.enum(['excellent', 'good', 'pass', 'fail']),
  evaluator: text(40).optional(),
  comment: text(1000).optional(),
  status: z.enum(['draft', 'finalized', 'superseded']),
  finalizedAt: isoDateTime.optional(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
