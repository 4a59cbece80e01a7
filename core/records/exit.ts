import { z } from 'zod';
import { isoDate, recordBase, text } from './common';
import { exitKinds } from './startup';

export const exitReasons = [
  'criteriaMet',
  'periodEnded',
  'agreementEnded',
  'failedEvaluations',
  'noReports',
  'agreementBreached',
  'ownRequest',
  'relocation',
  'deregistration',
] as const;

export const exitSchema = z
  .object({
    ...recordBase,
    startupId: z.string().min(1),
    kind: z.enum(exitKinds, 'v.required'),
    reasons: z.array(z.enum(exitReasons)),
    note: text(2000).optional(),
    evidence: z.array(z.object({ entity: z.enum(['evaluation', 'report', 'session']), id: z.string() })),
    proposedOn: isoDate,
    proposedBy: text(40),
    decidedOn: isoDate.optional(),
    decidedBy: text(40).optional(),
    status: z.enum(['proposed', 'approved', 'rejected', 'withdrawn']),
    effectiveOn: isoDate.optional(),
    /** 再创业帮扶 follow-up ((七)) for deregistered and failed ventures. */
    followUp: z
      .object({
        contactPlan: text(1000),
        support: z.array(z.enum(['training', 'mentor', 'guaranteeLoan', 'policyAdvice'])),
        outcome: text(1000).optional(),
      })
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'evicted') {
      if (e.reasons.length === 0) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'v.evictionReason' });
      if (!e.evidence.some((x) => x.entity === 'evaluation')) {
        ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'v.evictionEvidence' });
      }
    }
  });
export type Exit = z.infer<typeof exitSchema>;
