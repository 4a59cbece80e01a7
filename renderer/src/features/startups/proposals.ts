import type { CompletableField, Startup } from '@core/records';

type Values = Partial<Pick<Startup, CompletableField>>;

/**
 * The values the desk proposed that the edit form still leaves as proposals: those the manager neither
 * confirmed nor changed. Saving the form keeps only these in `proposed`.
 */
export const remainingProposals = (stored: (Values & Pick<Startup, 'proposed'>) | undefined, values: Values | undefined, confirmed: readonly CompletableField[]): CompletableField[] =>
  (stored?.proposed ?? []).filter((field) => !confirmed.includes(field) && values?.[field] === stored?.[field]);
