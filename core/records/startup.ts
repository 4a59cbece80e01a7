import { z } from 'zod';
import { creditCode, isoDate, isoDateTime, nameText, phone, recordBase, requiredName, text } from './common';
import { industries } from './industries';

export const entityTypes = ['enterprise', 'soleProprietor', 'cooperative', 'ruralCollective', 'team'] as const;
export const fields = ['digital', 'ai', 'green', 'silver', 'agriculture', 'other'] as const;
export const stages = ['early', 'growth', 'mature'] as const;
export const startupStatuses = ['resident', 'exited'] as const;
/** Fields a startup may be admitted without, or with a value the desk proposed, and completed later. */
export const completableFields = ['industry', 'field', 'stage', 'agreementEndsOn'] as const;
export type CompletableField = (typeof completableFields)[number];
export const exitKinds = ['graduated', 'expired', 'voluntary', 'evicted', 'relocated', 'deregistered'] as const;

export const startupSchema = z
  .object({
    ...recordBase,
    name: requiredName(100),
    entityType: z.enum(entityTypes, 'v.required'),
    creditCode: creditCode.optional(),
    registeredOn: isoDate.optional(),
    /** Industry, field and stage may wait to be completed (待补充): a county roster rarely has them. */
    industry: z.enum(industries, 'v.required').optional(),
    field: z.enum(fields, 'v.required').optional(),
    stage: z.enum(stages, 'v.required').optional(),
    admittedOn: isoDate,
    agreementEndsOn: isoDate,
    room: text(40).optional(),
    area: z.number({ message: 'v.number' }).min(0, 'v.notNegative'),
    feeWaived: z.boolean(),
    feeWaiverBasis: text(200).optional(),
    keyProject: z.boolean(),
    keyProjectCadre: text(40).optional(),
    contactName: nameText(40).optional(),
    contactPhone: phone.optional(),
    status: z.enum(startupStatuses),
    exitKind: z.enum(exitKinds).optional(),
    exitedOn: isoDate.optional(),
    /** Admitted by mistake: kept, hidden from the resident list, shown under the voided filter. */
    voidedReason: text(200).optional(),
    voidedAt: isoDateTime.optional(),
    /** Roster-owned, read-only at the desk. */
    rosterId: z.string().optional(),
    verification: z.enum(['verified', 'mismatch']).optional(),
    verificationNote: z.string().optional(),
    keyProjectDesignated: z.boolean().optional(),
    /** Values the desk filled in itself (read off the name, derived from the incubation term) that no person has confirmed yet. */
    proposed: z.array(z.enum(completableFields)).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.entityType !== 'team' && !s.creditCode) {
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'v.creditCode.required' });
    }
    if (s.agreementEndsOn < s.admittedOn) {
      ctx.addIssue({ code: 'custom', path: ['agreementEndsOn'], message: 'v.agreementBeforeAdmission' });
    }
    if (s.registeredOn && s.registeredOn > s.admittedOn && s.entityType === 'team') {
      ctx.addIssue({ code: 'custom', path: ['registeredOn'], message: 'v.teamNotRegistered' });
    }
  });
export type Startup = z.infer<typeof startupSchema>;

/** What is still to complete on a startup (待补充): fields left empty, then values the desk proposed. */
export function completionGaps(s: Pick<Startup, 'industry' | 'field' | 'stage' | 'proposed'>): CompletableField[] {
  const gaps: CompletableField[] = [];
  if (s.industry === undefined) gaps.push('industry');
  if (s.field === undefined) gaps.push('field');
  if (s.stage === undefined) gaps.push('stage');
  for (const f of s.proposed ?? []) if (!gaps.includes(f)) gaps.push(f);
  return gaps;
}
