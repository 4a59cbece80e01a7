import { afterEach, describe, expect, it } from 'vitest';
import { defaultRuleSet } from '@core/records';
import { defaultSupportRules, type SupportRules } from '@core/supports';
import { openDb, type DeskDb } from './db';
import { publishedSupportRules, supportRulesInForce } from './publishedSupportRules';
import { applyRosterChanges, readSyncStatus } from './syncState';

const opened: DeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const version = (v: number, amount: number): SupportRules => ({
  ...defaultSupportRules,
  version: v,
  params: { ...defaultSupportRules.params, startupSubsidy: { ...defaultSupportRules.params.startupSubsidy, amount } },
});

describe('support rules published by the roster', () => {
  it('keeps the highest version per province from pulled pages, and applies it to carriers of that province only', async () => {
    const db = openDb('published-support-rules');
    opened.push(db);
    await db.open();
    await applyRosterChanges(
      db,
      [
        { seq: 1, kind: 'supportRules', province: '33', rules: version(2, 8000) },
        { seq: 2, kind: 'supportRules', province: '32', rules: version(1, 6000) },
        // Late or pulled again: an older version changes nothing.
        { seq: 3, kind: 'supportRules', province: '33', rules: version(1, 1000) },
      ],
      3,
    );
    const published = await publishedSupportRules(db);
    expect(published).toEqual({ '33': version(2, 8000), '32': version(1, 6000) });
    expect((await readSyncStatus(db)).cursor).toBe(3);

    const local = { ...defaultRuleSet, supports: version(5, 5000) };
    expect(supportRulesInForce({ regionCode: '330185', rules: local }, published)).toEqual({ rules: version(2, 8000), publishedFor: '33' });
    expect(supportRulesInForce({ regionCode: '440305', rules: local }, published)).toEqual({ rules: version(5, 5000) });

    await applyRosterChanges(db, [{ seq: 4, kind: 'supportRules', province: '33', rules: version(3, 9000) }], 4);
    expect((await publishedSupportRules(db))['33']).toEqual(version(3, 9000));
  });

  it('stops the pull on a rule set this desk cannot read, the cursor where it was', async () => {
    const db = openDb('published-support-rules-bad');
    opened.push(db);
    await db.open();
    await expect(applyRosterChanges(db, [{ seq: 1, kind: 'supportRules', province: '33', rules: { ...version(2, 8000), soonDays: -1 } }], 1)).rejects.toThrow();
    expect(await publishedSupportRules(db)).toEqual({});
    expect((await readSyncStatus(db)).cursor).toBe(0);
  });
});
