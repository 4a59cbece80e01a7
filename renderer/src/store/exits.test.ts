import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type DeskDb } from './db';
import { approveExit, closeExit, proposeExit, saveFollowUp } from './exits';
import { saveStartup, countStartups } from './startups';
import { ValidationError } from './write';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`exits-${++n}`);
  await db.open();
  await saveStartup(db, {
    id: 's1',
    name: '杭州云帆数字科技有限公司',
    entityType: 'enterprise',
    creditCode: '914403001922038216',
    industry: 'I',
    field: 'digital',
    stage: 'early',
    admittedOn: '2024-03-01',
    agreementEndsOn: '2026-02-28',
    area: 40,
    feeWaived: false,
    keyProject: false,
    status: 'resident',
  }, []);
});
afterEach(() => db.delete());

describe('exit decisions', () => {
  it('a proposal changes nothing; approval sets status, kind and date and frees the space', async () => {
    const exit = await proposeExit(db, { startupId: 's1', kind: 'graduated', reasons: ['criteriaMet'], evidence: [] });
    expect((await db.startups.get('s1'))!.status).toBe('resident');
    await expect(proposeExit(db, { startupId: 's1', kind: 'voluntary', reasons: [], evidence: [] })).rejects.toThrow('exits.alreadyProposed');
    await approveExit(db, exit.id, '2026-03-01');
    const s = (await db.startups.get('s1'))!;
    expect(s).toMatchObject({ status: 'exited', exitKind: 'graduated', exitedOn: '2026-03-01' });
    expect(await countStartups(db, 'resident')).toBe(0);
    expect(await countStartups(db, 'exited')).toBe(1);
    expect((await db.exits.get(exit.id))!).toMatchObject({ status: 'approved', effectiveOn: '2026-03-01' });
    await expect(approveExit(db, exit.id)).rejects.toThrow('exits.notProposed');
  });

  it('eviction needs a reason and the evaluations behind it', async () => {
    const err = await proposeExit(db, { startupId: 's1', kind: 'evicted', reasons: [], evidence: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.message).sort()).toEqual(['v.evictionEvidence', 'v.evictionReason']);
    await proposeExit(db, { startupId: 's1', kind: 'evicted', reasons: ['failedEvaluations'], evidence: [{ entity: 'evaluation', id: 'e1' }] });
    expect(await db.exits.count()).toBe(1);
  });

  it('rejecting or withdrawing leaves the startup resident; a follow-up is kept on the decision', async () => {
    const a = await proposeExit(db, { startupId: 's1', kind: 'deregistered', reasons: ['deregistration'], evidence: [] });
    await closeExit(db, a.id, 'withdrawn');
    expect((await db.startups.get('s1'))!.status).toBe('resident');
    const b = await proposeExit(db, { startupId: 's1', kind: 'deregistered', reasons: ['deregistration'], evidence: [] });
    await closeExit(db, b.id, 'rejected');
    await saveFollowUp(db, b.id, { contactPlan: '每月电话回访', support: ['training', 'guaranteeLoan'] });
    expect((await db.exits.get(b.id))!.followUp?.support).toEqual(['training', 'guaranteeLoan']);
    expect((await db.exits.get(a.id))!).toMatchObject({ status: 'withdrawn' });
  });
});
