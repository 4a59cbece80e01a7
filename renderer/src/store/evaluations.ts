import { addTo } from '@core/grouping';
import Dexie, { type EntityTable } from 'dexie';
import type { Evaluation, Report, Session, Template } from '@core/records';
import type { Conflict } from '@core/sync/protocol';
import { residentDuring } from '@core/reports/residents';
import { computeMetrics, periodInstants, pendingItems, scoreEvaluation, scoreManual } from '@core/scoring';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { sessionsAcross } from './sessions';
import { storeTemplate, templateById } from './templates';
import { writeInTx, writeManyInTx, writeTables } from './write';

/** One evaluation per startup, period and revision; a demo startup's carry the demo prefix with it. */
export const evaluationId = (startupId: string, period: string, revision: number) => `${startupId}~${period}~${revision}`;

/** Why an evaluation cannot change: finalized ones are read-only; a draft with unscored items cannot be finalized. */
export class EvaluationRefused extends Error {
  constructor(
    readonly reason: 'locked' | 'notFinalized' | 'pending' | 'missing',
    readonly pending: string[] = [],
  ) {
    super(`Evaluation refused: ${reason}`);
    this.name = 'EvaluationRefused';
  }
}

/** The round of a period: each startup's current evaluation (superseded revisions left out). */
export async function roundOf(db: DeskDb, period: string): Promise<Evaluation[]> {
  return (await db.evaluations.where('period').equals(period).toArray()).filter((e) => e.status !== 'superseded');
}

/**
 * The period's evaluations (every revision) after the one with id `after`, in id order, at most
 * `limit`: a round read a page at a time. Reading a 100,000-resident round's keys at once held the
 * page for 141 ms.
 */
export const roundPage = (db: DeskDb, period: string, after: string | undefined, limit: number): Promise<Evaluation[]> =>
  db.evaluations
    .where('[period+id]')
    .between([period, after ?? Dexie.minKey], [period, Dexie.maxKey], after === undefined, true)
    .limit(limit)
    .toArray();

/** Every evaluation of a startup, revisions included, oldest period first. */
export async function historyOf(db: DeskDb, startupId: string): Promise<Evaluation[]> {
  return (await db.evaluations.where('startupId').equals(startupId).toArray()).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.revision - b.revision));
}

const groupBy = <T>(rows: readonly T[], keys: (row: T) => readonly string[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) for (const key of keys(row)) addTo(map, key, row);
  return map;
};

/** A macrotask break, so the screen paints and answers clicks between chunks of a large round. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Startups read per request while the round looks for the period's residents. */
const STARTUP_PAGE = 2000;

/**
 * The ids of the period's residents, read a page of startups at a time by primary key: only the ids are
 * kept, so a desk of 100,000 startups is never in memory at once.
 */
async function residentIds(db: DeskDb, period: string): Promise<string[]> {
  const ids: string[] = [];
  for (let last: string | undefined; ; ) {
    const page = await (last === undefined ? db.startups.orderBy(':id') : db.startups.where(':id').above(last)).limit(STARTUP_PAGE).toArray();
    for (const s of page) if (residentDuring(s, period)) ids.push(s.id);
    if (page.length < STARTUP_PAGE) return ids;
    last = page.at(-1)!.id;
  }
}

/**
 * Residents per chunk of a round: a chunk's drafts are validated and handed to IndexedDB in one task
 * (each draft, its audit entry and its outbox entry serialised there). 250 made tasks of 100–150 ms on
 * two busy cores; 100 stay under 100 ms, for a commit per 100 residents.
 */
const ROUND_CHUNK = 100;

export interface RoundProgress {
  done: number;
  total: number;
}

export interface RoundOutcome {
  drafted: number;
  unchanged: number;
  /** Finalized evaluations are left as they are; a correction is the way to change one. */
  finalized: number;
}

