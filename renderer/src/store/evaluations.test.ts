import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Report, Startup, Template } from '@core/records';
import { familyOf, residentTemplate, templateId } from '@core/scoring';
import { openDb, type DeskDb } from './db';
import { schemaVersions } from './schema';
import { correctEvaluation, EvaluationRefused, finalizeEvaluation, finalizeRound, historyOf, roundOf, roundPage, runRound, scoreManualItem } from './evaluations';
import { reportsForPeriod, saveReport, saveReports, type ReportInput } from './reports';
import { allTemplates, choosableVersions, copyTemplate, latestVersions, saveTemplate, templateInUse } from './templates';
import { ValidationError } from './write';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`evaluations-${++n}`);
  await db.open();
  await db.startups.bulkPut([startup('s1', '甲公司'), startup('s2', '乙公司'), startup('s3', '丙公司', { admittedOn: '2025-07-01' }), startup('s4', '丁公司', { voidedAt: '2025-02-01T00:00:00.000Z', voidedReason: '误登记' })]);
});
afterEach(() => db.delete());

function startup(id: string, name: string, over: Partial<Startup> = {}): Startup {
  return { id, updatedAt: '2025-01-01T00:00:00.000Z', name, entityType: 'team', industry: 'I', field: 'digital', stage: 'early', admittedOn: '2024-01-01', agreementEndsOn: '2027-01-01', area: 20, feeWaived: false, keyProject: false, status: 'resident', ...over };
}

const report = (startupId: string, period: string, over: Partial<Report> = {}): ReportInput => ({
  startupId,
  period,
  employees: 5,
  keyGroupHires: 1,
  newGraduateHires: 1,
  insuredEmployees: 5,
  revenue: 100_000,
  netProfit: 0,
  taxPaid: 20_000,
  rdSpend: 0,
  ipApplied: 0,
  inventionPatentsGranted: 0,
  otherIpGranted: 0,
  financing: 0,
  guaranteeLoans: 0,
  equityFinancing: 0,
  subsidies: 0,
  ...over,
});

describe('operating reports', () => {
  it('keeps one report per startup and period, written with audit and outbox', async () => {
    await saveReport(db, report('s1', '2025Q2'));
    await saveReport(db, report('s1', '2025Q2', { employees: 7 }));
    const rows = await reportsForPeriod(db, '2025Q2');
    expect(rows.map((r) => [r.id, r.employees])).toEqual([['s1~2025Q2', 7]]);
    expect(await db.audit.where('recordId').equals('s1~2025Q2').count()).toBe(2);
    expect(await db.outbox.count()).toBe(2);
  });
  it('saves the valid rows of a period and hands back the invalid ones, nothing half-written', async () => {
    const { saved, failed } = await saveReports(db, [report('s1', '2025Q2'), report('s2', '2025Q2', { insuredEmployees: 9 }), report('s3', '2025Q2', { revenue: -1 })]);
    expect(saved.map((r) => r.startupId)).toEqual(['s1']);
    expect(failed.map((f) => f.index)).toEqual([1, 2]);
    expect(failed[0]!.error).toBeInstanceOf(ValidationError);
    expect(failed[0]!.error.issues[0]).toMatchObject({ path: ['insuredEmployees'], message: 'v.ofWhich.insuredEmployees' });
    expect(failed[1]!.error.issues[0]).toMatchObject({ path: ['revenue'], message: 'v.notNegative' });
    expect(await db.reports.count()).toBe(1);
  });
});

