import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aFounder, aReport, aStartup } from '@core/testing/records';
import { defaultSupportRules as rules } from '@core/supports';
import { recordSchemas } from '@core/records';
import { mutationSchema } from '@core/sync/protocol';
import { openDb, type DeskDb } from './db';
import { saveClaim, type ClaimInput } from './claims';
import { schemaVersions } from './schema';
import { ValidationError } from './write';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`claims-${++n}`);
  await db.open();
  await db.startups.put(aStartup('s1', { registeredOn: '2025-01-10', creditCode: '914403001922038216' }));
  await db.founders.put(aFounder('f1', 's1', { keyGroups: ['graduate'], graduatedOn: '2025-06-30' }));
});
afterEach(() => db.delete());

const TODAY = '2026-12-03';
const subsidy = (over: Partial<ClaimInput> = {}): ClaimInput => ({ support: 'startupSubsidy', startupId: 's1', amountAsked: 5000, documents: ['idCard', 'license'], state: 'preparing', ...over });
const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('saveClaim', () => {
  it('saves a claim with its cap, qualification and rule set version, its audit and outbox entries', async () => {
    const claim = await saveClaim(db, subsidy(), rules, TODAY);
    expect(claim).toMatchObject({ cap: 5000, qualified: true, rulesVersion: 1 });
    expect(await db.claims.get(claim.id)).toEqual(claim);
    expect((await db.audit.where('[entity+recordId]').equals(['claim', claim.id]).toArray()).length).toBe(1);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((o) => [o.entity, o.recordId])).toEqual([['claim', claim.id]]);
    // What the roster checks a pushed mutation with: the protocol's envelope, then the entity's own schema.
    expect(mutationSchema.safeParse(outbox[0]).success).toBe(true);
    expect(recordSchemas.claim.parse(outbox[0]!.record)).toEqual(claim);
  });

  it('refuses an amount above the cap and writes nothing', async () => {
    expect(await refusal(saveClaim(db, subsidy({ amountAsked: 6000 }), rules, TODAY))).toEqual(['amountAsked: v.claim.aboveCap']);
    expect(await db.claims.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('takes the cap from the rule set in force', async () => {
    const local = { ...rules, version: 2, params: { ...rules.params, startupSubsidy: { ...rules.params.startupSubsidy, amount: 8000 } } };
    expect(await saveClaim(db, subsidy({ amountAsked: 8000 }), local, TODAY)).toMatchObject({ cap: 8000, rulesVersion: 2 });
  });

  it('asks a reason of an applicant who does not qualify, then saves the claim marked', async () => {
    const tooEarly = '2025-05-01';
    expect(await refusal(saveClaim(db, subsidy(), rules, tooEarly))).toEqual(['reason: v.claim.reasonRequired']);
    const claim = await saveClaim(db, subsidy({ reason: '人社局同意提前受理' }), rules, tooEarly);
    expect(claim).toMatchObject({ qualified: false, reason: '人社局同意提前受理' });
  });

  it('does not count the claim being edited against itself', async () => {
    const claim = await saveClaim(db, subsidy(), rules, TODAY);
    const granted = await saveClaim(db, { ...subsidy({ state: 'granted', submittedOn: '2026-11-01', decidedOn: '2026-11-20', amountGranted: 5000 }), id: claim.id }, rules, TODAY);
    expect(granted.qualified).toBe(true);
  });

  it('refuses dates in the wrong order', async () => {
    expect(await refusal(saveClaim(db, subsidy({ state: 'rejected', submittedOn: '2026-11-01', decidedOn: '2026-10-01' }), rules, TODAY))).toEqual(['decidedOn: v.claim.decidedBeforeSubmitted']);
  });

  it('needs the founder for a support a founder claims', async () => {
    expect(await refusal(saveClaim(db, { ...subsidy({ support: 'flexibleInsurance', amountAsked: 1000 }) }, rules, TODAY))).toEqual(['founderId: v.claim.founderRequired']);
    expect(await saveClaim(db, subsidy({ support: 'flexibleInsurance', amountAsked: 1000, founderId: 'f1' }), rules, TODAY)).toMatchObject({ qualified: true, cap: 8000 });
  });

  it('pays 社保补贴 per insured hire of the latest report', async () => {
    await db.reports.put(aReport('s1', '2026Q3', { employees: 5, newGraduateHires: 2, insuredEmployees: 5 }));
    expect(await saveClaim(db, subsidy({ support: 'insuranceSubsidy', amountAsked: 12_000 }), rules, TODAY)).toMatchObject({ cap: 12_000, qualified: true });
  });
});

describe('schema version 8', () => {
  it('opens a version 7 database with its records and adds the claims table', async () => {
    const name = `claims-upgrade-${++n}`;
    const v7 = openDb(name, schemaVersions.findIndex((v) => v.version === 8));
    await v7.open();
    await v7.startups.put(aStartup('old', { registeredOn: '2024-05-01', creditCode: '914403001922038216' }));
    v7.close();
    const up = openDb(name);
    await up.open();
    try {
      expect(up.verno).toBe(schemaVersions.at(-1)!.version);
      expect((await up.startups.get('old'))?.name).toBe('old');
      // No founder of a key group on record: claimed anyway, with a reason, and marked.
      const claim = await saveClaim(up, { ...subsidy({ reason: '创始人材料待补录' }), startupId: 'old' }, rules, TODAY);
      expect(await up.claims.where('startupId').equals('old').count()).toBe(1);
      expect(claim.qualified).toBe(false);
    } finally {
      await up.delete();
    }
  });
});
