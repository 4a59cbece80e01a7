import { z } from 'zod';
import { checkCreditCode } from '../validators/creditCode';
import { checkIdNumber } from '../validators/idNumber';
import { normalizeCode, normalizeName, toHalfWidth } from '../text';

/**
 * Validation messages are i18n keys (namespace `v`), so the desk, the import preview and the roster
 * service all name a problem the same way and each shows it in its user's language.
 */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'v.date')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'v.date');

/** Any offset is accepted and kept as UTC, so index ranges over times compare like with like. */
export const isoDateTime = z.iso.datetime({ offset: true, message: 'v.dateTime' }).transform((s) => new Date(s).toISOString());

/** Prose keeps its Chinese punctuation (，（）：); only the ideographic space is folded, and the ends trimmed. */
const tidy = (s: string) => s.replace(/\u3000/g, ' ').trim();
export const text = (max = 200) => z.string().transform(tidy).pipe(z.string().max(max, 'v.tooLong'));
export const requiredText = (max = 200) => z.string().transform(tidy).pipe(z.string().min(1, 'v.required').max(max, 'v.tooLong'));
/** A name of a startup or a person, kept in one spelling (see `normalizeName`). */
export const nameText = (max: number) => z.string().transform(normalizeName).pipe(z.string().max(max, 'v.tooLong'));
export const requiredName = (max: number) => z.string().transform(normalizeName).pipe(z.string().min(1, 'v.required').max(max, 'v.tooLong'));

export const phone = z
  .string()
  .transform((s) => toHalfWidth(s).replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(1\d{10}|0\d{9,11}|)$/, 'v.phone'));

export const creditCode = z
  .string()
  .transform(normalizeCode)
  .superRefine((code, ctx) => {
    const problem = checkCreditCode(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `v.creditCode.${problem}` });
  });

export const idNumber = z
  .string()
  .transform(normalizeCode)
  .superRefine((code, ctx) => {
    const problem = checkIdNumber(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `v.idNumber.${problem}` });
  });

export const money = z.number({ message: 'v.number' }).finite('v.number').min(0, 'v.notNegative');
export const signedMoney = z.number({ message: 'v.number' }).finite('v.number');
export const count = z.number({ message: 'v.number' }).int('v.integer').min(0, 'v.notNegative');

/** Fields every record carries: a stable id and its last change. */
export const recordBase = {
  id: z.string().min(1).max(100),
  updatedAt: isoDateTime,
};

/** Demo records carry this id prefix: they never enter the outbox and are removed without trace. */
export const DEMO_PREFIX = 'demo-';
export const isDemoId = (id: string): boolean => id.startsWith(DEMO_PREFIX);