describe('an evaluation round', () => {
  beforeEach(async () => {
    await saveReports(db, [report('s1', '2025Q2', { employees: 10 }), report('s2', '2025Q2')]);
  });

  it('drafts every resident of the period (not the voided, not those admitted later) in chunks', async () => {
    const progress: number[] = [];
    const outcome = await runRound(db, '2025Q2', residentTemplate, (p) => progress.push(p.done), 1);
    expect(outcome).toEqual({ drafted: 2, unchanged: 0, finalized: 0 });
    expect(progress).toEqual([1, 2]);
    const round = await roundOf(db, '2025Q2');
    expect(round.map((e) => [e.startupId, e.status, e.revision]).sort()).toEqual([
      ['s1', 'draft', 1],
      ['s2', 'draft', 1],
    ]);
    // jobs 8 + 7 = 15, key groups 20% → 6, growth none → 7, tax 2, insured 50% → 1
    expect(round.find((e) => e.startupId === 's1')!.total).toBe(31);
    expect(await db.templates.get(residentTemplate.id)).toBeTruthy();
  });

  it('a round stopped part way keeps its written chunks, and running it again completes it without doubling', async () => {
    const stop = new Error('window closed');
    await expect(
      runRound(db, '2025Q2', residentTemplate, () => {
        throw stop;
      }, 1),
    ).rejects.toBe(stop);
    expect(await db.evaluations.count()).toBe(1);
    expect(await runRound(db, '2025Q2', residentTemplate, undefined, 1)).toEqual({ drafted: 1, unchanged: 1, finalized: 0 });
    expect((await db.evaluations.toArray()).map((e) => e.startupId).sort()).toEqual(['s1', 's2']);
    expect(await db.outbox.filter((e) => e.entity === 'evaluation').count()).toBe(2);
  });

  it('scores manual items, refuses to finalize until every one is scored, then locks', async () => {
    await runRound(db, '2025Q2', residentTemplate);
    const [first, second] = await roundOf(db, '2025Q2');
    await expect(finalizeEvaluation(db, first!.id)).rejects.toMatchObject({ reason: 'pending', pending: ['compliance'] });
    const scored = await scoreManualItem(db, first!.id, 'compliance', 8);
    expect(scored.total).toBe(first!.total + 8);
    await expect(scoreManualItem(db, first!.id, 'compliance', 2)).rejects.toThrow(/commentRequired/);
    // In chunks of one: each draft judged in its own transaction.
    expect(await finalizeRound(db, '2025Q2', 1)).toEqual({ finalized: 1, pending: 1 });
    const locked = await db.evaluations.get(first!.id);
    expect(locked).toMatchObject({ status: 'finalized', evaluator: 'operator' });
    await expect(scoreManualItem(db, first!.id, 'compliance', 9)).rejects.toBeInstanceOf(EvaluationRefused);
    // A new run refreshes the other draft but leaves the finalized one alone.
    await saveReport(db, report(second!.startupId, '2025Q2', { employees: 20 }));
    expect(await runRound(db, '2025Q2', residentTemplate)).toEqual({ drafted: 1, unchanged: 0, finalized: 1 });
    expect((await db.evaluations.get(first!.id))!.updatedAt).toBe(locked!.updatedAt);
  });

  it('keeps manual scores when a draft is refreshed and skips unchanged drafts', async () => {
    await runRound(db, '2025Q2', residentTemplate);
    const [first] = await roundOf(db, '2025Q2');
    await scoreManualItem(db, first!.id, 'compliance', 3, '未按协议在场经营');
    expect(await runRound(db, '2025Q2', residentTemplate)).toEqual({ drafted: 0, unchanged: 2, finalized: 0 });
    const item = (await db.evaluations.get(first!.id))!.items.find((i) => i.key === 'compliance');
    expect(item).toMatchObject({ points: 3, comment: '未按协议在场经营' });
  });

  it('corrects a finalized evaluation as a new revision, keeping the old one superseded', async () => {
    await runRound(db, '2025Q2', residentTemplate);
    const [first] = await roundOf(db, '2025Q2');
    await scoreManualItem(db, first!.id, 'compliance', 6);
    await finalizeEvaluation(db, first!.id);
    const correction = await correctEvaluation(db, first!.id);
    expect(correction).toMatchObject({ revision: 2, status: 'draft', startupId: 's1' });
    await scoreManualItem(db, correction.id, 'compliance', 9);
    await finalizeEvaluation(db, correction.id);
    const history = await historyOf(db, 's1');
    expect(history.map((e) => [e.revision, e.status, e.items.find((i) => i.key === 'compliance')!.points])).toEqual([
      [1, 'superseded', 6],
      [2, 'finalized', 9],
    ]);
    expect((await roundOf(db, '2025Q2')).filter((e) => e.startupId === 's1').map((e) => e.revision)).toEqual([2]);
    await expect(correctEvaluation(db, correction.id + 'x')).rejects.toMatchObject({ reason: 'missing' });
  });
});

