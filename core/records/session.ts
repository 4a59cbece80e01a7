import { z } from 'zod';
import { isoDate, isoDateTime, recordBase, requiredText, text } from './common';

export const sessionKinds = ['appointment', 'group', 'panel'] as const;
export const sessionModes = ['onsite', 'online', 'phone'] as const;
export const sessionStatuses = ['scheduled', 'held', 'cancelled', 'noShow'] as const;

export const actionItemSchema = z.object({
  id: z.string().min(1),
  text: requiredText(200),
  owner: text(40).optional(),
  due: isoDate.optional(),
  done: z.boolean(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const sessionSchema = z
  .object({
    ...recordBase,
    kind: z.enum(sessionKinds),
    mentorIds: z.array(z.string().min(1)).min(1, 'v.mentorRequired'),
    startupIds: z.array(z.string().min(1)).min(1, 'v.startupRequired'),
    startsAt: isoDateTime,
    durationMinutes: z.number().int().min(1).max(24 * 60),
    mode: z.enum(sessionModes),
    topics: z.array(text(40)),
    summary: text(4000).optional(),
    actionItems: z.array(actionItemSchema),
    rating: z.number().int().min(1).max(5).optional(),
    status: z.enum(sessionStatuses),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'appointment' && (s.startupIds.length !== 1 || s.mentorIds.length !== 1)) {
      ctx.addIssue({ code: 'custom', path: ['startupIds'], message: 'v.appointmentOneToOne' });
    }
    if (s.kind === 'panel' && s.mentorIds.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['mentorIds'], message: 'v.panelNeedsMentors' });
    }
  });
export type Session = z.infer<typeof sessionSchema>;
