import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SCHEMA_LOCK_KEY } from '../db/migrate';
import type { StoreLocation } from '../db/open';

/** A database nobody else uses, for one test, and how to throw it away. */
export interface FreshDatabase {
  location: StoreLocation;
  /** The same database as service flags, for a child process. */
  flags: string[];
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'pg';
  fresh(): Promise<FreshDatabase>;
}

export const pgUrl = process.env.ROSTER_PG_URL ?? 'postgres://desk:desk@127.0.0.1:5432/roster_test';

const sqlite: Backend = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'roster-test-'));
    const path = join(dir, 'roster.sqlite');
    return { location: { kind: 'sqlite', path }, flags: ['--db', path], dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

/** Each test gets its own schema, selected through the connection's search_path. */
const postgres: Backend = {
  name: 'pg',
  async fresh() {
    const schema = `roster_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create schema ${schema}`);
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      location: { kind: 'pg', url: url.toString() },
      flags: ['--pg', url.toString()],
      // Never while another test's roster migrates (see SCHEMA_LOCK_KEY).
      dispose: () => adminQuery(`select pg_advisory_lock(${SCHEMA_LOCK_KEY}); drop schema ${schema} cascade; select pg_advisory_unlock(${SCHEMA_LOCK_KEY})`),
    };
  },
};

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  try {
    await client.connect();
  } catch (err) {
    // The PostgreSQL half of the suite is required, not optional: say how to provide it.
    throw new Error(
      `PostgreSQL is not reachable at ${pgUrl} (${String(err)}). The roster suite also runs on PostgreSQL. Start it with:\n` +
        `  pg_ctlcluster 15 main start\n` +
        `  su postgres -c "psql -c \\"CREATE ROLE desk LOGIN PASSWORD 'desk' SUPERUSER\\""\n` +
        `  su postgres -c "createdb -O desk roster_test"\n` +
        `or set ROSTER_PG_URL to a database where the role may create schemas.`,
      { cause: err },
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const backends: Backend[] = [sqlite, postgres];
