import type { DeskDb } from './db';

/** A joined desk's snapshot versions, one row per snapshot page: `keys[i]` ("entity|recordId") is at `versions[i]`. */
export interface JoinedVersions {
  seq?: number;
  keys: string[];
  versions: number[];
}

export const JOINED_VERSIONS = 'joinedVersions';

interface Held {
  entity: string;
  recordId: string;
}

const keyOf = ({ entity, recordId }: Held) => `${entity}|${recordId}`;

/**
 * The roster's version of each record (0 for none): the base of the desk's next edit of it, and what a
 * pulled change is compared with. Every sync keeps it per record (`rosterVersions`). A join keeps the
 * snapshot's a page to a row (`joinedVersions`, found by its multi-entry index): a row per record was a
 * third of the rows a 10,000-startup carrier's join wrote, and IndexedDB's cost is per row. A record's own
 * row is always the later one, so it comes first.
 */
export async function heldVersions(db: DeskDb, records: readonly Held[]): Promise<number[]> {
  const own = await db.table<{ version: number }>('rosterVersions').bulkGet(records.map((r) => [r.entity, r.recordId]));
  const missing = new Set(records.filter((_, i) => !own[i]).map(keyOf));
  const joined = new Map<string, number>();
  if (missing.size > 0) {
    const pages = await db.table<JoinedVersions>(JOINED_VERSIONS).where('keys').anyOf([...missing]).distinct().toArray();
    for (const page of pages) page.keys.forEach((key, i) => missing.has(key) && joined.set(key, page.versions[i]!));
  }
  return records.map((r, i) => own[i]?.version ?? joined.get(keyOf(r)) ?? 0);
}

/** A joining desk's snapshot page's versions, tombstones too (an older version of a removed record, pulled later, is then skipped). */
export const keepJoinedVersions = (db: DeskDb, page: readonly (Held & { version: number })[]) =>
  page.length > 0 ? db.table<JoinedVersions>(JOINED_VERSIONS).add({ keys: page.map(keyOf), versions: page.map((r) => r.version) }) : undefined;
