import { afterEach, describe, expect, it } from 'vitest';
import { aFounder } from '@core/testing/records';
import { defaultRuleSet } from '@core/records';
import type { Mutation } from '@core/sync/protocol';
import { idNumberCheckChar, maskIdNumber } from '@core/validators/idNumber';
import { send, syncClient } from '../client';
import { startupRecord } from '../fixtures';
import { backends } from '../testing/backends';
import { adminToken, type RunningRoster, startRoster } from '../testing/server';

const X = '11010519491231002X';
const Y = `11010519900101001${idNumberCheckChar('11010519900101001')}`;

let nextId = new Map<string, number>();
function mutation(carrier: string, entity: string, record: Record<string, unknown>, op: 'upsert' | 'delete' = 'upsert'): Mutation {
  const mutationId = (nextId.get(carrier) ?? 0) + 1;
  nextId.set(carrier, mutationId);
  return { mutationId, entity, recordId: String(record.id), op, record, createdAt: '2026-03-01T08:00:00Z' };
}
const startup = (carrier: string, id: string, codeNumber: number, over: Record<string, unknown> = {}) =>
  mutation(carrier, 'startup', { ...startupRecord(id, codeNumber, `${carrier}的${id}`), ...over });
const founder = (carrier: string, id: string, startupId: string, idNumber: string) =>
  mutation(carrier, 'founder', { ...aFounder(id, startupId, { idNumber }), name: `${carrier}创始人${id}` });
const carrierRecord = (carrier: string, regionCode: string) =>
  mutation(carrier, 'carrier', {
    id: 'carrier', updatedAt: '2026-03-01T08:00:00Z', name: `载体 ${carrier}`, line: 'hrss', type: 'startupBase', level: 'city',
    regionCode, address: '创业大道 1 号', area: 1000, seats: 100, rules: defaultRuleSet,
  });
const codeOf = (n: number) => String(startupRecord('x', n).creditCode);

