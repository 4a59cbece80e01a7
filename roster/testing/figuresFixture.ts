import { anEvaluation, aReport } from '@core/testing/records';
import type { Evaluation, Report, Startup } from '@core/records';
import type { Mutation } from '@core/sync/protocol';
import { startupRecord } from '../fixtures';

/**
 * Two desks' records for the console's figures, with every case the definitions tell apart: a success and
 * a failed exit, an agreement that ended with its startup gone and one with it still there, a voided
 * admission, two quarters of reports (the later one counts), finalized and draft evaluations.
 */
const startup = (id: string, n: number, over: Partial<Startup>): Startup => ({ ...(startupRecord(id, n, `甲基地企业${n}`) as Startup), ...over });

export const figuresCarrierA = {
  startups: [
    startup('s1', 101, { admittedOn: '2026-02-10', agreementEndsOn: '2028-02-09' }),
    startup('s2', 102, { admittedOn: '2024-03-01', agreementEndsOn: '2026-08-31', status: 'exited', exitKind: 'graduated', exitedOn: '2026-05-20' }),
    startup('s3', 103, { admittedOn: '2025-09-01', agreementEndsOn: '2027-08-31', status: 'exited', exitKind: 'evicted', exitedOn: '2026-04-15' }),
    startup('s4', 104, { admittedOn: '2023-07-01', agreementEndsOn: '2026-06-30' }),
    startup('s5', 105, { admittedOn: '2026-03-01', voidedAt: '2026-03-02T08:00:00.000Z', voidedReason: '录入错误' }),
  ],
  reports: [aReport('s1', '2026Q1', { employees: 5 }), aReport('s1', '2026Q2', { employees: 7 }), aReport('s4', '2026Q2', { employees: 10 })] as Report[],
  evaluations: [
    anEvaluation('s1', '2026', 'good', { id: 'e1', status: 'finalized' }),
    anEvaluation('s4', '2026', 'pass', { id: 'e4', status: 'finalized' }),
    anEvaluation('s2', '2026H1', 'excellent', { id: 'e2', status: 'draft' }),
  ] as Evaluation[],
};

export const figuresCarrierB = {
  startups: [startup('b1', 201, { admittedOn: '2026-11-02', agreementEndsOn: '2028-11-01', name: '乙基地企业201' })],
  reports: [] as Report[],
  evaluations: [] as Evaluation[],
};

/** A desk's records as the mutations it pushes. */
export function figuresMutations(records: typeof figuresCarrierA): Mutation[] {
  const all = [
    ...records.startups.map((r) => ['startup', r] as const),
    ...records.reports.map((r) => ['report', r] as const),
    ...records.evaluations.map((r) => ['evaluation', r] as const),
  ];
  return all.map(([entity, record], i) => ({ mutationId: i + 1, entity, recordId: record.id, op: 'upsert', record, createdAt: '2026-12-01T08:00:00Z' }));
}
