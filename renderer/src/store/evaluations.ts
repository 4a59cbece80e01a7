import type { Evaluation, Report, Session, Template } from '@core/records';
import { computeMetrics, periodInstants, pendingItems, scoreEvaluation, scoreManual } from '@core/scoring';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { residentsIn } from './reports';
import { sessionsBetween } from './sessions';
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

/** Every evaluation of a startup, revisions included, oldest period first. */
export async function historyOf(db: DeskDb, startupId: string): Promise<Evaluation[]> {
  return (await db.evaluations.where('startupId').equals(startupId).toArray()).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.revision - b.revision));
}

const groupBy = <T>(rows: readonly T[], keys: (row: T) => readonly string[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) for (const key of keys(row)) map.set(key, [...(map.get(key) ?? []), row]);
  return map;
};

/** A macrotask break, so the screen paints and answers clicks between chunks of a large round. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
 * in chunks, each its own transaction with a break between, so a thousand residents never freeze the UI.
 */
export async function runRound(db: DeskDb, period: string, template: Template, onProgress?: (p: RoundProgress) => void, chunk = 100): Promise<RoundOutcome> {
  const stored = await storeTemplate(db, template);
  const { from, to } = periodInstants(period);
  const [startups, reports, sessions, current] = await Promise.all([residentsIn(db, period), db.reports.toArray(), sessionsBetween(db, from, to), roundOf(db, period)]);
  const reportsOf = groupBy<Report>(reports, (r) => [r.startupId]);
  const sessionsOf = groupBy<Session>(sessions, (s) => s.startupIds);
  const existing = new Map(current.map((e) => [e.startupId, e]));
  const outcome: RoundOutcome = { drafted: 0, unchanged: 0, finalized: 0 };
  for (let i = 0; i < startups.length; i += chunk) {
    // The chunk's drafts go in one bulk write: awaiting a put, an audit and an outbox entry per startup
    // took about 8 ms each (a 100,000-resident round would run for a quarter of an hour).
    const drafts: Omit<Evaluation, 'updatedAt'>[] = [];
    for (const startup of startups.slice(i, i + chunk)) {
      const before = existing.get(startup.id);
      if (before?.status === 'finalized') {
        outcome.finalized++;
        continue;
      }
      const values = computeMetrics({ period, reports: reportsOf.get(startup.id) ?? [], sessions: sessionsOf.get(startup.id) ?? [] });
      const scored = scoreEvaluation(stored, values, before?.templateId === stored.id ? before.items : []);
      if (before?.templateId === stored.id && JSON.stringify(before.items) === JSON.stringify(scored.items)) {
        outcome.unchanged++;
        continue;
      }
      const revision = before?.revision ?? 1;
      const draft: Omit<Evaluation, 'updatedAt'> = {
        ...before,
        id: before?.id ?? evaluationId(startup.id, period, revision),
        startupId: startup.id,
        period,
        templateId: stored.id,
        templateVersion: stored.version,
        revision,
        ...scored,
        status: 'draft',
      };
      drafts.push(draft);
    }
    if (drafts.length > 0) await db.transaction('rw', writeTables(db, 'evaluation'), () => writeManyInTx(db, 'evaluation', drafts, operatorName()));
    outcome.drafted += drafts.length;
    onProgress?.({ done: Math.min(i + chunk, startups.length), total: startups.length });
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

/** Finalizes every draft of the round that has all its manual items scored; the rest stay drafts. */
export async function finalizeRound(db: DeskDb, period: string): Promise<{ finalized: number; pending: number }> {
  const drafts = (await roundOf(db, period)).filter((e) => e.status === 'draft');
  const ready = drafts.filter((e) => pendingItems(e.items).length === 0);
  await db.transaction('rw', writeTables(db, 'evaluation'), async () => {
    for (const e of ready) await finalizeInTx(db, e);
  });
  return { finalized: ready.length, pending: drafts.length - ready.length };
}

/**
 * Corrects a finalized evaluation: the old one stays, marked superseded, and a new revision starts
 * as a draft with the same scores for the evaluator to change and finalize.
 */
export async function correctEvaluation(db: DeskDb, id: string): Promise<Evaluation> {
  return db.transaction('rw', writeTables(db, 'evaluation'), async () => {
    const old = await db.evaluations.get(id);
    if (!old) throw new EvaluationRefused('missing');
    if (old.status !== 'finalized') throw new EvaluationRefused('notFinalized');
    await writeInTx(db, 'evaluation', { ...old, status: 'superseded' }, operatorName());
    const revision = old.revision + 1;
    const { finalizedAt: _finalizedAt, ...kept } = old;
    return writeInTx(db, 'evaluation', { ...kept, id: evaluationId(old.startupId, old.period, revision), revision, status: 'draft' }, operatorName());
  });
}
