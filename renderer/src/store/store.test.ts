import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type DeskDb } from './db';
import { getCarrier, saveCarrier } from './carrier';
import { hasDemoData, loadDemoData, removeDemoData } from './demo';
import { saveRecord, ValidationError } from './write';
import { defaultRuleSet } from '@core/records';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`test-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const carrierInput = {
  name: '测试孵化基地',
  line: 'hrss' as const,
  type: 'startupBase' as const,
  level: 'city' as const,
  regionCode: '330185',
  address: '杭州市临安区',
  area: 5000,
  seats: 80,
  rules: defaultRuleSet,
};

const startup = (over: Record<string, unknown> = {}) => ({
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
  ...over,
});

describe('repositories write record + audit + outbox in one transaction', () => {
  it('saves the carrier profile with an audit entry and an outbox entry', async () => {
    await saveCarrier(db, carrierInput);
    expect((await getCarrier(db))?.name).toBe('测试孵化基地');
    expect(await db.audit.count()).toBe(1);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'carrier', recordId: 'carrier', op: 'upsert', mutationId: 1 });
  });

  it('numbers mutations per desk without gaps and keeps before/after in the audit', async () => {
    await saveRecord(db, 'startup', startup(), 'tester');
    await saveRecord(db, 'startup', startup({ stage: 'growth' }), 'tester');
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.mutationId)).toEqual([1, 2]);
    expect(new Set(outbox.map((e) => e.clientId)).size).toBe(1);
    const audit = await db.audit.where('[entity+recordId]').equals(['startup', 's1']).sortBy('seq');
    expect(audit[1]).toMatchObject({ who: 'tester', before: { stage: 'early' }, after: { stage: 'growth' } });
  });

  it('refuses an invalid record and writes nothing at all', async () => {
    await expect(saveRecord(db, 'startup', startup({ creditCode: '914403001922038217' }), 't')).rejects.toBeInstanceOf(ValidationError);
    const err = (await saveRecord(db, 'startup', startup({ creditCode: '914403001922038217' }), 't').catch((e: unknown) => e)) as ValidationError;
    expect(err.issues).toEqual([{ path: ['creditCode'], message: 'v.creditCode.check' }]);
    expect(await db.startups.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('rolls the record back when its outbox entry cannot be written', async () => {
    await saveRecord(db, 'startup', startup(), 't');
    // A duplicate mutation id violates the unique index, so the whole transaction must fail.
    await db.meta.put({ key: 'nextMutationId', value: 1 });
    await expect(saveRecord(db, 'startup', startup({ id: 's2' }), 't')).rejects.toThrow();
    expect(await db.startups.get('s2')).toBeUndefined();
    expect(await db.audit.count()).toBe(1);
  });
});

describe('demo data', () => {
  it('loads a living incubator and removes it without trace, keeping the carrier own records', async () => {
    await saveRecord(db, 'startup', startup(), 't');
    await loadDemoData(db, '2026-11-28');
    expect(await hasDemoData(db)).toBe(true);
    expect(await db.startups.count()).toBe(41);
    expect(await db.sessions.count()).toBe(300);
    expect(await db.outbox.count()).toBe(1);
    const demoStartup = (await db.startups.get('demo-s1'))!;
    await saveRecord(db, 'startup', { ...demoStartup, stage: 'mature' }, 't');

    await removeDemoData(db);
    expect(await hasDemoData(db)).toBe(false);
    expect(await db.startups.count()).toBe(1);
    for (const t of ['founders', 'reports', 'mentors', 'sessions'] as const) expect(await db.table(t).count()).toBe(0);
    expect(await db.audit.where('recordId').startsWith('demo-').count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('saving an unchanged record', () => {
  it('leaves no audit entry and sends nothing', async () => {
    await saveCarrier(db, carrierInput);
    await saveCarrier(db, carrierInput);
    expect(await db.audit.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});
