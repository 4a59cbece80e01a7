import type { Table } from 'dexie';
import { findDuplicateGroups, type StartupRef } from '@core/identity';
import type { Founder, Startup } from '@core/records';
import { eachChunk } from './rebuildIndex';

/** Where the upgrade to the identity rules left the groups it found, for the manager to merge or keep. */
export const POSSIBLE = 'possibleDuplicates';

/**
 * Run by the schema upgrade (inside its transaction): every startup and founder read a chunk at a
 * time, keeping only what the rules compare, and the groups found stored for the 可能重复 view.
 */
export async function scanDuplicates(t: { startups: Table; founders: Table; meta: Table }): Promise<void> {
  const startups: StartupRef[] = [];
  const founders: Pick<Founder, 'name' | 'idNumber' | 'startupId'>[] = [];
  await eachChunk<Startup>(t.startups, (rows) => void startups.push(...rows.map(({ id, name, entityType, status, creditCode, voidedAt }) => ({ id, name, entityType, status, creditCode, voidedAt }))));
  await eachChunk<Founder>(t.founders, (rows) => void founders.push(...rows.map(({ name, idNumber, startupId }) => ({ name, idNumber, startupId }))));
  const groups = findDuplicateGroups(startups, founders);
  if (groups.length > 0) await t.meta.put({ key: POSSIBLE, value: groups });
}
