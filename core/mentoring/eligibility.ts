import type { Startup } from '../records';

export type Refusal = { reason: 'voided'; startup: Startup } | { reason: 'exited'; startup: Startup };

/**
 * Why a session for this startup cannot be recorded: a voided admission never had sessions, and an
 * exited startup has none after its exit (a session held before it left stays editable history).
 */
export function refusalFor(startup: Startup, startsAt: string): Refusal | undefined {
  if (startup.voidedAt) return { reason: 'voided', startup };
  if (startup.status === 'exited' && (!startup.exitedOn || startsAt.slice(0, 10) >= startup.exitedOn)) return { reason: 'exited', startup };
  return undefined;
}
