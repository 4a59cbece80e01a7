import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Founder, Startup } from '@core/records';
import { openDb, type DeskDb } from './db';
import { checkPassphrase, isUnlocked, lockSettings, removeLock, setLock, setUnlockedKey, type StoredFounder } from './sealing';
import { saveStartup, startupFile } from './startups';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`sealing-${++n}`);
  await db.open();
  setUnlockedKey(null);
});
afterEach(() => db.delete());

const ID = '11010519491231002X';
const OTHER = '110105195001010012';
const startup: Omit<Startup, 'updatedAt'> = {
  id: 's1',
  name: '杭州云帆数字科技有限公司',
  entityType: 'enterprise',
  creditCode: '914403001922038216',
  industry: 'I',
  field: 'digital',
  stage: 'early',
  admittedOn: '2025-03-01',
  agreementEndsOn: '2027-02-28',
  area: 40,
  feeWaived: false,
  keyProject: false,
  status: 'resident',
};
const founder = (id: string, idNumber = ID): Omit<Founder, 'updatedAt'> => ({ id, startupId: 's1', name: '王芳', idNumber, keyGroups: [], firstTime: true, trainingCertified: false });

/** Everything at rest where a founder's number may sit, as one text to search. */
const atRest = async () => JSON.stringify([await db.founders.toArray(), await db.audit.where('entity').equals('founder').toArray()]);

describe('desk lock: ID numbers sealed at rest', () => {
  it('setting the lock seals every number in the records and their history; removing it opens them again', async () => {
    await saveStartup(db, startup, [founder('f1'), founder('f2', OTHER)]);
    await saveStartup(db, startup, [founder('f1'), founder('f2', ID)]);
    const before = await db.founders.toArray();

    await setLock(db, '青山湖 2026', 15);
    expect(await lockSettings(db)).toMatchObject({ iterations: 310_000, idleMinutes: 15 });
    const text = await atRest();
    expect(text).not.toContain(ID);
    expect(text).not.toContain(OTHER);
    const sealed = (await db.founders.get('f1')) as StoredFounder;
    expect(sealed.idNumber).toBe('110105********002X');
    expect(sealed.idSealed?.data).toBeTruthy();
    // Sealing is not an edit: nothing new for the roster, no history entry.
    expect(sealed.updatedAt).toBe(before[0]!.updatedAt);

    expect(await removeLock(db, '青山湖 2026')).toBe(true);
    expect(await lockSettings(db)).toBeUndefined();
    expect(await db.founders.toArray()).toEqual(before);
    expect(await atRest()).toContain(OTHER);
  });

  it('a wrong passphrase neither unlocks nor changes anything', async () => {
    await saveStartup(db, startup, [founder('f1')]);
    await setLock(db, 'right one', 10);
    const sealed = await atRest();
    expect(await checkPassphrase(db, 'wrong one')).toBeNull();
    expect(await removeLock(db, 'wrong one')).toBe(false);
    expect(await atRest()).toBe(sealed);
    expect(await lockSettings(db)).toBeDefined();
    expect(await checkPassphrase(db, 'right one')).not.toBeNull();
  });

  it('shows full numbers only while unlocked, seals new founders, and an unchanged save leaves no history', async () => {
    await setLock(db, 'pass phrase', 10);
    expect(isUnlocked()).toBe(true);
    await saveStartup(db, startup, [founder('f1')]);
    expect(await atRest()).not.toContain(ID);
    expect((await startupFile(db, 's1'))!.founders[0]!.idNumber).toBe(ID);

    const history = await db.audit.count();
    const outbox = await db.outbox.count();
    await saveStartup(db, startup, [founder('f1')]);
    expect(await db.audit.count()).toBe(history);
    expect(await db.outbox.count()).toBe(outbox);
    await saveStartup(db, startup, [founder('f1', OTHER)]);
    expect(await db.audit.count()).toBe(history + 1);
    expect(await atRest()).not.toContain(OTHER);

    setUnlockedKey(null);
    expect((await startupFile(db, 's1'))!.founders[0]!.idNumber).toBe('110105********0012');
    await expect(saveStartup(db, startup, [founder('f1')])).rejects.toThrow(/locked/);
  });
});
