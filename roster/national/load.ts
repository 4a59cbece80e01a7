import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { sql } from 'kysely';
import { openStore } from '../db/open';
import { nationalIndexes } from '../migrations/003_national_keys';
import { countResidents } from '../migrations/004_resident_counts';
import { countFigures } from '../migrations/022_carrier_figures';
import { countFindings } from '../migrations/023_cross_carrier_findings';
import { hashToken } from '../store/tokens';
import { carrierCodeOf, type NationalSize, nationalRoster, startupIdOf } from './dataset';

/**
 * Loads a generated national roster into an empty PostgreSQL schema (the URL's search_path) as the
 * service would hold it after every desk's first sync: carriers, their records, roster ids and the
 * rosterId changes. Rows go in through COPY … FROM STDIN, streamed to psql (Debian's
 * postgresql-client), one stream per table at once. The schema is migrated first; migration 003's
 * indexes are dropped for the load and built again after it.
 */
export interface LoadResult {
  seconds: number;
  rows: Record<'records' | 'roster_ids' | 'roster_changes', number>;
}

export async function loadNational(url: string, size: NationalSize): Promise<LoadResult> {
  const started = performance.now();
  const store = await openStore({ kind: 'pg', url });
  try {
    const created_at = new Date().toISOString();
    const codes = Array.from({ length: size.carriers }, (_, c) => carrierCodeOf(c));
    for (let i = 0; i < codes.length; i += 1000) {
      await store.db
        .insertInto('carriers')
        .values(codes.slice(i, i + 1000).map((code) => ({ code, name: code, status: 'listed' as const, token_hash: hashToken(`national-${code}`), created_at, roster_ids_issued: size.startupsPerCarrier })))
        .execute();
    }
    // Built once from sorted entries at the end rather than entry by entry in random key order.
    for (const name of Object.keys(nationalIndexes)) await sql.raw(`drop index ${name}`).execute(store.db);
    const records = copyInto(url, 'records (carrier_code, entity, record_id, data, deleted, version, updated_at)');
    const rosterIds = copyInto(url, 'roster_ids (carrier_code, startup_id, number)');
    const changes = copyInto(url, 'roster_changes (carrier_code, kind, payload, created_at)');
    const rows = { records: 0, roster_ids: 0, roster_changes: 0 };

    for (const code of codes) {
      await changes.write(row([code, 'carrierStatus', JSON.stringify({ rosterCode: code, status: 'listed' }), created_at]));
      rows.roster_changes++;
    }
    // Roster ids and their changes in the order a country's desks would have synced: carriers interleaved.
    const changesDone = (async () => {
      for (let i = 0; i < size.startupsPerCarrier; i++) {
        for (const code of codes) {
          const startupId = startupIdOf(i);
          await rosterIds.write(row([code, startupId, String(i + 1)]));
          await changes.write(row([code, 'rosterId', JSON.stringify({ startupId, rosterId: `RS${String(i + 1).padStart(8, '0')}` }), created_at]));
          rows.roster_ids++;
          rows.roster_changes++;
        }
      }
    })();
    changesDone.catch(() => undefined); // awaited below; a failed COPY is reported there
    const at = '2026-12-01T08:00:00.000Z';
    for (const { code, carrier, startups, founders } of nationalRoster(size)) {
      // In primary-key order (entity, then record id), as the index likes it.
      const lines = [
        row([code, 'carrier', carrier.id, JSON.stringify(carrier), '0', '1', at]),
        ...founders.map((f) => row([code, 'founder', f.id, JSON.stringify(f), '0', '1', at])),
        ...startups.map((s) => row([code, 'startup', s.id, JSON.stringify(s), '0', '1', at])),
      ];
      await records.write(lines.join(''));
      rows.records += lines.length;
    }
    await changesDone;
    await Promise.all([records.end(), rosterIds.end(), changes.end()]);
    for (const index of Object.values(nationalIndexes)) await sql.raw(index).execute(store.db);
    await countResidents(store.db);
    await countFigures(store.db, 'pg');
    await countFindings(store.db);
    // Placed by the authority where each desk says it is, as the console would have registered them.
    await sql`insert into carrier_profiles (carrier_code, region_code, line, level)
      select carrier_code, region_code, data::jsonb ->> 'line', data::jsonb ->> 'level' from records where entity = 'carrier'`.execute(store.db);
    // Statistics for the planner, and the visibility map that lets counts and findings read indexes alone.
    await sql`vacuum (analyze) carriers, client_cursors, records, roster_ids, roster_changes, carrier_profiles, carrier_figures, resident_counts, credit_code_carriers, id_number_carriers`.execute(store.db);
    return { seconds: (performance.now() - started) / 1000, rows };
  } finally {
    await store.close();
  }
}

/** One line of COPY's text format. */
function row(fields: (string | null)[]): string {
  return fields.map((f) => (f === null ? '\\N' : f.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t'))).join('\t') + '\n';
}

interface CopyStream {
  write(text: string): Promise<void>;
  end(): Promise<void>;
}

function copyInto(url: string, target: string): CopyStream {
  // libpq reads a '+' in a URL as itself, not as a space: the search_path goes by PGOPTIONS instead.
  const connection = new URL(url);
  // Every row is consistent by construction (carriers are inserted first): the foreign-key checks,
  // queued per row and run at the end of COPY, are skipped, and so are the triggers of the resident
  // counts, the figures and the findings (each counted once after the load). Needs a superuser, as a bulk load does.
  const options = `${connection.searchParams.get('options') ?? ''} -c session_replication_role=replica`;
  connection.searchParams.delete('options');
  const psql = spawn('psql', ['--no-psqlrc', '--quiet', '-v', 'ON_ERROR_STOP=1', '-d', connection.toString(), '-c', `copy ${target} from stdin`], {
    stdio: ['pipe', 'inherit', 'pipe'],
    env: { ...process.env, PGOPTIONS: options },
  });
  let stderr = '';
  psql.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(psql, 'close').then(([code]) => {
    if (code !== 0) throw new Error(`COPY ${target} failed (psql exit ${String(code)}): ${stderr.trim()}`);
  });
  // A COPY that fails ends psql early; the error surfaces at end() rather than as an unhandled rejection.
  exited.catch(() => undefined);
  psql.stdin.on('error', () => undefined);
  let buffered = '';
  const flush = async () => {
    if (!psql.stdin.write(buffered)) await Promise.race([once(psql.stdin, 'drain'), exited]);
    buffered = '';
  };
  return {
    async write(text) {
      buffered += text;
      if (buffered.length > 1 << 20) await flush();
    },
    async end() {
      await flush();
      psql.stdin.end();
      await exited;
    },
  };
}
