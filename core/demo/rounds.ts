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

/**
 * The demo's one correction in a finalized round: the 合格 resident closest to the 良好 line had its
 * manual item re-scored on review, as a revision. Undefined when the round has no such resident.
 */
export function demoCorrection(round: readonly DemoScoring[], template: Template = residentTemplate): DemoScoring | undefined {
  const good = template.grades.find((g) => g.grade === 'good')?.min;
  const manual = template.indicators.find((i) => i.rule.kind === 'manual');
  if (good === undefined || !manual) return undefined;
  const nearest = round.filter((e) => e.grade === 'pass').sort((a, b) => b.total - a.total || (a.startupId < b.startupId ? -1 : 1))[0];
  const item = nearest?.items.find((i) => i.key === manual.key);
  if (!nearest || !item || item.points >= manual.max) return undefined;
  const points = Math.min(manual.max, item.points + Math.ceil(good - nearest.total));
  return { startupId: nearest.startupId, ...scoreManual(template, nearest.items, manual.key, points, '复核后更正：补充了场地实际使用和社保缴纳材料。') };
}
