import type { CarrierNumbers, Figure, NumberKey } from '../kpis/carrierNumbers';

/** The one standard that is a ceiling: more residents per mentor is worse. */
const CEILINGS = new Set<NumberKey>(['residentsPerMentor']);

export interface AssessmentLine {
  key: NumberKey;
  figure: Figure;
  /** How the figure is held against its standard; absent where the rule set names none. */
  comparison?: 'atLeast' | 'atMost';
}

/** The carrier's self-assessment: every number, its standard where there is one, and how many are met. */
export function selfAssessment(numbers: CarrierNumbers): { lines: AssessmentLine[]; assessed: number; met: number } {
  const lines = (Object.entries(numbers.figures) as [NumberKey, Figure][]).map(([key, figure]): AssessmentLine => ({
    key,
    figure,
    ...(figure.threshold === undefined ? {} : { comparison: CEILINGS.has(key) ? 'atMost' : 'atLeast' }),
  }));
  const assessed = lines.filter((l) => l.comparison);
  return { lines, assessed: assessed.length, met: assessed.filter((l) => l.figure.meets).length };
}
