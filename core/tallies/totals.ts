import { coachedMonth, evaluationContribution, isCoachedKey, mentorContribution, reportContribution, sessionContribution, startupContribution, type Contribution, type StartupFacts } from './contributions';
import type { Evaluation, Mentor, Report, Session } from '../records';

/** Adds to summed contributions each month's count of distinct coached startups (in place). */
export function addCoachedMonths(sums: Map<string, number>) {
  const months = new Map<string, number>();
  for (const [k, n] of sums) if (isCoachedKey(k) && n > 0) months.set(coachedMonth(k), (months.get(coachedMonth(k)) ?? 0) + 1);
  for (const [k, n] of months) sums.set(k, (sums.get(k) ?? 0) + n);
  return sums;
}

/** Summed contributions as stored rows, with each month's count of distinct coached startups added. */
export function tallyRows(sums: Map<string, number>) {
  return [...addCoachedMonths(new Map(sums))].filter(([, n]) => n !== 0).map(([key, n]) => ({ key, n }));
}

/** Every record's contribution summed at once: what the store's totals hold after the same records were written one by one. */
export function totalsOf(input: { startups: readonly StartupFacts[]; sessions: readonly Session[]; reports: readonly Report[]; evaluations: readonly Evaluation[]; mentors: readonly Mentor[] }) {
  const sums = new Map<string, number>();
  const add = (list: Contribution[]) => {
    for (const [k, n] of list) sums.set(k, (sums.get(k) ?? 0) + n);
  };
  input.startups.forEach((s) => add(startupContribution(s)));
  input.sessions.forEach((s) => add(sessionContribution(s)));
  input.reports.forEach((r) => add(reportContribution(r)));
  input.evaluations.forEach((e) => add(evaluationContribution(e)));
  input.mentors.forEach((m) => add(mentorContribution(m)));
  return tallyRows(sums);
}
