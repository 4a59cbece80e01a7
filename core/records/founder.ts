import { z } from 'zod';
import { idNumber, isoDate, phone, recordBase, requiredName, text } from './common';

export const keyGroups = [
  'graduate',
  'migrantWorker',
  'veteran',
  'hardToEmploy',
  'povertyAlleviated',
  'unemployed',
  'ruralEntrepreneur',
  'other',
] as const;
export type KeyGroup = (typeof keyGroups)[number];
/** "其他" is recorded but is not one of the policy's key groups. */
export const policyKeyGroups: readonly KeyGroup[] = keyGroups.filter((g) => g !== 'other');

export const educations = ['doctorate', 'master', 'bachelor', 'college', 'highSchool', 'belowHighSchool'] as const;

export const founderSchema = z.object({
  ...recordBase,
  startupId: z.string().min(1),
  name: requiredName(40),
  idNumber,
  phone: phone.optional(),
  education: z.enum(educations).optional(),
  school: text(100).optional(),
  graduatedOn: isoDate.optional(),
  keyGroups: z.array(z.enum(keyGroups, 'v.keyGroup')),
  firstTime: z.boolean(),
  trainingCertified: z.boolean(),
});
export type Founder = z.infer<typeof founderSchema>;
