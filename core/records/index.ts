import type { z } from 'zod';
import { startupSchema } from './startup';
import { founderSchema } from './founder';
import { reportSchema } from './report';
import { mentorSchema } from './mentor';
import { sessionSchema } from './session';
import { templateSchema } from './template';
import { evaluationSchema } from './evaluation';
import { exitSchema } from './exit';
import { carrierSchema } from './carrier';
import { claimSchema } from './claim';

/** Every record kind the desk keeps, by its one name (used for tables, outbox, audit and protocol). */
export const recordSchemas = {
  carrier: carrierSchema,
  startup: startupSchema,
  founder: founderSchema,
  report: reportSchema,
  mentor: mentorSchema,
  session: sessionSchema,
  template: templateSchema,
  evaluation: evaluationSchema,
  exit: exitSchema,
  claim: claimSchema,
} as const;

export type Entity = keyof typeof recordSchemas;
export const entities = Object.keys(recordSchemas) as Entity[];
export type RecordOf<E extends Entity> = z.infer<(typeof recordSchemas)[E]>;

export * from './common';
export * from './carrier';
export * from './startup';
export * from './industries';
export * from './founder';
export * from './report';
export * from './mentor';
export * from './session';
export * from './template';
export * from './evaluation';
export * from './exit';
export * from './claim';
