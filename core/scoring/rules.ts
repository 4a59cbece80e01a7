import type { Indicator, Rule } from '../records';
import { percent, round2, type Step } from './evidence';
import { shareMetrics, type Measured, type MetricValues } from './metrics';

export interface Scored {
  points: number;
  steps: Step[];
}

type AutoRule = Exclude<Rule, { kind: 'manual' }>;
type Band = Extract<Rule, { kind: 'bands' }>['bands'][number];

const shown = (rule: AutoRule, x: number) => (shareMetrics.has(rule.metric) ? percent(x) : x);

const reaches = (value: number, band: Band) => (band.above ? value > band.min : value >= band.min);

function fromBands(rule: Extract<Rule, { kind: 'bands' | 'ratio' }>, value: number | null): Scored {
  if (value === null) {
    const points = rule.whenMissing ?? 0;
    return { points, steps: [{ key: 'rule.missing', params: { points } }] };
  }
  // Highest band first, whatever order the operator typed them in.
  const band = [...rule.bands].sort((a, b) => b.min - a.min || Number(!!b.above) - Number(!!a.above)).find((b) => reaches(value, b));
  if (!band) return { points: 0, steps: [{ key: 'rule.noBand' }] };
  return { points: band.points, steps: [{ key: band.above ? 'rule.bandAbove' : 'rule.band', params: { min: shown(rule, band.min), points: band.points } }] };
}

function withCap(scored: Scored, cap: number | undefined): Scored {
  if (cap === undefined || scored.points <= cap) return scored;
  return { points: cap, steps: [...scored.steps, { key: 'rule.capped', params: { cap } }] };
}

/** An automatic rule applied to its metric's value. */
export function applyRule(rule: AutoRule, { value }: Measured): Scored {
  switch (rule.kind) {
    case 'threshold': {
      if (value === null) return { points: 0, steps: [{ key: 'rule.noValue' }] };
      if (value < rule.min) return { points: 0, steps: [{ key: 'rule.belowMin', params: { min: shown(rule, rule.min) } }] };
      const points = round2(rule.base + (value - rule.min) * rule.perUnit);
      return withCap({ points, steps: [{ key: 'rule.threshold', params: { min: shown(rule, rule.min), base: rule.base, perUnit: rule.perUnit, over: round2(value - rule.min), points } }] }, rule.cap);
    }
    case 'linear': {
      if (value === null) return { points: 0, steps: [{ key: 'rule.noValue' }] };
      // Whole units only, as scoring sheets count them ("每 30 万元计 1 分").
      const units = Math.max(0, Math.floor(value / rule.unit));
      const points = round2(units * rule.pointsPerUnit);
      return withCap({ points, steps: [{ key: 'rule.linear', params: { unit: rule.unit, units, pointsPerUnit: rule.pointsPerUnit, points } }] }, rule.cap);
    }
    case 'bands':
    case 'ratio':
      return fromBands(rule, value);
  }
}

/** An automatic indicator: its rule, its bonus, and never more than its max. */
export function scoreIndicator(indicator: Indicator & { rule: AutoRule }, values: MetricValues): Scored {
  const measured = values[indicator.rule.metric];
  const scored = applyRule(indicator.rule, measured);
  let { points } = scored;
  const steps = [...measured.steps, ...scored.steps];
  const bonus = indicator.bonus;
  if (bonus) {
    const b = values[bonus.metric];
    steps.push(...b.steps);
    const earned = b.value !== null && b.value >= bonus.atLeast;
    steps.push({ key: earned ? 'rule.bonus' : 'rule.noBonus', params: { atLeast: percent(bonus.atLeast), points: bonus.points } });
    if (earned) points = round2(points + bonus.points);
  }
  return withCap({ points, steps }, indicator.max);
}
