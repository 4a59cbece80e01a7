import { z } from 'zod';
import { creditCode, templateSchema } from '@core/records';
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

/** What the authority asks of the whole country. */
export const findingsQuery = storable(
  z.object({
    kind: z.enum(['creditCode', 'founder'], 'kind: creditCode or founder'),
    after: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  }),
);
export const regionInput = z.object({ region: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, 'region: 2, 4 or 6 digits of a GB/T 2260 code') });
export const creditCodeQuery = z.object({ creditCode });

export type CarrierInput = z.infer<typeof carrierInput>;
export type CarrierStatusInput = z.infer<typeof carrierStatusInput>;
export type VerificationInput = z.infer<typeof verificationInput>;
export type KeyProjectInput = z.infer<typeof keyProjectInput>;
export type TemplateInput = z.infer<typeof templateInput>;
