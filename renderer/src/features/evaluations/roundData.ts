import { addTo } from '@core/grouping';
import type { Evaluation, Indicator, Startup, Template } from '@core/records';
import { pendingItems } from '@core/scoring';
import type { DeskDb } from '../../store/db';
import { historyOf, roundPage } from '../../store/evaluations';
import { templateById } from '../../store/templates';

/**
 * What a round keeps of each evaluation. Holding 100,000 whole evaluations (every item's evidence) took
 * 275 MB, and collecting that garbage held the page for 150 ms at a time.
 */
export type RoundEntry = Pick<Evaluation, 'id' | 'startupId' | 'total' | 'grade' | 'status'>;

export interface RoundRow {
  evaluation: RoundEntry;
  /** What a round shows of its startup: a 100,000-resident round holding whole records took 100 MB more. */
  startup: Pick<Startup, 'name' | 'creditCode'> | undefined;
  template: Template;
  /** Each indicator's points, in the order of the round's `indicators` (missing where its template has no such indicator). */
  points: (number | undefined)[];
  /** Competition ranking: equal totals share a rank. */
  rank: number;
  pending: number;
}

export interface RoundData {
  rows: RoundRow[];
  /** Every indicator scored in the round, in template order (a round may mix template versions). */
  indicators: Indicator[];
}

/**
 * Evaluations (and their startups) read per step: one read of a 100,000-resident round held the page
 * for seconds, and issuing 1,000 startup gets at once took 40–80 ms of a task.
 */
const CHUNK = 500;

type Read = Omit<RoundRow, 'rank'>;

/** The round's templates and indicators, gathered as the evaluations that use them are read. */
function indicatorsSeen(db: DeskDb) {
  const templates = new Map<string, Template | undefined>();
  const column = new Map<string, number>();
  const indicators: Indicator[] = [];
  return {
    indicators,
    async add(evaluations: readonly Evaluation[]) {
      const ids = [...new Set(evaluations.map((e) => e.templateId))].filter((id) => !templates.has(id));
      const found = await Promise.all(ids.map((id) => templateById(db, id)));
      ids.forEach((id, k) => templates.set(id, found[k]));
      for (const t of found) for (const i of t?.indicators ?? []) if (!column.has(i.key)) column.set(i.key, indicators.push(i) - 1);
    },
    template: (evaluation: Evaluation) => templates.get(evaluation.templateId),
    points(evaluation: Evaluation) {
      const points: (number | undefined)[] = [];
      for (const item of evaluation.items) {
        const k = column.get(item.key);
        if (k !== undefined) points[k] = item.points;
      }
      return points;
    },
  };
}

/**
 * The round's current evaluations (as `roundOf` gives them) with their startups, templates, points and
 * pending items, read a chunk at a time (counting a 10,000-resident round's pending items at once held
 * the page for 185 ms). An evaluation whose template is gone is left out.
 */
async function readRound(db: DeskDb, period: string): Promise<{ reads: Read[]; indicators: Indicator[] }> {
  const seen = indicatorsSeen(db);
  const reads: Read[] = [];
  for (let after: string | undefined, more = true; more; ) {
    const page = await roundPage(db, period, after, CHUNK);
    more = page.length === CHUNK;
    after = page.at(-1)?.id;
    const evaluations = page.filter((e) => e.status !== 'superseded');
    const [startups] = await Promise.all([db.startups.bulkGet(evaluations.map((e) => e.startupId)), seen.add(evaluations)]);
    evaluations.forEach((e, k) => {
      const template = seen.template(e);
      const s = startups[k];
      if (!template) return;
      reads.push({
        evaluation: { id: e.id, startupId: e.startupId, total: e.total, grade: e.grade, status: e.status },
        startup: s && { name: s.name, creditCode: s.creditCode },
        template,
        points: seen.points(e),
        pending: pendingItems(e.items).length,
      });
    });
  }
  return { reads, indicators: seen.indicators };
}

/**
 * A period's round, ranked by total. The rows are grouped by total and only the distinct totals sorted:
 * sorting a 100,000-resident round's rows held the page for hundreds of milliseconds.
 */
export async function loadRound(db: DeskDb, period: string): Promise<RoundData> {
  const { reads, indicators } = await readRound(db, period);
  const byTotal = new Map<number, Read[]>();
  for (const read of reads) addTo(byTotal, read.evaluation.total, read);
  const rows: RoundRow[] = [];
  // Competition ranking: a rank is one more than the number of evaluations with a higher total.
  let rank = 1;
  for (const total of [...byTotal.keys()].sort((a, b) => b - a)) {
    const tied = byTotal.get(total)!;
    for (const read of tied) rows.push({ ...read, rank });
    rank += tied.length;
  }
  return { rows, indicators };
}

/** What a printed sheet needs of one evaluation. */
export type SheetRow = { evaluation: Evaluation } & Pick<RoundRow, 'startup' | 'template'>;

/** The whole evaluations behind a round's rows, in rank order, for printing a sheet each. */
export async function loadSheets(db: DeskDb, rows: readonly RoundRow[]): Promise<SheetRow[]> {
  const evaluations = await db.evaluations.bulkGet(rows.map((r) => r.evaluation.id));
  return rows.flatMap(({ startup, template }, k) => {
    const evaluation = evaluations[k];
    return evaluation ? [{ evaluation, startup, template }] : [];
  });
}

/** One evaluation with what its screen needs: startup, template version, and the startup's history. */
export async function loadEvaluation(db: DeskDb, id: string) {
  const evaluation = await db.evaluations.get(id);
  if (!evaluation) return null;
  const [startup, template, history] = await Promise.all([db.startups.get(evaluation.startupId), templateById(db, evaluation.templateId), historyOf(db, evaluation.startupId)]);
  return template ? { evaluation, startup, template, history } : null;
}
