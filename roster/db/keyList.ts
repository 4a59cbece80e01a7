import { type RawBuilder, sql } from 'kysely';
import type { Store } from './schema';

/**
 * Keys to look up, as a subquery for `(columns…) in (…)`: each row the `leading` values followed by one
 * of `texts`, the texts bound as one parameter however many (an array on PostgreSQL, JSON on SQLite), so
 * a statement's text is the same for every batch. Given as the only condition on the table, it is
 * planned from the list and the table's real size: each key looked up in the table's index once the
 * table is large (PostgreSQL hashes a small one whole). With the key's other columns as conditions of
 * their own, a table without statistics (new, or grown since its
 * last ANALYZE) was estimated at one row for them, and PostgreSQL read the carrier's every record and
 * filtered them against the list.
 */
export function keyList(store: Store, leading: readonly string[], texts: readonly string[]): RawBuilder<unknown> {
  if (store.dialect === 'pg') {
    return sql`(select ${sql.join([...leading.map((value) => sql`${value}::text`), sql`unnest(${texts}::text[])`])})`;
  }
  return sql`(select ${sql.join([...leading.map((value) => sql`${value}`), sql`value`])} from json_each(${JSON.stringify(texts)}))`;
}
