import { describe, expect, it } from 'vitest';
import { desksForTest } from './desksForTest';
import { heldVersions, JOINED_VERSIONS, keepJoinedVersions } from './rosterVersions';
import { schemaVersions } from './schema';

let n = 0;
const open = desksForTest();

describe("the roster's version of each record", () => {
  it('answers from a record’s own row first, then from a joined page, else 0; a desk of version 10 keeps its rows', async () => {
    const name = `versions-${++n}`;
    const v10 = await open(name, schemaVersions.findIndex((v) => v.version === 10) + 1);
    await v10.table('rosterVersions').bulkPut([
      { entity: 'startup', recordId: 's1', version: 4, syncedAt: '2026-12-01T00:00:00Z' },
      { entity: 'founder', recordId: 'f1', version: 2, syncedAt: '2026-12-01T00:00:00Z' },
    ]);
    v10.close();

    const db = await open(name);
    expect(db.verno).toBe(11);
    const asked = [
      { entity: 'startup', recordId: 's1' },
      { entity: 'founder', recordId: 'f1' },
      { entity: 'startup', recordId: 's2' },
      { entity: 'report', recordId: 's2' },
      { entity: 'startup', recordId: 'a|b' },
      { entity: 'startup', recordId: 'none' },
    ];
    expect(await heldVersions(db, asked)).toEqual([4, 2, 0, 0, 0, 0]);

    // Two joined pages; s1 is on one too, older than its own row (which a later sync wrote).
    await db.transaction('rw', db.table(JOINED_VERSIONS), async () => {
      await keepJoinedVersions(db, [
        { entity: 'startup', recordId: 's1', version: 3 },
        { entity: 'startup', recordId: 's2', version: 7 },
      ]);
      await keepJoinedVersions(db, [
        { entity: 'report', recordId: 's2', version: 5 },
        { entity: 'startup', recordId: 'a|b', version: 9 },
      ]);
    });
    expect(await heldVersions(db, asked)).toEqual([4, 2, 7, 5, 9, 0]);
    expect(await db.table(JOINED_VERSIONS).count()).toBe(2);
  });
});