describe.each(backends)('cross-carrier findings on $name', (backend) => {
  let roster: RunningRoster;
  afterEach(() => roster.close());

  it('tells the authority of a credit code resident at two carriers and a founder at several, and neither carrier', async () => {
    roster = await startRoster(backend);
    nextId = new Map();
    const desks = Object.fromEntries(await Promise.all(['C-A', 'C-B', 'C-C'].map(async (code) => [code, syncClient(roster.url, await roster.carrier(code))] as const)));
    const push = (carrier: string, mutations: Mutation[]) => desks[carrier]!.push({ carrierCode: carrier, clientId: `desk-${carrier}-0001`, mutations });
    const admin = (path: string) => send(roster.url, 'GET', `/v1/admin${path}`, adminToken);

    await push('C-A', [carrierRecord('C-A', '330185'), startup('C-A', 's1', 1), startup('C-A', 's2', 2), founder('C-A', 'f1', 's1', X), founder('C-A', 'f2', 's2', Y)]);
    // B: the same code as A's s1 (resident at both: a finding), A's s2's code on one that has left (not one).
    const pushedB = await push('C-B', [carrierRecord('C-B', '330102'), startup('C-B', 'b1', 1), startup('C-B', 'b2', 2, { status: 'exited', exitKind: 'graduated', exitedOn: '2026-02-01' }), founder('C-B', 'g1', 'b1', X)]);
    await push('C-C', [carrierRecord('C-C', '110108'), startup('C-C', 'c1', 3), founder('C-C', 'h1', 'c1', X), founder('C-C', 'h2', 'c1', Y)]);

    expect((await admin('/findings?kind=creditCode')).body).toEqual({
      findings: [{ creditCode: codeOf(1), holders: [{ carrierCode: 'C-A', startupId: 's1', name: 'C-A的s1' }, { carrierCode: 'C-B', startupId: 'b1', name: 'C-B的b1' }] }],
    });
    // X (at A, B and C) sorts before Y (at A and C); numbers are masked, and a page's cursor names a record, not a number.
    const first = await admin('/findings?kind=founder&limit=1');
    expect(first.body).toEqual({
      findings: [{ idNumber: maskIdNumber(X), founders: [
        { carrierCode: 'C-A', founderId: 'f1', startupId: 's1', name: 'C-A创始人f1' },
        { carrierCode: 'C-B', founderId: 'g1', startupId: 'b1', name: 'C-B创始人g1' },
        { carrierCode: 'C-C', founderId: 'h1', startupId: 'c1', name: 'C-C创始人h1' },
      ] }],
      next: 'C-A/f1',
    });
    expect(JSON.stringify(first.body)).not.toContain(X);
    expect((await admin('/findings?kind=founder&limit=1&after=C-A/f1')).body).toEqual({
      findings: [{ idNumber: maskIdNumber(Y), founders: [
        { carrierCode: 'C-A', founderId: 'f2', startupId: 's2', name: 'C-A创始人f2' },
        { carrierCode: 'C-C', founderId: 'h2', startupId: 'c1', name: 'C-C创始人h2' },
      ] }],
    });

    // Kept in step with what desks push: B's startup back in residence is a finding; A's deleted s1 ends one.
    await push('C-B', [startup('C-B', 'b2', 2)]);
    const deleted = await push('C-A', [{ ...mutation('C-A', 'startup', { id: 's1' }, 'delete'), record: null }]);
    expect(deleted.results.map((r) => r.status)).toEqual(['applied']);
    expect((await admin('/findings?kind=creditCode')).body).toEqual({
      findings: [{ creditCode: codeOf(2), holders: [{ carrierCode: 'C-A', startupId: 's2', name: 'C-A的s2' }, { carrierCode: 'C-B', startupId: 'b2', name: 'C-B的b2' }] }],
    });

    // Nothing of it reaches a carrier: B's answers are what any push and pull would be, naming B's own records only.
    expect(pushedB.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(pushedB.results.every((r) => Object.keys(r).sort().join() === 'mutationId,status,version')).toBe(true);
    const pulled = await desks['C-B']!.pull(0);
    expect(pulled.changes.map(({ seq: _seq, ...c }) => c)).toEqual([
      { kind: 'carrierStatus', rosterCode: 'C-B', status: 'listed' },
      { kind: 'rosterId', startupId: 'b1', rosterId: 'RS00000001' },
      { kind: 'rosterId', startupId: 'b2', rosterId: 'RS00000002' },
    ]);
    expect(JSON.stringify([pushedB, pulled])).not.toMatch(/C-A|C-C|s1|c1/);

    // A carrier's token does not open the admin API, and a question asked wrong is refused with its reason.
    const tokenOfB = await roster.carrier('C-D');
    expect((await send(roster.url, 'GET', '/v1/admin/findings?kind=creditCode', tokenOfB)).status).toBe(401);
    expect(await admin('/findings')).toEqual({ status: 400, body: { error: 'bad_request', reason: 'kind: kind: creditCode or founder' } });
    expect(await admin('/findings?kind=founder&after=C-A/nobody')).toEqual({
      status: 400,
      body: { error: 'bad_request', reason: 'after: C-A/nobody is not a cursor this query returned (carrierCode/recordId)' },
    });
  });

  it('looks a credit code up across the country and counts residents per carrier and per region', async () => {
    roster = await startRoster(backend);
    nextId = new Map();
    const desks = Object.fromEntries(await Promise.all(['C-A', 'C-B', 'C-C'].map(async (code) => [code, syncClient(roster.url, await roster.carrier(code))] as const)));
    const push = (carrier: string, mutations: Mutation[]) => desks[carrier]!.push({ carrierCode: carrier, clientId: `desk-${carrier}-0001`, mutations });
    const admin = (path: string) => send(roster.url, 'GET', `/v1/admin${path}`, adminToken);
    await push('C-A', [carrierRecord('C-A', '330185'), startup('C-A', 's1', 1), startup('C-A', 's2', 2), startup('C-A', 's3', 3, { voidedReason: '误录', voidedAt: '2026-03-02T08:00:00Z' })]);
    await push('C-B', [carrierRecord('C-B', '330102'), startup('C-B', 'b1', 1, { status: 'exited', exitKind: 'graduated', exitedOn: '2026-02-01' }), startup('C-B', 'b2', 4)]);
    await push('C-C', [carrierRecord('C-C', '110108'), startup('C-C', 'c1', 5)]);

    expect((await admin(`/startups?creditCode=${codeOf(1).toLowerCase()}`)).body).toEqual({
      creditCode: codeOf(1),
      holders: [
        { carrierCode: 'C-A', startupId: 's1', name: 'C-A的s1', resident: true },
        { carrierCode: 'C-B', startupId: 'b1', name: 'C-B的b1', resident: false },
      ],
    });
    expect(await admin('/startups?creditCode=91110108000000001X')).toEqual({ status: 400, body: { error: 'bad_request', reason: 'creditCode: v.creditCode.check' } });

    // Voided and exited startups are not resident.
    expect((await admin('/carriers/C-A/counts')).body).toEqual({ carrierCode: 'C-A', residentStartups: 2 });
    expect((await admin('/regions/33/counts')).body).toEqual({
      region: '33',
      residentStartups: 3,
      carriers: [{ carrierCode: 'C-A', regionCode: '330185', residentStartups: 2 }, { carrierCode: 'C-B', regionCode: '330102', residentStartups: 1 }],
    });
    // The counts follow every write: b1 back in residence, s2 voided, one deleted.
    await push('C-B', [startup('C-B', 'b1', 1)]);
    await push('C-A', [startup('C-A', 's2', 2, { voidedReason: '误录', voidedAt: '2026-03-02T08:00:00Z' })]);
    await push('C-C', [{ ...mutation('C-C', 'startup', { id: 'c1' }, 'delete'), record: null }]);
    expect((await admin('/carriers/C-B/counts')).body).toEqual({ carrierCode: 'C-B', residentStartups: 2 });
    expect((await admin('/carriers/C-A/counts')).body).toEqual({ carrierCode: 'C-A', residentStartups: 1 });
    expect((await admin('/carriers/C-C/counts')).body).toEqual({ carrierCode: 'C-C', residentStartups: 0 });
    expect((await admin('/regions/33/counts')).body).toMatchObject({ residentStartups: 3 });
    await push('C-B', [startup('C-B', 'b1', 1, { status: 'exited', exitKind: 'graduated', exitedOn: '2026-02-01' })]);
    expect((await admin('/regions/330102/counts')).body).toMatchObject({ residentStartups: 1, carriers: [{ carrierCode: 'C-B' }] });
    expect((await admin('/regions/11/counts')).body).toMatchObject({ residentStartups: 0, carriers: [{ carrierCode: 'C-C' }] });
    expect((await admin('/regions/99/counts')).body).toEqual({ region: '99', residentStartups: 0, carriers: [] });
    expect(await admin('/regions/3/counts')).toEqual({ status: 400, body: { error: 'bad_request', reason: 'region: region: 2, 4 or 6 digits of a GB/T 2260 code' } });
  });
});
