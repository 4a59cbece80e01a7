import type { Evaluation, EvaluationItem, Indicator, Template } from '../records';
import { decodeEvidence, encodeEvidence, round2 } from './evidence';
import type { MetricValues } from './metrics';
import { scoreIndicator } from './rules';

export type Grade = Evaluation['grade'];
type Scoring = Pick<Evaluation, 'items' | 'total' | 'grade'>;

const MANUAL_PENDING = 'manual.pending';

/** A manual item the evaluator has not scored yet (its points are 0 until then). */
export const isPending = (item: EvaluationItem) => decodeEvidence(item.evidence)[0]?.key === MANUAL_PENDING;

/** Below half marks a manual score must say why (DOMAIN "Scoring engine"). */
export const needsComment = (indicator: Indicator, points: number) => points < indicator.max / 2;

export const totalOf = (items: readonly EvaluationItem[]) => round2(items.reduce((s, i) => s + i.points, 0));

/** The first band (highest minimum first) the total reaches; below every band, the lowest grade. */
export function gradeOf(total: number, grades: Template['grades']): Grade {
  const sorted = [...grades].sort((a, b) => b.min - a.min);
  return (sorted.find((g) => total >= g.min) ?? sorted.at(-1)!).grade;
}

const finish = (template: Template, items: EvaluationItem[]): Scoring => {
  const total = totalOf(items);
  return { items, total, grade: gradeOf(total, template.grades) };
};

/**
 * Scores every indicator of a template. Automatic ones come from the metrics; manual ones keep the
 * evaluator's points and comment from `previous` (a draft being refreshed), or wait to be scored.
 */
export function scoreEvaluation(template: Template, values: MetricValues, previous: readonly EvaluationItem[] = []): Scoring {
  const items = template.indicators.map((indicator): EvaluationItem => {
    const { rule } = indicator;
    if (rule.kind === 'manual') {
      const kept = previous.find((p) => p.key === indicator.key);
      return kept ?? { key: indicator.key, value: null, points: 0, evidence: encodeEvidence([{ key: MANUAL_PENDING }]) };
    }
    const { points, steps } = scoreIndicator({ ...indicator, rule }, values);
    return { key: indicator.key, value: values[rule.metric].value, points, evidence: encodeEvidence(steps) };
  });
  return finish(template, items);
}

export type ManualProblem = 'notManual' | 'range' | 'commentRequired';

export class ManualScoreError extends Error {
  constructor(readonly problem: ManualProblem) {
    super(`Manual score refused: ${problem}`);
    this.name = 'ManualScoreError';
  }
}

/** An evaluator's score for a manual indicator, checked against its max and the comment rule. */
export function scoreManual(template: Template, items: readonly EvaluationItem[], key: string, points: number, comment = ''): Scoring {
  const indicator = template.indicators.find((i) => i.key === key);
  if (!indicator || indicator.rule.kind !== 'manual') throw new ManualScoreError('notManual');
  if (!Number.isFinite(points) || points < 0 || points > indicator.max) throw new ManualScoreError('range');
  const text = comment.trim();
  if (needsComment(indicator, points) && !text) throw new ManualScoreError('commentRequired');
  const scored: EvaluationItem = { key, value: null, points, evidence: encodeEvidence([{ key: 'manual.scored', params: { points, max: indicator.max } }]), ...(text ? { comment: text } : {}) };
  return finish(template, items.map((i) => (i.key === key ? scored : i)));
}

/** Manual indicators still to score: an evaluation cannot be finalized while any remain. */
export const pendingItems = (items: readonly EvaluationItem[]) => items.filter(isPending).map((i) => i.key);
