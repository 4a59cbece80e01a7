import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { StoreLocation } from './db/open';

const defaultSqlitePath = 'roster/data/roster.sqlite';

/** Flags shared by the service and the CLI; each also has an environment variable. */
export const storeFlags = {
  db: { type: 'string' },
  pg: { type: 'string' },
} as const;

/** `--pg`/ROSTER_PG_URL selects PostgreSQL; otherwise SQLite at `--db`/ROSTER_DB (":memory:" allowed). */
export function storeLocation(flags: { db?: string; pg?: string }, env: NodeJS.ProcessEnv): StoreLocation {
  const url = flags.pg ?? env.ROSTER_PG_URL;
  if (url) return { kind: 'pg', url };
  const path = flags.db ?? env.ROSTER_DB ?? defaultSqlitePath;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return { kind: 'sqlite', path };
}

/** Names the worker that answered (with --workers), so tests and operators can see the requests spread. */
export const workerHeader = 'x-roster-worker';

export interface ServiceConfig {
  location: StoreLocation;
  host: string;
  port: number;
  adminToken?: string;
  applyDelayMs?: number;
  /** Processes serving the port (node:cluster); 1 serves it from this process itself. */
  workers: number;
}

export function serviceConfig(argv: string[], env: NodeJS.ProcessEnv): ServiceConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...storeFlags,
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: env.ROSTER_PORT ?? '8787' },
      'admin-token': { type: 'string' },
      workers: { type: 'string', default: env.ROSTER_WORKERS ?? '1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const location = storeLocation(values, env);
  return {
    location,
    host: values.host,
    port,
    adminToken: values['admin-token'] ?? env.ROSTER_ADMIN_TOKEN,
    applyDelayMs: env.ROSTER_TEST_APPLY_DELAY_MS ? Number(env.ROSTER_TEST_APPLY_DELAY_MS) : undefined,
    workers: workerCount(values.workers, location),
  };
}

/**
 * `auto` is one per core. One is the default: SQLite has one writer (more processes would only take turns
 * at its lock), and PostgreSQL often shares the machine, so the operator chooses how many cores to give.
 */
function workerCount(value: string, location: StoreLocation): number {
  const count = value === 'auto' ? availableParallelism() : Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--workers: not a number of processes (1, 2, … or auto): ${value}`);
  if (count > 1 && location.kind !== 'pg') throw new Error('--workers: more than one process needs PostgreSQL (--pg); SQLite has a single writer');
  return count;
}
