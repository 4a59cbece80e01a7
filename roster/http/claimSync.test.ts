import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimSchema, type Claim } from '@core/records';
import type { OutboxEntry } from '@core/sync/protocol';
import { syncClient } from '../client';
import { backends } from '../testing/backends';
import { lastMutationId, storedRecords } from '../testing/inspect';
import { type RunningRoster, startRoster } from '../testing/server';

const clientId = 'desk-claim-0001';
const carrierCode = 'C-CLAIM';
const at = '2026-11-20T08:00:00.000Z';

/** A granted 一次性创业补贴, as the desk's claims repository saves it (cap, qualified and rule set fixed). */
const granted: Claim = claimSchema.parse({
  id: 'claim-1',
  updatedAt: at,
  support: 'startupSubsidy',
  startupId: 's1',
  amountAsked: 5000,
  cap: 5000,
  documents: ['idCard', 'license', 'keyGroupProof', 'operatingProof', 'bankAccount'],
  state: 'granted',
  submittedOn: '2026-10-08',
  decidedOn: '2026-11-06',
  amountGranted: 5000,
  qualified: true,
  rulesVersion: 1,
});

/** The outbox entry the desk writes with the record (store/write.ts), and the mutation its sync engine sends of it. */
const entry = (mutationId: number, record: Record<string, unknown>): OutboxEntry => ({ clientId, mutationId, entity: 'claim', recordId: String(record.id), op: 'upsert', record, createdAt: at });
const sent = ({ clientId: _client, seq: _seq, ...mutation }: OutboxEntry) => mutation;

describe.each(backends)('claims synced to the roster on $name', (backend) => {
  let roster: RunningRoster;
  let desk: ReturnType<typeof syncClient>;
  beforeEach(async () => {
    roster = await startRoster(backend);
    desk = syncClient(roster.url, await roster.carrier(carrierCode));
  });
  afterEach(() => roster.close());

  it('applies a claim pushed from the outbox and holds it as the desk wrote it; its payment is a new version', async () => {
    const reply = await desk.push({ carrierCode, clientId, mutations: [entry(1, granted)].map(sent) });
    expect(reply.results).toEqual([{ mutationId: 1, status: 'applied', version: 1 }]);
    const paid = { ...granted, state: 'paid', paidOn: '2026-11-20' };
    const second = await desk.push({ carrierCode, clientId, mutations: [entry(2, paid)].map(sent) });
    expect(second.results).toEqual([{ mutationId: 2, status: 'applied', version: 2 }]);
    const stored = await storedRecords(roster.store, carrierCode);
    expect(stored.map(({ entity, record_id, data, version }) => ({ entity, record_id, data, version }))).toEqual([{ entity: 'claim', record_id: 'claim-1', data: paid, version: 2 }]);
    expect(stored[0]!.deleted).toBeFalsy();
    expect(await lastMutationId(roster.store, carrierCode, clientId)).toBe(2);
  });

  it('rejects a claim decided before it was submitted, or asking above its cap, with the reason, and goes on behind it', async () => {
    const backwards = { ...granted, id: 'claim-2', decidedOn: '2026-10-01' };
    const aboveCap = { ...granted, id: 'claim-3', amountAsked: 8000, amountGranted: 8000 };
    const reply = await desk.push({ carrierCode, clientId, mutations: [entry(1, backwards), entry(2, aboveCap), entry(3, granted)].map(sent) });
    expect(reply.results).toEqual([
      { mutationId: 1, status: 'rejected', reason: 'decidedOn: v.claim.decidedBeforeSubmitted' },
      { mutationId: 2, status: 'rejected', reason: 'amountAsked: v.claim.aboveCap' },
      { mutationId: 3, status: 'applied', version: 1 },
    ]);
    expect((await storedRecords(roster.store, carrierCode)).map((r) => r.record_id)).toEqual(['claim-1']);
  });
});
