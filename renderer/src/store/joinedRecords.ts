import { entities, type Founder, type Startup } from '@core/records';
import { replaceConflicts } from './conflicts';
import { keepJoinedVersions } from './rosterVersions';
import type { DeskDb } from './db';
import { foundersInRange } from './rebuildIndex';
import type { IncomingRecord } from './relay';
import { sendInTasks } from './requestsInTasks';
import { tableOf } from './schema';
import { checkUnsealedWrite, type StoredFounder } from './sealing';
import { indexRowOf } from './startupIndex';
import { movesTallies, recordDelta } from './tallies';
import { parseRecord } from './write';

/**
 * A joining desk's snapshot page. Such a desk holds nothing of its own (only an empty desk may join, and
 * its shell stays closed until the last page is in), so the rows are stored as a restore stores a
 * backup's: each validated, with the roster's version (a row per page: `rosterVersions.ts`) and open conflicts, but no audit entry per record
 * (joining edits nothing; a record's history is the roster's). Through the write path a 10,000-startup
 * carrier took 139 s to join.
 * The list rows of the page's startups (and of held startups whose founders it brings: pages may come in
 * any order) are written as it goes; what the other records add to the kept totals is summed into
 * `totals`, which the caller adds to the join's sum once the page's transaction is in, and the totals
 * are written once after the last page (`rebuildTotals`). Inside a transaction over `relayTables`.
 */
export async function storeJoinedRecords(db: DeskDb, incoming: readonly IncomingRecord[], totals: Map<string, number>, sealFounder?: (record: Founder) => StoredFounder): Promise<void> {
  const listed = new Set<string>();
  for (const entity of entities) {
    const mine = incoming.filter((r) => r.entity === entity && r.record !== null && r.record !== undefined);
    if (mine.length === 0) continue;
    // A desk locked but not unlocked never stores an ID number in the clear.
    if (entity === 'founder' && !sealFounder) await checkUnsealedWrite(db, false);
    const records = mine.map((r) => parseRecord(entity, r.record));
    const rows = entity === 'founder' && sealFounder ? records.map((f) => sealFounder(f as Founder)) : records;
    await sendInTasks(db.table(tableOf[entity]), 'bulkPut', rows);
    if (movesTallies(entity)) recordDelta(entity, records.map((after) => ({ before: undefined, after })), totals);
    if (entity === 'startup') for (const s of records as Startup[]) listed.add(s.id);
    if (entity === 'founder') for (const f of records as Founder[]) listed.add(f.startupId);
  }
  if (listed.size > 0) {
    const ids = [...listed];
    const [startups, founders] = await Promise.all([db.startups.bulkGet(ids), foundersInRange(db, ids)]);
    const rows = startups.flatMap((s) => (s ? [indexRowOf(s, founders.get(s.id) ?? [])] : []));
    await sendInTasks(db.startupIndex, 'bulkPut', rows);
  }
  await keepJoinedVersions(db, incoming);
  await replaceConflicts(db, incoming.filter((r) => r.conflicts.length > 0));
}
