import { z } from 'zod';
import { creditCode, isoDate, isoDateTime, phone, recordBase, requiredText, text } from './common';

export const entityTypes = ['enterprise', 'soleProprietor', 'cooperative', 'ruralCollective', 'team'] as const;
/** GB/T 4754-2017 sections. */
export const industries = 'ABCDEFGHIJKLMNOPQRST'.split('') as [string, ...string[]];
export const fields = ['digital', 'ai', 'green', 'silver', 'agriculture', 'other'] as const;
export const stages = ['early', 'growth', 'mature'] as const;
export const startupStatuses = ['resident', 'exited'] as const;
export const exitKinds = ['graduated', 'expired', 'voluntary', 'evicted', 'relocated', 'deregistered'] as const;

export const startupSchema = z
  .object({
    ...recordBase,
    name: requiredText(100),
    entityType: z.enum(entityTypes, 'v.required'),
    creditCode: creditCode.optional(),
    registeredOn: isoDate.optional(),
    industry: z.enum(industries, 'v.required'),
    field: z.enum(fields, 'v.required'),
    stage: z.enum(stages, 'v.required'),
    admittedOn: isoDate,
    agreementEndsOn: isoDate,
    room: text(40).optional(),
    area: z.number({ message: 'v.number' }).min(0, 'v.notNegative'),
    feeWaived: z.boolean(),
    feeWaiverBasis: text(200).optional(),
    keyProject: z.boolean(),
    keyProjectCadre: text(40).optional(),
    contactName: text(40).optional(),
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
