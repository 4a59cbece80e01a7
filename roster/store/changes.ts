import { sql } from 'kysely';
import { type PullResponse, type RosterChange, rosterChangeSchema } from '@core/sync/protocol';
import type { Store } from '../db/schema';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ChangeBody = DistributiveOmit<RosterChange, 'seq'>;

/**
 * Appends roster decisions, in order; call inside the transaction that makes them. On PostgreSQL a
 * sequence hands out numbers before commit, so two writers could commit 6 before 5 and a pull between
 * them would move its cursor past 5 for ever. A carrier's pull reads its own changes and those for
 * every carrier, so only those must commit in seq order: a carrier's writers take that carrier's
 * advisory lock (other carriers go on in parallel), and a change for every carrier takes the table lock,
 * which waits for every writer in flight (their inserts hold ROW EXCLUSIVE) and holds off new ones.
 * Both last until commit, so take them as late in the transaction as the work allows. SQLite already
 * has a single writer. `originClient` marks the relayed record changes with the desk that made them
 * (they are never sent back to it); the roster's own decisions go to every desk.
 */
export async function appendChanges(store: Store, carrierCode: string | null, changes: ChangeBody[], originClient?: string): Promise<number[]> {
  if (changes.length === 0) return [];
  if (store.dialect === 'pg') {
    if (carrierCode === null) await sql`lock table roster_changes in share row exclusive mode`.execute(store.db);
    else await sql`select pg_advisory_xact_lock(hashtextextended(${`roster_changes:${carrierCode}`}, 0))`.execute(store.db);
  }
  const created_at = new Date().toISOString();
  const rows = await store.db
    .insertInto('roster_changes')
    .values(
      changes.map(({ kind, ...rest }) => ({
        carrier_code: carrierCode,
        kind,
        payload: JSON.stringify(rest),
        created_at,
        origin_client: kind === 'record' ? (originClient ?? null) : null,
      })),
    )
    .returning('seq')
    .execute();
  return rows.map((r) => r.seq).sort((a, b) => a - b);
}

export async function appendChange(store: Store, carrierCode: string | null, change: ChangeBody): Promise<number> {
  const [seq] = await appendChanges(store, carrierCode, [change]);
  return seq!;
}

/**
 * Changes for one carrier (its own and those for every carrier) after `since`, oldest first. Each of
 * the two kinds is read from the (carrier_code, seq) index on its own and the two merged in one
 * statement: an OR of both would have the database walk every carrier's changes in seq order at
 * national size, and two statements would see two moments (a change committed between them could be
 * skipped by the cursor).
 *
 * `desk` is the desk asking: the records other desks of the carrier changed come with the decisions,
 * those it made itself are passed over (read without their payload; the cursor still moves past them).
 * With no desk named (the carrier token without a clientId: a desk from before several desks, the
 * carrier's only writer) no record changes are read at all, so its pages stay full.
 */
export async function readChanges(store: Store, carrierCode: string, since: number, limit: number, desk?: string): Promise<PullResponse> {
  const after = (carrier: string | null) =>
    store.db
      .selectFrom('roster_changes')
      .select(['seq', 'kind', 'payload', 'origin_client'])
      .where('carrier_code', carrier === null ? 'is' : '=', carrier)
      .where('seq', '>', since)
      .$if(desk === undefined, (q) => q.where('kind', '<>', 'record'))
      .orderBy('seq')
      .limit(limit + 1);
  const rows = await store.db
    .selectFrom((db) => db.selectFrom(after(carrierCode).as('own')).selectAll().unionAll(db.selectFrom(after(null).as('shared')).selectAll()).as('changes'))
    .select(['seq', 'kind', (eb) => eb.case().when('origin_client', '=', desk ?? '').then(null).else(eb.ref('payload')).end().as('payload')])
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const changes = page.flatMap((r) => (r.payload === null ? [] : [r])).map((r) => rosterChangeSchema.parse({ ...(JSON.parse(r.payload!) as object), kind: r.kind, seq: r.seq }));
  return { changes, cursor: page.at(-1)?.seq ?? since, more: rows.length > limit };
}
