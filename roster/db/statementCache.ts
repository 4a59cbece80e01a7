import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The database as Kysely's SQLite dialect sees it, with each statement prepared once: the dialect calls
 * `prepare` for every query, and parsing a batch's multi-row INSERT anew each time was about a twentieth
 * of the push path. The statements a push runs are the same few shapes batch after batch; the cache keeps
 * the `size` last used (each holds its compiled program), so shapes that never come back fall out.
 * Safe with one connection and no streamed queries: a statement is never used twice at once.
 */
export function withStatementCache(database: Database.Database, size = 64): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
