import { z } from 'zod';
import { phone, recordBase, requiredName, text } from './common';

export const mentorKinds = ['entrepreneur', 'investor', 'scholar', 'coach'] as const;
/** 创业指导师 skill levels (五级 … 一级 as in the national occupational standard). */
export const coachLevels = [5, 4, 3, 2, 1] as const;

export const mentorSchema = z.object({
  ...recordBase,
  name: requiredName(40),
  kind: z.enum(mentorKinds, 'v.required'),
  coachLevel: z.number().int().min(1).max(5).optional(),
  organisation: text(100).optional(),
  expertise: z.array(text(40)),
  phone: phone.optional(),
  active: z.boolean(),
});
export type Mentor = z.infer<typeof mentorSchema>;
