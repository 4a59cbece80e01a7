import { type RawBuilder, sql } from 'kysely';
import type { Conflict, Origin } from '@core/sync/protocol';
import type { Fields, HeldRecord } from '@core/sync/merge';
import type { Store } from '../db/schema';
import { keyList } from '../db/keyList';

/** A record as read for the merge, and as written back. */
export interface HeldRow extends HeldRecord {
  entity: string;
  recordId: string;
}

export const recordKey = (entity: string, recordId: string): string => `${entity}\u0000${recordId}`;

/** What one batch needs to know before it merges, read in one statement (one round trip on PostgreSQL). */
export interface BatchView {
  held: Map<string, HeldRow>;
  /** Startup ids merged into another: alias → standing. */
  aliases: Map<string, string>;
  /** Live, non-void startups by credit code, of those the batch admits. */
  byCreditCode: Map<string, string>;
}

export interface BatchAsks {
  /** Record ids per entity the batch writes. */
  ids: Map<string, string[]>;
  /** Startup ids the batch names anywhere (its startups, founders' startupId, sessions' startupIds…). */
  startupIds: string[];
  /** Credit codes of the startups the batch upserts. */
  creditCodes: string[];
}

type Row = {
  src: string;
  entity: string;
  record_id: string;
  data: string | null;
  version: number;
  field_versions: string | null;
  origins: string;
  conflicts: string;
  standing_id: string | null;
};

export function parseHeld(r: Omit<Row, 'src' | 'standing_id'>): HeldRow {
  return {
    entity: r.entity,
    recordId: r.record_id,
    record: r.data === null ? null : (JSON.parse(r.data) as Fields),
    version: Number(r.version),
    fieldVersions: r.field_versions === null ? null : (JSON.parse(r.field_versions) as Record<string, number>),
    origins: JSON.parse(r.origins) as Record<string, Origin>,
    conflicts: JSON.parse(r.conflicts) as Conflict[],
  };
}

/**
 * The stored rows of the batch's records, the aliases among the startups it names with their standing
 * records, and the live startups holding its credit codes: four parts of one union, so the batch pays one
 * read whatever it holds. Runs under the carrier's lock (the push claims its carrier row first), so
 * nothing changes these rows before the batch writes them.
 */
export async function readBatchView(store: Store, carrierCode: string, asks: BatchAsks): Promise<BatchView> {
  const columns = ['entity', 'record_id', 'data', 'version', 'field_versions', 'origins', 'conflicts'] as const;
  const records = (src: RawBuilder<string>) =>
    store.db.selectFrom('records').select([src.as('src'), ...columns, sql<string | null>`null`.as('standing_id')]);
  // A record or alias part's only condition is its list of keys (see keyList): it is read key by key.
  const ofCarrier = (entity: string, ids: readonly string[]) => keyList(store, [carrierCode, entity], ids);
  const parts = [...asks.ids].map(([entity, ids]) => records(sql`'key'`).where(sql<boolean>`(carrier_code, entity, record_id) in ${ofCarrier(entity, ids)}`));
  if (asks.startupIds.length > 0) {
    const aliased = sql<boolean>`(carrier_code, entity, alias_id) in ${ofCarrier('startup', asks.startupIds)}`;
    const standing = store.db.selectFrom('record_aliases').select(['carrier_code', 'entity', 'standing_id']).where(aliased);
    parts.push(records(sql`'standing'`).where(sql<boolean>`(carrier_code, entity, record_id) in (${standing})`));
    parts.push(
      store.db
        .selectFrom('record_aliases')
        .select([
          sql<string>`'alias'`.as('src'),
          'entity',
          'alias_id as record_id',
          sql<string | null>`null`.as('data'),
          sql<number>`0`.as('version'),
          sql<string | null>`null`.as('field_versions'),
          sql<string>`'{}'`.as('origins'),
          sql<string>`'[]'`.as('conflicts'),
          'standing_id',
        ])
        .where(aliased) as unknown as (typeof parts)[number],
    );
  }
  if (asks.creditCodes.length > 0) {
    // Through the credit-code index (it holds no tombstone: a tombstone has no code) to the code's
    // holders, then those of this carrier. SQLite, without statistics, would take `carrier_code = ?` to
    // the primary key's carrier prefix and read the carrier's every record instead; a unary + keeps the
    // term out of its choice of index (SQLite's documented way). PostgreSQL uses the index with both.
    const carrier = store.dialect === 'sqlite' ? sql`+carrier_code` : sql`carrier_code`;
    parts.push(records(sql`'code'`).where(sql<boolean>`credit_code in ${keyList(store, [], asks.creditCodes)} and ${carrier} = ${carrierCode}`));
  }
  const view: BatchView = { held: new Map(), aliases: new Map(), byCreditCode: new Map() };
  if (parts.length === 0) return view;
  const rows = (await parts.reduce((union, part) => union.unionAll(part)).execute()) as Row[];
  for (const row of rows) {
    if (row.src === 'alias') {
      view.aliases.set(row.record_id, row.standing_id!);
      continue;
    }
    const held = parseHeld(row);
    view.held.set(recordKey(held.entity, held.recordId), held);
    const code = held.record?.creditCode;
    if (row.src === 'code' && typeof code === 'string' && held.record?.voidedAt === undefined && !view.byCreditCode.has(code)) {
      view.byCreditCode.set(code, held.recordId);
    }
  }
  return view;
}
