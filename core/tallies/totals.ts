import { evaluationContribution, reportContribution, sessionContribution, startupContribution, type Contribution, type StartupFacts } from './contributions';
import type { Evaluation, Report, Session } from '../records';

/**
 * Every record's contribution summed at once, with the months' distinct coached startups: what the
 * store's totals hold after the same records were written one by one.
 */
export function totalsOf(input: { startups: readonly StartupFacts[]; sessions: readonly Session[]; reports: readonly Report[]; evaluations: readonly Evaluation[] }) {
  const sums = new Map<string, number>();
  const add = (list: Contribution[]) => {
    for (const [k, n] of list) sums.set(k, (sums.get(k) ?? 0) + n);
  };
  input.startups.forEach((s) => add(startupContribution(s)));
  input.sessions.forEach((s) => add(sessionContribution(s)));
  input.reports.forEach((r) => add(reportContribution(r)));
  input.evaluations.forEach((e) => add(evaluationContribution(e)));
  for (const [k, n] of sums) if (k.startsWith('c|') && n > 0) add([[`m|coached|${k.slice(2, 9)}`, 1]]);
  return [...sums].filter(([, n]) => n !== 0).map(([key, n]) => ({ key, n }));
}
