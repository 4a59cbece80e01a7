import { db } from '../../store/db';
import { findStartups } from '../../store/startups';

/** m² used by residents admitted free (read from the list index, not the records). */
export async function freeAreaUsed(exceptId?: string): Promise<number> {
  const rows = await findStartups(db, { state: 'resident', free: true, sort: 'name', today: '' });
  return rows.reduce((sum, r) => sum + (r.id === exceptId ? 0 : r.area), 0);
}
