import type { DeskDb } from '../../renderer/src/store/db';
import { tableOf } from '../../renderer/src/store/schema';

/**
 * Everything a desk holds of its carrier, comparable across desks: every record table, the list's
 * derived rows and totals, and the open conflicts, each in key order. Not the desk's own bookkeeping
 * (audit, outbox, meta), which differs by desk.
 */
export async function deskDump(db: DeskDb): Promise<Record<string, unknown[]>> {
  const names = [...Object.values(tableOf), 'startupIndex', 'tallies', 'conflicts'];
  const tables = await Promise.all(names.map((n) => db.table(n).toArray()));
  return Object.fromEntries(names.map((n, i) => [n, n === 'tallies' ? tables[i]!.filter((r: { n: number }) => r.n !== 0) : tables[i]!]));
}