/**
 * Runs a round: every resident of the period gets a draft scored from its reports and sessions.
 * Drafts already there are refreshed (manual scores kept when the template is the same). The work goes
 * in chunks of residents, each its own transaction that reads the chunk's reports and evaluations,
 * scores them and writes the drafts, with a break between chunks: neither the screen nor memory ever
 * holds the whole desk. A round stopped part way (the window closed, the disk full) keeps the chunks
 * it wrote; running it again finds those drafts unchanged and carries on, so nothing is doubled.
 */
export async function runRound(db: DeskDb, period: string, template: Template, onProgress?: (p: RoundProgress) => void, chunk = ROUND_CHUNK): Promise<RoundOutcome> {
  const stored = await storeTemplate(db, template);
  const { from, to } = periodInstants(period);
  const [startupIds, sessions] = await Promise.all([residentIds(db, period), sessionsAcross(db, from, to)]);
  const sessionsOf = groupBy<Session>(sessions, (s) => s.startupIds);
  const outcome: RoundOutcome = { drafted: 0, unchanged: 0, finalized: 0 };
  for (let i = 0; i < startupIds.length; i += chunk) {
    const ids = startupIds.slice(i, i + chunk);
    const inChunk = new Set(ids);
    // The ids ascend, so the chunk's reports and evaluations are one index range each: one request
    // (a Dexie filter or `anyOf` would walk a cursor, a round trip per record). Startups in the range
    // that are not residents (exited, voided) are read too, and left out here.
    const range = async <T extends { id: string; startupId: string }>(table: EntityTable<T, 'id'>) =>
      (await table.where('startupId').between(ids[0]!, ids.at(-1)!, true, true).toArray()).filter((r) => inChunk.has(r.startupId));
    // Read and written in one transaction, so a draft finalized meanwhile is never overwritten.
    await db.transaction('rw', [db.reports, ...writeTables(db, 'evaluation')], async () => {
      const [reports, evaluations] = await Promise.all([range<Report>(db.reports), range<Evaluation>(db.evaluations)]);
      const reportsOf = groupBy<Report>(reports, (r) => [r.startupId]);
      const existing = new Map(evaluations.filter((e) => e.period === period && e.status !== 'superseded').map((e) => [e.startupId, e]));
      // The chunk's drafts go in one bulk write: awaiting a put, an audit and an outbox entry per startup
      // took about 8 ms each (a 100,000-resident round would run for a quarter of an hour).
      const drafts: Omit<Evaluation, 'updatedAt'>[] = [];
      for (const startupId of ids) {
        const before = existing.get(startupId);
        if (before?.status === 'finalized') {
          outcome.finalized++;
          continue;
        }
        const values = computeMetrics({ period, reports: reportsOf.get(startupId) ?? [], sessions: sessionsOf.get(startupId) ?? [] });
        const scored = scoreEvaluation(stored, values, before?.templateId === stored.id ? before.items : []);
        if (before?.templateId === stored.id && JSON.stringify(before.items) === JSON.stringify(scored.items)) {
          outcome.unchanged++;
          continue;
        }
        const revision = before?.revision ?? 1;
        drafts.push({
          ...before,
          id: before?.id ?? evaluationId(startupId, period, revision),
          startupId,
          period,
          templateId: stored.id,
          templateVersion: stored.version,
          revision,
          ...scored,
          status: 'draft',
        });
      }
      if (drafts.length > 0) await writeManyInTx(db, 'evaluation', drafts, operatorName());
      outcome.drafted += drafts.length;
    });
    onProgress?.({ done: i + ids.length, total: startupIds.length });
    await yieldToUi();
  }
  return outcome;
}

async function draftOf(db: DeskDb, id: string): Promise<Evaluation> {
  const evaluation = await db.evaluations.get(id);
  if (!evaluation) throw new EvaluationRefused('missing');
  if (evaluation.status !== 'draft') throw new EvaluationRefused('locked');
  return evaluation;
}

async function templateOf(db: DeskDb, evaluation: Evaluation): Promise<Template> {
  const template = await templateById(db, evaluation.templateId);
  if (!template) throw new EvaluationRefused('missing');
  return template;
}

