import type { z } from 'zod';

/** A refusal with an HTTP status, a short machine code and a reason a person can act on. */
export class RosterError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** Zod issues as `path: message` (messages are core's i18n keys), joined for one reason string. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Parses input or refuses it with 400 and the issues as the reason. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new RosterError(400, 'bad_request', describeIssues(parsed.error));
  return parsed.data;
}
