import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { serviceConfig } from './config';

const pg = ['--pg', 'postgres://roster@localhost/roster'];

describe('the service\'s --workers', () => {
  it('is 1 unless asked, takes ROSTER_WORKERS, a count or auto (one per core)', () => {
    expect(serviceConfig(pg, {}).workers).toBe(1);
    expect(serviceConfig(pg, { ROSTER_WORKERS: '3' }).workers).toBe(3);
    expect(serviceConfig([...pg, '--workers', 'auto'], {}).workers).toBe(availableParallelism());
  });

  it('refuses what is not a count, and more than one on SQLite', () => {
    expect(() => serviceConfig([...pg, '--workers', '0'], {})).toThrow('--workers: not a number of processes');
    expect(() => serviceConfig([...pg, '--workers', 'two'], {})).toThrow('--workers: not a number of processes');
    expect(() => serviceConfig(['--db', ':memory:', '--workers', '2'], {})).toThrow('needs PostgreSQL');
    expect(serviceConfig(['--db', ':memory:', '--workers', '1'], {}).workers).toBe(1);
  });
});
