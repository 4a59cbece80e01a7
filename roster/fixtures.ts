import { creditCodeCheckChar } from '@core/validators/creditCode';
import type { Mutation } from '@core/sync/protocol';

/** A valid unified social credit code per number: enterprise (91), Beijing Haidian, check char computed. */
export function creditCodeFor(n: number): string {
  const first17 = `91110108${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A startup record that passes core's startupSchema. */
export function startupRecord(id: string, n: number, name = `孵化企业${n}`): Record<string, unknown> {
  return {
    id,
    updatedAt: '2026-03-01T08:00:00Z',
    name,
    entityType: 'enterprise',
    creditCode: creditCodeFor(n),
    industry: 'I',
    field: 'digital',
    stage: 'early',
    admittedOn: '2025-01-01',
    agreementEndsOn: '2027-12-31',
    area: 40,
    feeWaived: false,
    keyProject: false,
    status: 'resident',
  };
}

/** Outbox-shaped upserts of startups, numbered from `firstId`; `recordOf` picks which record each edits. */
export function startupUpserts(firstId: number, count: number, recordOf: (mutationId: number) => string, label = ''): Mutation[] {
  return Array.from({ length: count }, (_, i) => {
    const mutationId = firstId + i;
    const recordId = recordOf(mutationId);
    return {
      mutationId,
      entity: 'startup',
      recordId,
      op: 'upsert',
      record: startupRecord(recordId, mutationId, `${label}企业${recordId}第${mutationId}次`),
      createdAt: '2026-03-01T08:00:00Z',
    };
  });
}

export function inBatches<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
