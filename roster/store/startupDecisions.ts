import type { Store } from '../db/schema';

export const formatRosterId = (n: number): string => `RS${String(n).padStart(8, '0')}`;

/** The fields of a startup only the roster writes, as its decisions left them. */
export interface StartupDecisions {
  rosterId?: string;
  verification?: 'verified' | 'mismatch';
  verificationNote?: string;
  keyProjectDesignated?: boolean;
}

/**
 * The roster's own fields of a carrier's startups (those named, or all): the roster id it numbered,
 * the latest verification with its note, the latest key-project designation. Startups without any are absent.
 */
export async function startupDecisions(store: Store, carrierCode: string, startupIds?: string[]): Promise<Map<string, StartupDecisions>> {
  const decided = new Map<string, StartupDecisions>();
  if (startupIds?.length === 0) return decided;
  const of = (id: string) => decided.get(id) ?? decided.set(id, {}).get(id)!;
  const [numbers, changes] = await Promise.all([
    store.db
      .selectFrom('roster_ids')
      .select(['startup_id', 'number'])
      .where('carrier_code', '=', carrierCode)
      .$if(startupIds !== undefined, (q) => q.where('startup_id', 'in', startupIds!))
      .execute(),
    store.db
      .selectFrom('roster_changes')
      .select(['kind', 'payload'])
      .where('carrier_code', '=', carrierCode)
      .where('kind', 'in', ['verification', 'keyProject'])
      .orderBy('seq')
      .execute(),
  ]);
  for (const n of numbers) of(n.startup_id).rosterId = formatRosterId(n.number);
  const wanted = startupIds && new Set(startupIds);
  for (const d of changes) {
    const change = JSON.parse(d.payload) as { startupId: string; result?: 'verified' | 'mismatch'; note?: string; designated?: boolean };
    if (wanted && !wanted.has(change.startupId)) continue;
    const fields = of(change.startupId);
    if (d.kind === 'keyProject') fields.keyProjectDesignated = change.designated === true;
    else if (change.result) {
      fields.verification = change.result;
      if (change.note === undefined) delete fields.verificationNote;
      else fields.verificationNote = change.note;
    }
  }
  return decided;
}