/** The evaluator's points (and comment) for a manual indicator; the total and grade follow from core. */
export async function scoreManualItem(db: DeskDb, id: string, key: string, points: number, comment?: string): Promise<Evaluation> {
  return db.transaction('rw', [db.templates, ...writeTables(db, 'evaluation')], async () => {
    const evaluation = await draftOf(db, id);
    const scored = scoreManual(await templateOf(db, evaluation), evaluation.items, key, points, comment);
    return writeInTx(db, 'evaluation', { ...evaluation, ...scored }, operatorName());
  });
}

export async function setEvaluationComment(db: DeskDb, id: string, comment: string): Promise<Evaluation> {
  return db.transaction('rw', writeTables(db, 'evaluation'), async () => writeInTx(db, 'evaluation', { ...(await draftOf(db, id)), comment }, operatorName()));
}

async function finalizeInTx(db: DeskDb, evaluation: Evaluation): Promise<Evaluation> {
  const pending = pendingItems(evaluation.items);
  if (pending.length) throw new EvaluationRefused('pending', pending);
  return writeInTx(db, 'evaluation', { ...evaluation, status: 'finalized', finalizedAt: new Date().toISOString(), evaluator: operatorName() }, operatorName());
}

/** Locks an evaluation: from now on it is read-only, and only a correction (a new revision) changes it. */
export async function finalizeEvaluation(db: DeskDb, id: string): Promise<Evaluation> {
  return db.transaction('rw', writeTables(db, 'evaluation'), async () => finalizeInTx(db, await draftOf(db, id)));
}

/**
 * Finalizes every draft of the round that has all its manual items scored; the rest stay drafts. The
 * round goes in chunks, each read and finalized in one transaction (a draft scored or finalized
 * meanwhile is judged as it now is): stopped part way, the chunks done stay final and running it again
 * finalizes the rest.
 */
export async function finalizeRound(db: DeskDb, period: string, chunk = ROUND_CHUNK): Promise<{ finalized: number; pending: number }> {
  const tally = { finalized: 0, pending: 0 };
  for (let after: string | undefined, more = true; more; ) {
    await db.transaction('rw', writeTables(db, 'evaluation'), async () => {
      const page = await roundPage(db, period, after, chunk);
      more = page.length === chunk;
      after = page.at(-1)?.id;
      const drafts = page.filter((e) => e.status === 'draft');
      const ready = drafts.filter((e) => pendingItems(e.items).length === 0);
      const at = new Date().toISOString();
      if (ready.length > 0) await writeManyInTx(db, 'evaluation', ready.map((e) => ({ ...e, status: 'finalized', finalizedAt: at, evaluator: operatorName() })), operatorName());
      tally.finalized += ready.length;
      tally.pending += drafts.length - ready.length;
    });
    await yieldToUi();
  }
  return tally;
}

/**
 * Corrects a finalized evaluation: the old one stays, marked superseded, and a new revision starts
 * as a draft with the same scores for the evaluator to change and finalize.
 */
export async function correctEvaluation(db: DeskDb, id: string, fromConflict?: Pick<Conflict, 'id' | 'field' | 'lost'>): Promise<Evaluation> {
  return db.transaction('rw', writeTables(db, 'evaluation'), async () => {
    const old = await db.evaluations.get(id);
    if (!old) throw new EvaluationRefused('missing');
    if (old.status !== 'finalized') throw new EvaluationRefused('notFinalized');
    // A correction another desk made concurrently (kept as a conflict, since a finalized evaluation is
    // never merged) becomes the new revision's value; superseding settles the conflict.
    await writeManyInTx(db, 'evaluation', [{ ...old, status: 'superseded' }], operatorName(), { resolves: fromConflict && [fromConflict.id] });
    const revision = old.revision + 1;
    const { finalizedAt: _finalizedAt, ...kept } = old;
    const corrected = fromConflict ? { ...kept, [fromConflict.field]: fromConflict.lost } : kept;
    return writeInTx(db, 'evaluation', { ...corrected, id: evaluationId(old.startupId, old.period, revision), revision, status: 'draft' }, operatorName());
  });
}
