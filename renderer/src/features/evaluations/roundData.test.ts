import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Startup } from '@core/records';
import { residentTemplate, scienceTemplate } from '@core/scoring';
import { openDb, type DeskDb } from '../../store/db';
import { correctEvaluation, finalizeEvaluation, roundOf, runRound, scoreManualItem } from '../../store/evaluations';
import { saveRecord } from '../../store/write';
import { loadRound, loadSheets } from './roundData';

let db: DeskDb;
let n = 0;
const startup = (id: string, name: string): Startup => ({
  id,
  updatedAt: '2025-01-01T00:00:00.000Z',
  name,
  entityType: 'team',
  industry: 'I',
  field: 'digital',
  stage: 'early',
  admittedOn: '2024-01-01',
  agreementEndsOn: '2027-01-01',
  area: 20,
  feeWaived: false,
  keyProject: false,
  status: 'resident',
});

beforeEach(async () => {
  db = openDb(`round-data-${++n}`);
  await db.open();
  for (const s of [startup('s1', '甲公司'), startup('s2', '乙公司'), startup('s3', '丙公司')]) await saveRecord(db, 'startup', s, 'test');
});
afterEach(() => db.delete());

it('ranks the current evaluations of a round with their startups, leaving superseded revisions out', async () => {
  await runRound(db, '2025Q2', residentTemplate);
  const [first] = await roundOf(db, '2025Q2');
  await scoreManualItem(db, first!.id, 'compliance', 8);
  await finalizeEvaluation(db, first!.id);
  const corrected = await correctEvaluation(db, first!.id);

  const { rows, indicators } = await loadRound(db, '2025Q2');
  expect(rows.map((r) => r.evaluation.id)).toContain(corrected.id);
  expect(rows.map((r) => r.evaluation.id)).not.toContain(first!.id);
  expect(rows.map((r) => r.startup?.name).sort()).toEqual(['丙公司', '乙公司', '甲公司']);
  // Competition ranking: the corrected revision keeps its 8 points and leads; the two equal drafts share second place.
  expect(rows.map((r) => [r.evaluation.startupId === first!.startupId, r.rank])).toEqual([
    [true, 1],
    [false, 2],
    [false, 2],
  ]);
  expect(indicators.map((i) => i.key)).toEqual(residentTemplate.indicators.map((i) => i.key));
});

it('keeps each row in the columns of a round that mixes templates, and reads whole evaluations back for its sheets', async () => {
  await runRound(db, '2025Q2', residentTemplate);
  const [first] = await roundOf(db, '2025Q2');
  await scoreManualItem(db, first!.id, 'compliance', 8);
  await finalizeEvaluation(db, first!.id);
  // The finalized evaluation keeps its template; the two drafts are scored again with the science line's.
  await runRound(db, '2025Q2', scienceTemplate);

  const { rows, indicators } = await loadRound(db, '2025Q2');
  const keys = indicators.map((i) => i.key);
  const scienceOnly = scienceTemplate.indicators.map((i) => i.key).filter((k) => !residentTemplate.indicators.some((i) => i.key === k));
  expect(scienceOnly.length).toBeGreaterThan(0);
  expect(keys).toEqual([...residentTemplate.indicators.map((i) => i.key), ...scienceOnly]);
  const stored = new Map((await roundOf(db, '2025Q2')).map((e) => [e.id, e]));
  for (const row of rows) {
    const items = stored.get(row.evaluation.id)!.items;
    expect(row.template.id).toBe(stored.get(row.evaluation.id)!.templateId);
    // Every column holds the item of that key, and nothing where the row's template has none.
    expect(keys.map((_, k) => row.points[k])).toEqual(keys.map((key) => items.find((i) => i.key === key)?.points));
  }
  const finalized = rows.find((r) => r.evaluation.id === first!.id)!;
  expect(finalized.points[keys.indexOf('compliance')]).toBe(8);
  expect(finalized.points[keys.indexOf(scienceOnly[0]!)]).toBeUndefined();

  const sheets = await loadSheets(db, rows);
  expect(sheets.map((s) => s.evaluation.id)).toEqual(rows.map((r) => r.evaluation.id));
  expect(sheets.map((s) => s.evaluation)).toEqual(rows.map((r) => stored.get(r.evaluation.id)));
});
