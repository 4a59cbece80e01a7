import { addTo } from '../grouping';
import type { Evaluation, Report, Session, Template } from '../records';
import { residentDuring } from '../reports/residents';
import { computeMetrics, residentTemplate, scoreEvaluation, scoreManual } from '../scoring';
import type { Incubator } from './generate';

export type DemoScoring = Pick<Evaluation, 'startupId' | 'items' | 'total' | 'grade'>;

const byStartup = <T>(rows: readonly T[], keys: (row: T) => readonly string[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) for (const key of keys(row)) addTo(map, key, row);
  return map;
};

/**
 * A round of the demo's residents for a period, as the desk drafts it (core/scoring over their reports
 * and sessions), with the manual items scored as the demo's evaluator scores them.
 */
export function demoRound(demo: Incubator, period: string, template: Template = residentTemplate): DemoScoring[] {
  const reportsOf = byStartup<Report>(demo.reports, (r) => [r.startupId]);
  const sessionsOf = byStartup<Session>(demo.sessions, (s) => s.startupIds);
  const manualOf = byStartup(demo.manualScores, (m) => [m.startupId]);
  return demo.startups
    .filter((s) => residentDuring(s, period))
    .map((s) => {
      let scored = scoreEvaluation(template, computeMetrics({ period, reports: reportsOf.get(s.id) ?? [], sessions: sessionsOf.get(s.id) ?? [] }));
      for (const m of manualOf.get(s.id) ?? []) {
        if (template.indicators.some((i) => i.key === m.key && i.rule.kind === 'manual')) scored = scoreManual(template, scored.items, m.key, m.points, m.comment);
      }
      return { startupId: s.id, ...scored };
    });
}
