import { reportFigures } from '@core/reports';
import { reportSchema, type Report } from '@core/records';
import type { ReportInput } from '../../store/reports';

export type Issue = { path: PropertyKey[]; message: string };
export type RowValues = Partial<Omit<ReportInput, 'startupId' | 'period'>>;

/** A row as it would be saved: figures left blank count as 0, as on the paper form. */
export function inputOf(startupId: string, period: string, values: RowValues): ReportInput {
  const figures = Object.fromEntries(reportFigures.map((f) => [f, values[f] ?? 0]));
  return { ...figures, highTech: values.highTech ?? false, startupId, period } as ReportInput;
}

/** The schema's own issues (balance checks included), checked as the manager types. */
export function issuesOf(input: ReportInput): Issue[] {
  const result = reportSchema.safeParse({ ...input, id: 'check', updatedAt: new Date(0).toISOString() });
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

export const valuesOf = (report: Report | undefined): RowValues => {
  if (!report) return {};
  const { id: _id, updatedAt: _updatedAt, startupId: _startupId, period: _period, ...values } = report;
  return values;
};
