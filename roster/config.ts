import { mkdirSync } from 'node:fs';
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

export interface ServiceConfig {
  location: StoreLocation;
  host: string;
  port: number;
  adminToken?: string;
  applyDelayMs?: number;
}

export function serviceConfig(argv: string[], env: NodeJS.ProcessEnv): ServiceConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...storeFlags,
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: env.ROSTER_PORT ?? '8787' },
      'admin-token': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  return {
    location: storeLocation(values, env),
    host: values.host,
    port,
    adminToken: values['admin-token'] ?? env.ROSTER_ADMIN_TOKEN,
    applyDelayMs: env.ROSTER_TEST_APPLY_DELAY_MS ? Number(env.ROSTER_TEST_APPLY_DELAY_MS) : undefined,
  };
}
