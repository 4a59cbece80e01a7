import type { Report, Startup } from '@core/records';
import { residentDuring } from '@core/reports/residents';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { parseRecord, ValidationError, writeInTx, writeTables } from './write';

export type ReportInput = Omit<Report, 'id' | 'updatedAt'>;

/**
 * One report per startup and period, so its id says which: a demo startup's reports carry the demo
 * prefix with it and never reach the outbox.
 */
export const reportId = (startupId: string, period: string) => `${startupId}~${period}`;

/** The report a startup filed for a period keeps its id (demo reports were generated with others). */
const idFor = async (db: DeskDb, input: ReportInput) =>
  (await db.reports.where('[startupId+period]').equals([input.startupId, input.period]).first())?.id ?? reportId(input.startupId, input.period);

export async function saveReport(db: DeskDb, input: ReportInput): Promise<Report> {
  return db.transaction('rw', writeTables(db, 'report'), async () => writeInTx(db, 'report', { ...input, id: await idFor(db, input) }, operatorName()));
}

export interface RowFailure {
  index: number;
  error: ValidationError;
}

/**
 * Saves a whole period's rows (the grid, an import): every valid row is written, in one transaction,
 * and the invalid ones are returned by their index for the screen to mark. One bad row stops none.
 */
export async function saveReports(db: DeskDb, inputs: readonly ReportInput[]): Promise<{ saved: Report[]; failed: RowFailure[] }> {
  const failed: RowFailure[] = [];
  const valid = inputs.filter((input, index) => {
    try {
      parseRecord('report', { ...input, id: 'check', updatedAt: new Date().toISOString() });
      return true;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      failed.push({ index, error });
      return false;
    }
  });
  const saved = await db.transaction('rw', writeTables(db, 'report'), async () => {
    const out: Report[] = [];
    for (const input of valid) out.push(await writeInTx(db, 'report', { ...input, id: await idFor(db, input) }, operatorName()));
    return out;
  });
  return { saved, failed };
}

export const reportsForPeriod = (db: DeskDb, period: string) => db.reports.where('period').equals(period).toArray();

/** Startups in the carrier during the period, by name: the rows of the period's grid and round. */
export async function residentsIn(db: DeskDb, period: string): Promise<Startup[]> {
  return (await db.startups.orderBy('name').toArray()).filter((s) => residentDuring(s, period));
}
