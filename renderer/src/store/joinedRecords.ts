import { entities, type Founder } from '@core/records';
import { replaceConflicts } from './conflicts';
import type { DeskDb } from './db';
import type { IncomingRecord } from './relay';
import { sendInTasks } from './requestsInTasks';
import { tableOf } from './schema';
import { checkUnsealedWrite, type StoredFounder } from './sealing';
import { parseRecord } from './write';

/**
 * A joining desk's snapshot page. Such a desk holds nothing of its own (only an empty desk may join, and
 * its shell stays closed until the last page is in), so the rows are stored as a restore stores a
 * backup's: each validated, with the roster's version and open conflicts, but no audit entry per record
 * (joining edits nothing; a record's history is the roster's) and no list rows or totals, which the caller
 * derives once after the last page. Through the write path a 10,000-startup carrier took 139 s to join.
 * Inside a transaction over `relayTables`.
 */
export async function storeJoinedRecords(db: DeskDb, incoming: readonly IncomingRecord[], sealFounder?: (record: Founder) => StoredFounder): Promise<void> {
  const at = new Date().toISOString();
  for (const entity of entities) {
    const mine = incoming.filter((r) => r.entity === entity && r.record !== null && r.record !== undefined);
    if (mine.length === 0) continue;
    // A desk locked but not unlocked never stores an ID number in the clear.
    if (entity === 'founder' && !sealFounder) await checkUnsealedWrite(db, false);
    const rows = mine.map((r) => {
      const record = parseRecord(entity, r.record);
      return entity === 'founder' && sealFounder ? sealFounder(record as Founder) : record;
    });
    await sendInTasks(db.table(tableOf[entity]), 'bulkPut', rows);
  }
  // Tombstones too: an older version of a removed record, pulled later, is then skipped.
  await sendInTasks(db.table('rosterVersions'), 'bulkPut', incoming.map((r) => ({ entity: r.entity, recordId: r.recordId, version: r.version, syncedAt: at })));
  await replaceConflicts(db, incoming.filter((r) => r.conflicts.length > 0));
}
