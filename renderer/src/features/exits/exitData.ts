import { useLiveQuery } from 'dexie-react-hooks';
import type { Carrier } from '@core/records';
import { exitCandidates } from '@core/exits/candidates';
import { db } from '../../store/db';

const today = () => new Date().toISOString().slice(0, 10);

/** Candidates for the residents, from their reports and finalized evaluations, live. */
export function useCandidates(carrier: Carrier) {
  return useLiveQuery(async () => {
    const startups = await db.startups.where('status').equals('resident').toArray();
    const ids = startups.map((s) => s.id);
    const [reports, evaluations] = await Promise.all([db.reports.where('startupId').anyOf(ids).toArray(), db.evaluations.where('startupId').anyOf(ids).toArray()]);
    const names = new Map(startups.map((s) => [s.id, s.name]));
    const candidates = exitCandidates({ startups, reports, evaluations, rules: carrier.rules, line: carrier.line, today: today() });
    return { candidates, names, reports, evaluations };
  }, [carrier]);
}

/** A known exit-store refusal (an i18n key under exits.error), or the error as it is. */
export function exitErrorText(error: unknown, t: (key: string) => string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith('exits.') ? t(`exits.error.${message.slice('exits.'.length)}`) : message;
}
