import { z } from 'zod';
import { templateSchema } from '@core/records';
import { storable } from '../storableText';

/** What an authority submits; the HTTP admin API and the CLI parse with the same schemas. */
export const carrierCode = z.string().regex(/^[A-Za-z0-9-]{2,40}$/, 'carrier code: 2-40 letters, digits or -');
export const carrierInput = storable(z.object({ code: carrierCode, name: z.string().min(1).max(100) }));
export const carrierStatusInput = z.object({ status: z.enum(['listed', 'rectify', 'removed']) });
export const verificationInput = storable(
  z.discriminatedUnion('result', [
    z.object({ result: z.literal('verified'), note: z.string().max(200).optional() }),
    z.object({ result: z.literal('mismatch'), note: z.string().min(1, 'a mismatch needs a reason').max(200) }),
  ]),
);
export const keyProjectInput = z.object({ designated: z.boolean() });
export const templateInput = storable(templateSchema);

export type CarrierInput = z.infer<typeof carrierInput>;
export type CarrierStatusInput = z.infer<typeof carrierStatusInput>;
export type VerificationInput = z.infer<typeof verificationInput>;
export type KeyProjectInput = z.infer<typeof keyProjectInput>;
export type TemplateInput = z.infer<typeof templateInput>;
