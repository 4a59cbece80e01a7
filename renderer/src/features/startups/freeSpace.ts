import { db } from '../../store/db';

/** m² used by residents admitted free (read from the list index, not the records). */
export async function freeAreaUsed(exceptId?: string): Promise<number> {
  const rows = await db.startupIndex.where('[state+free]').equals(['resident', 1]).toArray();
  return rows.reduce((sum, r) => sum + (r.id === exceptId ? 0 : r.area), 0);
}
