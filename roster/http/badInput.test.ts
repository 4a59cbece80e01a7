import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { send } from '../client';
import { startupRecord } from '../fixtures';
import { backends } from '../testing/backends';
import { lastMutationId, storedRecords } from '../testing/inspect';
import { adminToken, type RunningRoster, startRoster } from '../testing/server';

const clientId = 'desk-bad-0001';
const carrierCode = 'C-BAD';

const upsert = (mutationId: number, record: unknown, extra: Record<string, unknown> = {}) => ({
  mutationId,
  entity: 'startup',
  recordId: 's1',
  op: 'upsert',
  record,
  createdAt: '2026-03-01T08:00:00Z',
  ...extra,
});
const push = (mutations: unknown) => ({ carrierCode, clientId, mutations });

describe.each(backends)('roster refusals on $name', (backend) => {
  let roster: RunningRoster;
  let token: string;
  beforeEach(async () => {
    roster = await startRoster(backend);
    token = await roster.carrier(carrierCode);
  });
  afterEach(async () => {
    // Whatever was thrown at it, the service still answers.
    expect(await send(roster.url, 'GET', '/v1/health')).toEqual({ status: 200, body: { ok: true } });
    await roster.close();
  });

  const refusals: [string, () => [string, string, string | undefined, unknown], number, RegExp][] = [
    ['no token', () => ['POST', '/v1/sync/push', undefined, push([upsert(1, startupRecord('s1', 1))])], 401, /missing bearer token/],
    ['a forged token', () => ['POST', '/v1/sync/push', 'rst_forged', push([upsert(1, startupRecord('s1', 1))])], 401, /unknown or revoked/],
    ['a pull without token', () => ['GET', '/v1/sync/pull', undefined, undefined], 401, /missing bearer token/],
    ['mutations of the wrong type', () => ['POST', '/v1/sync/push', token, push('all of them')], 400, /^mutations: /],
    ['a mutationId as text', () => ['POST', '/v1/sync/push', token, push([upsert(1, {}, { mutationId: '1' })])], 400, /mutations\.0\.mutationId/],
    ['an unknown entity', () => ['POST', '/v1/sync/push', token, push([upsert(1, {}, { entity: 'invoice' })])], 400, /mutations\.0\.entity/],
    ['ids that skip inside a batch', () => ['POST', '/v1/sync/push', token, push([upsert(1, {}), upsert(3, {})])], 400, /count up by one/],
    ['malformed JSON', () => ['POST', '/v1/sync/push', token, '{"carrierCode":'], 400, /JSON/i],
    ['a negative cursor', () => ['GET', '/v1/sync/pull?since=-1', token, undefined], 400, /^since: /],
    ['an unknown route', () => ['GET', '/v1/sync/everything', token, undefined], 404, /no route/],
    ['admin with a carrier token', () => ['POST', '/v1/admin/carriers', token, { code: 'C-NEW', name: 'x' }], 401, /wrong admin token/],
    ['admin with a bad carrier code', () => ['POST', '/v1/admin/carriers', adminToken, { code: '!', name: 'x' }], 400, /^code: /],
    ['verifying an unreported startup', () => ['POST', `/v1/admin/carriers/${carrierCode}/startups/s9/verification`, adminToken, { result: 'verified' }], 404, /has not reported/],
  ];

  it.each(refusals)('refuses %s with a reason and stores nothing', async (_what, request, status, reason) => {
    const reply = await send(roster.url, ...request());
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual({ error: expect.any(String), reason: expect.stringMatching(reason) });
    expect(await storedRecords(roster.store, carrierCode)).toEqual([]);
    expect(await lastMutationId(roster.store, carrierCode, clientId)).toBe(0);
  });

  it('refuses an oversized body with 413', async () => {
    const huge = { ...startupRecord('s1', 1), room: 'x'.repeat(3 * 1024 * 1024) };
    const reply = await send(roster.url, 'POST', '/v1/sync/push', token, push([upsert(1, huge)]));
    expect(reply).toEqual({ status: 413, body: { error: 'payload_too_large', reason: expect.any(String) } });
    expect(await storedRecords(roster.store, carrierCode)).toEqual([]);
  });

  it('rejects a bad credit code with its reason, repeats it on resend, and goes on behind it', async () => {
    const bad = { ...startupRecord('s1', 1), creditCode: '91110108000000001X' };
    const first = await send(roster.url, 'POST', '/v1/sync/push', token, push([upsert(1, bad)]));
    const rejected = { mutationId: 1, status: 'rejected', reason: 'creditCode: v.creditCode.check' };
    expect(first).toEqual({ status: 200, body: { results: [rejected] } });
    expect(await storedRecords(roster.store, carrierCode)).toEqual([]);

    const fixed = upsert(2, startupRecord('s1', 1));
    const again = await send(roster.url, 'POST', '/v1/sync/push', token, push([upsert(1, bad), fixed]));
    expect(again.body).toEqual({ results: [rejected, { mutationId: 2, status: 'applied', version: 1 }] });
    expect(await storedRecords(roster.store, carrierCode)).toHaveLength(1);
  });

  it('rejects a record whose id is not its recordId', async () => {
    const reply = await send(roster.url, 'POST', '/v1/sync/push', token, push([upsert(1, startupRecord('s2', 1))]));
    expect(reply.body).toEqual({ results: [{ mutationId: 1, status: 'rejected', reason: 'id: record id s2 is not recordId s1' }] });
    expect(await storedRecords(roster.store, carrierCode)).toEqual([]);
  });
});
