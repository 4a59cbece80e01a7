import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statementCache';

describe('SQLite statements prepared once', () => {
  let database: Database.Database;
  afterEach(() => database.close());

  it('hands back the same statement for the same SQL, and it runs with new parameters each time', () => {
    database = new Database(':memory:');
    database.exec('create table t (n integer)');
    const cached = withStatementCache(database);
    const insert = cached.prepare('insert into t (n) values (?)');
    expect(cached.prepare('insert into t (n) values (?)')).toBe(insert);
    for (const n of [1, 2, 3]) cached.prepare('insert into t (n) values (?)').run([n]);
    expect(cached.prepare('select sum(n) as total from t').all([])).toEqual([{ total: 6 }]);
  });

  it('keeps only the last used shapes: the least recently used is prepared again', () => {
    database = new Database(':memory:');
    const cached = withStatementCache(database, 2);
    const one = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(one);
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(one);
    expect(cached.prepare('select 2')).not.toBe(two);
  });
});
