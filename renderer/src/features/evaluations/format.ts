import type { TFunction } from 'i18next';
import type { Indicator } from '@core/records';
import { decodeEvidence, percent, shareMetrics } from '@core/scoring';

const number = (lang: string, n: number) => n.toLocaleString(lang, { maximumFractionDigits: 2 });

/** The steps that reached an item's points, as one line of text in the reader's language. */
export function evidenceText(t: TFunction, lang: string, evidence: string): string {
  return decodeEvidence(evidence)
    .map((s) => t(`evaluations.evidence.${s.key}`, Object.fromEntries(Object.entries(s.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? number(lang, v) : v]))))
    .join(separator(lang));
}

/** Steps and comments run together in a cell: a full-width semicolon in Chinese. */
export const separator = (lang: string) => (lang.startsWith('zh') ? '；' : '; ');

/** An item's measured value as its metric reads: a share as a percentage, else the number. */
export function valueText(lang: string, indicator: Indicator | undefined, value: number | null): string {
  if (value === null || !indicator || indicator.rule.kind === 'manual') return '—';
  return shareMetrics.has(indicator.rule.metric) ? percent(value) : number(lang, value);
}

export const gradeColor = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' } as const;
export const statusColor = { draft: 'default', finalized: 'success', superseded: 'warning' } as const;
