import { addTo } from '@core/grouping';
import type { Evaluation, Indicator, Startup, Template } from '@core/records';
import { pendingItems } from '@core/scoring';
import type { DeskDb } from '../../store/db';
import { historyOf } from '../../store/evaluations';
import { templateById } from '../../store/templates';

export interface RoundRow {
  evaluation: Evaluation;
  /** What a round shows of its startup: a 100,000-resident round holding whole records took 100 MB more. */
  startup: Pick<Startup, 'name' | 'creditCode'> | undefined;
  template: Template;
  /** Competition ranking: equal totals share a rank. */
  rank: number;
  pending: number;
}

export interface RoundData {
  rows: RoundRow[];
  /** Every indicator scored in the round, in template order (a round may mix template versions). */
  indicators: Indicator[];
}

async function templatesOf(db: DeskDb, evaluations: readonly Evaluation[]): Promise<Map<string, Template>> {
  const ids = [...new Set(evaluations.map((e) => e.templateId))];
  const found = await Promise.all(ids.map((id) => templateById(db, id)));
  return new Map(found.filter((t): t is Template => !!t).map((t) => [t.id, t]));
}

/**
 * Evaluations (and their startups) read per step: one read of a 100,000-resident round held the page
 * for seconds, and issuing 1,000 gets at once took 40–80 ms of a task.
 */
const CHUNK = 500;

type Read = Pick<RoundRow, 'evaluation' | 'startup' | 'pending'>;

/**
 * The round's current evaluations (as `roundOf` gives them) with their startups and pending items,
 * read and counted a chunk at a time (counting a 10,000-resident round's pending items at once held
 * the page for 185 ms).
 */
async function roundWithStartups(db: DeskDb, period: string): Promise<Read[]> {
  const ids = await db.evaluations.where('period').equals(period).primaryKeys();
  const out: Read[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const evaluations = (await db.evaluations.bulkGet(ids.slice(i, i + CHUNK))).filter((e): e is Evaluation => !!e && e.status !== 'superseded');
    const startups = await db.startups.bulkGet(evaluations.map((e) => e.startupId));
    evaluations.forEach((evaluation, k) => {
      const s = startups[k];
      out.push({ evaluation, startup: s && { name: s.name, creditCode: s.creditCode }, pending: pendingItems(evaluation.items).length });
    });
  }
  return out;
}

/**
 * A period's round, ranked by total, with each evaluation's startup and template. The rows are grouped
 * by total and only the distinct totals sorted: sorting a 100,000-resident round's rows held the page
 * for hundreds of milliseconds.
 */
export async function loadRound(db: DeskDb, period: string): Promise<RoundData> {
  const round = await roundWithStartups(db, period);
  const templates = await templatesOf(db, round.map((r) => r.evaluation));
  const indicators = new Map<string, Indicator>();
  for (const t of templates.values()) for (const i of t.indicators) if (!indicators.has(i.key)) indicators.set(i.key, i);
  const byTotal = new Map<number, Read[]>();
  for (const read of round) addTo(byTotal, read.evaluation.total, read);
  const rows: RoundRow[] = [];
  // Competition ranking: a rank is one more than the number of evaluations with a higher total.
  let rank = 1;
  for (const total of [...byTotal.keys()].sort((a, b) => b - a)) {
    const tied = byTotal.get(total)!;
    for (const read of tied) {
      const template = templates.get(read.evaluation.templateId);
      if (template) rows.push({ ...read, template, rank });
    }
    rank += tied.length;
  }
  return { rows, indicators: [...indicators.values()] };
}

/** One evaluation with what its screen needs: startup, template version, and the startup's history. */
export async function loadEvaluation(db: DeskDb, id: string) {
  const evaluation = await db.evaluations.get(id);
  if (!evaluation) return null;
  const [startup, template, history] = await Promise.all([db.startups.get(evaluation.startupId), templateById(db, evaluation.templateId), historyOf(db, evaluation.startupId)]);
  return template ? { evaluation, startup, template, history } : null;
}
