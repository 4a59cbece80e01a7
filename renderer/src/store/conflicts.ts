import type { Entity } from '@core/records';
import type { Conflict } from '@core/sync/protocol';
import type { DeskDb } from './db';
import { correctEvaluation } from './evaluations';
import { operatorName } from './operator';
import { tableOf } from './schema';
import { saveRecord } from './write';

/** Schema v9's table, typed here so the shared DeskDb type needs no edit for it. */
export const conflictTable = (db: DeskDb) => db.table<Conflict, string>('conflicts');

export const listConflicts = (db: DeskDb) => conflictTable(db).toArray();
/** Every open conflict with the record it is on (null when the desk no longer holds that record). */
export async function conflictsWithRecords(db: DeskDb): Promise<(Conflict & { record: unknown })[]> {
  const conflicts = await listConflicts(db);
  const records = await Promise.all(conflicts.map((c) => db.table(tableOf[c.entity as Entity]).get(c.recordId)));
  return conflicts.map((c, i) => ({ ...c, record: records[i] ?? null }));
}

export const conflictsOf = (db: DeskDb, entity: Entity, recordId: string) => conflictTable(db).where('[entity+recordId]').equals([entity, recordId]).toArray();

/**
 * Records' open conflicts as the roster last sent them, in place of those held (inside a write's
 * transaction). Open conflicts are few: read whole once, not queried per record (a batch of 200
 * answers spent 30 s in per-record queries).
 */
export async function replaceConflicts(db: DeskDb, records: readonly { entity: string; recordId: string; conflicts: readonly Conflict[] }[]): Promise<void> {
  if (records.length === 0) return;
  const table = conflictTable(db);
  // A record answered twice in one batch: the later answer holds its conflicts.
  const latest = new Map(records.map((r) => [`${r.entity}|${r.recordId}`, r]));
  const gone = (await table.toArray()).filter((c) => latest.has(`${c.entity}|${c.recordId}`)).map((c) => c.id);
  await table.bulkDelete(gone);
  await table.bulkPut([...latest.values()].flatMap((r) => r.conflicts.map((c) => ({ ...c, entity: r.entity as Conflict['entity'], recordId: r.recordId }))));
}

/**
 * The manager settles a conflict: the record takes the chosen value (the lost one, or the one it holds,
 * to dismiss) in an edit whose `resolves` names the conflict. The roster removes it for every desk; this
 * desk hides it at once (it comes back if the roster refuses the edit).
 */
export async function settleConflict(db: DeskDb, conflict: Conflict, choice: 'lost' | 'kept'): Promise<void> {
  const entity = conflict.entity as Entity;
  const table = db.table(tableOf[entity]);
  const record = (await table.get(conflict.recordId)) as Record<string, unknown> | undefined;
  if (!record) throw new Error(`No ${conflict.entity} ${conflict.recordId}`);
  const value = choice === 'lost' ? conflict.lost : record[conflict.field];
  const next: Record<string, unknown> = { ...record, [conflict.field]: value };
  if (value === undefined) delete next[conflict.field];
  await saveRecord(db, entity, next, operatorName(), [conflict.id]);
  await conflictTable(db).delete(conflict.id);
}

/**
 * A finalized evaluation is never changed by a merge: another desk's concurrent correction is kept as a
 * conflict, and the manager may make a new revision from it (superseding the finalized one, as
 * corrections always do, and settling the conflict).
 */
export async function reviseFromConflict(db: DeskDb, conflict: Conflict) {
  const revision = await correctEvaluation(db, conflict.recordId, conflict);
  await conflictTable(db).delete(conflict.id);
  return revision;
}