describe('a round page by page (schema v5)', () => {
  /** Every page of the period's round, `limit` at a time, as their ids. */
  const pages = async (d: DeskDb, period: string, limit: number) => {
    const out: string[][] = [];
    for (let after: string | undefined; ; ) {
      const page = await roundPage(d, period, after, limit);
      if (page.length === 0) return out;
      out.push(page.map((e) => e.id));
      after = page.at(-1)!.id;
    }
  };

  it('reads every evaluation of the period once, revisions included, in id order, and none of another period', async () => {
    await saveReports(db, [report('s1', '2025Q2'), report('s2', '2025Q2'), report('s1', '2025Q3')]);
    await runRound(db, '2025Q2', residentTemplate);
    await runRound(db, '2025Q3', residentTemplate);
    const [first] = await roundOf(db, '2025Q2');
    await scoreManualItem(db, first!.id, 'compliance', 6);
    await finalizeEvaluation(db, first!.id);
    await correctEvaluation(db, first!.id);
    const all = (await db.evaluations.where('period').equals('2025Q2').primaryKeys()).sort();
    expect(all).toHaveLength(3);
    expect((await pages(db, '2025Q2', 2)).map((p) => p.length)).toEqual([2, 1]);
    expect((await pages(db, '2025Q2', 1)).flat()).toEqual(all);
    expect((await pages(db, '2025Q2', 500)).flat()).toEqual(all);
    expect(await pages(db, '2024Q4', 500)).toEqual([]);
  });

  it('opens a round written under version 4 and reads it page by page', async () => {
    const name = `upgrade-v5-${n}`;
    const v5 = schemaVersions.findIndex((v) => v.version === 5);
    // The round is scored by today's code (it writes tables version 5 lacks), then stored as version 5 held it.
    await db.startups.bulkPut([startup('s1', '甲公司'), startup('s2', '乙公司')]);
    await runRound(db, '2025Q2', residentTemplate);
    const old = openDb(name, v5);
    await old.open();
    await old.startups.bulkPut(await db.startups.toArray());
    await old.evaluations.bulkPut(await db.evaluations.toArray());
    const written = (await old.evaluations.toArray()).map((e) => e.id).sort();
    expect(written).toHaveLength(2);
    old.close();

    const upgraded = openDb(name);
    await upgraded.open();
    try {
      expect(upgraded.verno).toBe(schemaVersions.at(-1)!.version);
      expect((await pages(upgraded, '2025Q2', 1)).flat()).toEqual(written);
      expect(await finalizeRound(upgraded, '2025Q2', 1)).toEqual({ finalized: 0, pending: 2 });
    } finally {
      await upgraded.delete();
    }
  });
});

describe('templates as data', () => {
  it('lists the built-in defaults before any is stored', async () => {
    expect((await allTemplates(db)).map((t) => t.id).sort()).toEqual(['resident@1', 'science@1']);
  });
  it('edits a version in place until it is used, then as a new version', async () => {
    const copy = await copyTemplate(db, residentTemplate, '本基地评价');
    const edited = await saveTemplate(db, { ...copy, grades: [{ grade: 'excellent', min: 90 }, ...copy.grades.slice(1)] });
    expect(edited.id).toBe(copy.id);
    await saveReports(db, [report('s1', '2025Q2')]);
    await runRound(db, '2025Q2', edited);
    expect(await templateInUse(db, edited.id)).toBe(true);
    const next: Template = await saveTemplate(db, { ...edited, name: '本基地评价（修订）' });
    expect(next.version).toBe(2);
    expect((await db.templates.get(edited.id))!.name).toBe('本基地评价');
    const latest = latestVersions(await allTemplates(db));
    expect(latest.find((t) => t.id.startsWith(copy.id.split('@')[0]!))!.version).toBe(2);
    // The old results still name the version they were scored with.
    expect((await roundOf(db, '2025Q2'))[0]!.templateId).toBe(edited.id);
  });

  it('offers no version the roster retired for a new round, but the version of the family before it', async () => {
    const copy = await copyTemplate(db, residentTemplate, '本基地评价');
    const family = familyOf(copy.id);
    const next: Template = { ...copy, id: templateId(family, 2), version: 2, retired: true };
    await db.templates.put(next);
    expect(latestVersions(await allTemplates(db)).find((t) => familyOf(t.id) === family)!.id).toBe(next.id);
    expect(choosableVersions(await allTemplates(db)).find((t) => familyOf(t.id) === family)!.id).toBe(copy.id);
    await db.templates.put({ ...(await db.templates.get(copy.id))!, retired: true });
    expect(choosableVersions(await allTemplates(db)).some((t) => familyOf(t.id) === family)).toBe(false);
  });
});
