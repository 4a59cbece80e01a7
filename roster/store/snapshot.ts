import { sql } from 'kysely';
import { z } from 'zod';
import { type RosterChange, rosterChangeSchema, type SnapshotResponse } from '@core/sync/protocol';
import type { Store } from '../db/schema';
import { RosterError } from '../errors';
import { parseHeld } from './heldRecords';
import { startupDecisions } from './startupDecisions';

/**
 * Where the next page starts, and what every page of one snapshot answers alike: the pull cursor and
 * the record count as of the first page. Opaque to the desk, which passes it back as `after`.
 */
const position = z.object({ c: z.number().int().min(0), t: z.number().int().min(0), e: z.string(), r: z.string() });
type Position = z.infer<typeof position>;

const encode = (p: Position): string => Buffer.from(JSON.stringify(p)).toString('base64url');

function decode(after: string): Position {
  try {
    return position.parse(JSON.parse(Buffer.from(after, 'base64url').toString('utf8')));
  } catch {
    throw new RosterError(400, 'bad_request', 'after: not a position this roster handed out; start the snapshot again without it');
  }
}

/**
 * One page of the carrier's records as the roster holds them, in (entity, recordId) order, tombstones
 * included, each startup with the roster's own fields filled in. The first page fixes the cursor (the
 * highest change the carrier could pull then: its changes commit in seq order, so every record change up
 * to it is in the records read after it) and carries the decisions records do not hold.
 */
export async function readSnapshot(store: Store, carrierCode: string, after: string | undefined, limit: number): Promise<SnapshotResponse> {
  const first = after === undefined;
  const at = first ? { c: await pullCursor(store, carrierCode), t: await recordCount(store, carrierCode), e: '', r: '' } : decode(after);
  const rows = await store.db
    .selectFrom('records')
    .select(['entity', 'record_id', 'data', 'version', 'field_versions', 'origins', 'conflicts'])
    .where('carrier_code', '=', carrierCode)
    .where((eb) => eb(eb.refTuple('entity', 'record_id'), '>', eb.tuple(at.e, at.r)))
    .orderBy('entity')
    .orderBy('record_id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(parseHeld);
  const owned = await startupDecisions(store, carrierCode, page.flatMap((r) => (r.entity === 'startup' && r.record ? [r.recordId] : [])));
  const last = page.at(-1);
  return {
    records: page.map((r) => ({
      entity: r.entity as SnapshotResponse['records'][number]['entity'],
      recordId: r.recordId,
      record: r.record && r.entity === 'startup' ? { ...r.record, ...owned.get(r.recordId) } : r.record,
      version: r.version,
      conflicts: r.conflicts,
    })),
    next: rows.length > limit && last ? encode({ ...at, e: last.entity, r: last.recordId }) : null,
    cursor: at.c,
    total: at.t,
    ...(first ? { decisions: await decisions(store, carrierCode, at.c) } : {}),
  };
}

/** The highest seq of a change this carrier pulls (its own, or for every carrier). */
async function pullCursor(store: Store, carrierCode: string): Promise<number> {
  const { rows } = await sql<{ seq: number | null }>`
    select max(seq) as seq from (
      select max(seq) as seq from roster_changes where carrier_code = ${carrierCode}
      union all select max(seq) as seq from roster_changes where carrier_code is null
    ) as latest`.execute(store.db);
  return Number(rows[0]?.seq ?? 0);
}

async function recordCount(store: Store, carrierCode: string): Promise<number> {
  const row = await store.db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).where('carrier_code', '=', carrierCode).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The carrier's latest status and every change for every carrier up to the cursor, oldest first. */
async function decisions(store: Store, carrierCode: string, cursor: number): Promise<RosterChange[]> {
  const status = store.db
    .selectFrom('roster_changes')
    .select(['seq', 'kind', 'payload'])
    .where('carrier_code', '=', carrierCode)
    .where('kind', '=', 'carrierStatus')
    .where('seq', '<=', cursor)
    .orderBy('seq', 'desc')
    .limit(1);
  const shared = store.db.selectFrom('roster_changes').select(['seq', 'kind', 'payload']).where('carrier_code', 'is', null).where('seq', '<=', cursor);
  const rows = await store.db
    .selectFrom((db) => db.selectFrom(status.as('status')).selectAll().unionAll(db.selectFrom(shared.as('shared')).selectAll()).as('decisions'))
    .selectAll()
    .orderBy('seq')
    .execute();
  return rows.map((r) => rosterChangeSchema.parse({ ...(JSON.parse(r.payload) as object), kind: r.kind, seq: r.seq }));
}
