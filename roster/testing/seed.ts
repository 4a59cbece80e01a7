import type { Entity } from '@core/records';
import { generateIncubator } from '@core/demo/generate';
import type { Store } from '../db/schema';
import { inBatches } from '../fixtures';

export interface SeedRecord {
  entity: Entity;
  recordId: string;
  record: { id: string };
}

/** A carrier's whole desk as the demo generator makes it (startups with founders, mentors, sessions, reports, exits). */
export function incubatorRecords(startups: number): SeedRecord[] {
  const inc = generateIncubator({ startups, sessionsPerStartup: 1, quarters: 2, today: '2026-11-28', idPrefix: 'snap-' });
  const of = (entity: Entity, list: { id: string }[]) => list.map((record) => ({ entity, recordId: record.id, record }));
  return [
    ...of('carrier', [inc.carrier]),
    ...of('startup', inc.startups),
    ...of('founder', inc.founders),
    ...of('mentor', inc.mentors),
    ...of('session', inc.sessions),
    ...of('report', inc.reports),
    ...of('exit', inc.exits),
  ];
}

/**
 * Writes records straight into the roster's tables as a push would leave them (version 1, a roster id
 * per startup): a large carrier in seconds, for reading it back. The push path has tests of its own.
 */
export async function seedCarrier(store: Store, carrierCode: string, records: SeedRecord[]): Promise<void> {
  const updated_at = new Date().toISOString();
  for (const batch of inBatches(records, 500)) {
    await store.db
      .insertInto('records')
      .values(batch.map((r) => ({ carrier_code: carrierCode, entity: r.entity, record_id: r.recordId, data: JSON.stringify(r.record), deleted: 0, version: 1, updated_at })))
      .execute();
  }
  const startups = records.filter((r) => r.entity === 'startup');
  for (const [b, batch] of inBatches(startups, 500).entries()) {
    await store.db
      .insertInto('roster_ids')
      .values(batch.map((r, i) => ({ carrier_code: carrierCode, startup_id: r.recordId, number: b * 500 + i + 1 })))
      .execute();
  }
}
