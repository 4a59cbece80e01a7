import { z } from 'zod';

/**
 * Text both databases store alike. PostgreSQL's text cannot hold NUL (U+0000), and both databases keep
 * UTF-8, into which a lone UTF-16 surrogate turns as U+FFFD, so two ids differing only there would
 * become one row. Such text is refused everywhere the roster stores text, on SQLite too.
 */
export type TextProblem = 'nul' | 'loneSurrogate';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(text: string): TextProblem | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (loneSurrogate.test(text)) return 'loneSurrogate';
  return undefined;
}

export interface BadText {
  /** Where the text is; for a bad key, the object holding it (the key itself is not repeated). */
  path: (string | number)[];
  problem: TextProblem;
}

/** The first string (value or key) in a JSON value that could not be stored alike on both databases. */
export function findBadText(value: unknown, path: (string | number)[] = []): BadText | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem && { path, problem };
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = findBadText(item, [...path, i]);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return { path, problem };
      const bad = findBadText(item, [...path, key]);
      if (bad) return bad;
    }
  }
  return undefined;
}

/** The key the desk translates (renderer/src/features/sync/i18n.ts, `reasons`), for a per-mutation rejection. */
export const textProblemKey = (problem: TextProblem): string => `sync.reasons.${problem}`;

const textProblemMessages: Record<TextProblem, string> = {
  nul: 'contains a NUL character (U+0000), which the roster does not store',
  loneSurrogate: 'is not well-formed UTF-16 (a lone surrogate), which the roster does not store',
};

/** Refuses, with a reason naming where, any input holding text the roster would not store alike. */
export function storable<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const bad = findBadText(value);
    if (bad) ctx.addIssue({ code: 'custom', path: bad.path, message: textProblemMessages[bad.problem] });
  });
}
