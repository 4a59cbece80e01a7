import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Startup } from '@core/records';
import { residentTemplate } from '@core/scoring';
import { openDb, type DeskDb } from '../../store/db';
import { correctEvaluation, finalizeEvaluation, roundOf, runRound, scoreManualItem } from '../../store/evaluations';
import { saveRecord } from '../../store/write';
import { loadRound } from './roundData';

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
