import { afterEach } from 'vitest';
import { openDb, type DeskDb } from './db';

/** A test file's desks, opened at a schema version (the latest by default) and deleted after each test. */
export function desksForTest() {
  const opened: DeskDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return async (name: string, upTo?: number) => {
    const db = openDb(name, upTo);
    await db.open();
    opened.push(db);
    return db;
  };
}
