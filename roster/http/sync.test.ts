import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordSchemas } from '@core/records';
import { adminClient, send, syncClient } from '../client';
import { inBatches, startupRecord, startupUpserts } from '../fixtures';
import { backends } from '../testing/backends';
import { lastMutationId, storedRecords } from '../testing/inspect';
import { adminToken, type RunningRoster, startRoster } from '../testing/server';

const clientId = 'desk-aaaa-0001';

describe.each(backends)('roster sync on $name', (backend) => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(backend);
  });
  afterEach(() => roster.close());

  it('takes a push and hands back the roster decisions in order, page by page', async () => {
    const admin = adminClient(roster.url, adminToken);
    const token = await admin.createCarrier('C-HAPPY', '上海某创业孵化基地');
    const desk = syncClient(roster.url, token);

    const pushed = await desk.push({ carrierCode: 'C-HAPPY', clientId, mutations: startupUpserts(1, 2, (id) => `s${id}`) });
    expect(pushed.results).toEqual([
      { mutationId: 1, status: 'applied', version: 1 },
      { mutationId: 2, status: 'applied', version: 1 },
    ]);
    await admin.verify('C-HAPPY', 's1', 'verified');
    await admin.verify('C-HAPPY', 's2', 'mismatch', '名称与市场主体登记不一致');
    await admin.designate('C-HAPPY', 's1', true);
    await admin.publishTemplate({
      id: 'tpl-2026',
      updatedAt: '2026-01-01T00:00:00Z',
      name: '2026 年度评价',
      version: 1,
      periodKind: 'year',
      indicators: [{ key: 'jobs', label: '带动就业', group: '成效', max: 10, rule: { kind: 'linear', metric: 'employees', unit: 1, pointsPerUnit: 1 } }],
      grades: [{ grade: 'excellent', min: 90 }],
    });
    await admin.setStatus('C-HAPPY', 'rectify');

    const first = await desk.pull(0, 4);
    expect(first.more).toBe(true);
    const rest = await desk.pull(first.cursor, 100);
    expect(rest.more).toBe(false);
    const changes = [...first.changes, ...rest.changes];
    const seqs = changes.map((c) => c.seq);
    expect(seqs).toEqual(seqs.toSorted((a, b) => a - b));
    expect(changes.map(({ seq: _seq, ...c }) => c)).toEqual([
      { kind: 'carrierStatus', rosterCode: 'C-HAPPY', status: 'listed' },
      { kind: 'rosterId', startupId: 's1', rosterId: 'RS00000001' },
      { kind: 'rosterId', startupId: 's2', rosterId: 'RS00000002' },
      { kind: 'verification', startupId: 's1', result: 'verified' },
      { kind: 'verification', startupId: 's2', result: 'mismatch', note: '名称与市场主体登记不一致' },
      { kind: 'keyProject', startupId: 's1', designated: true },
      { kind: 'template', template: expect.objectContaining({ id: 'tpl-2026', published: true }) },
      { kind: 'carrierStatus', rosterCode: 'C-HAPPY', status: 'rectify' },
    ]);
    expect(await desk.pull(rest.cursor)).toEqual({ changes: [], cursor: rest.cursor, more: false });
  });

  it('applies a week of offline edits in batches in order, each exactly once', { timeout: 120_000 }, async () => {
    const token = await roster.carrier('C-WEEK');
    const desk = syncClient(roster.url, token);
    const total = 3000;
    // 100 startups edited 30 times each: the final version counts the applications, the final
    // name shows the last one won.
    const mutations = startupUpserts(1, total, (id) => `s${String(id % 100).padStart(3, '0')}`);
    for (const batch of inBatches(mutations, 200)) {
      const reply = await desk.push({ carrierCode: 'C-WEEK', clientId, mutations: batch });
      expect(reply.results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
    }
    const records = await storedRecords(roster.store, 'C-WEEK');
    expect(records).toHaveLength(100);
    for (const r of records) {
      expect(r.version).toBe(30);
      const lastEdit = mutations.findLast((m) => m.recordId === r.record_id)!;
      expect(r.data).toEqual(expect.objectContaining({ name: (lastEdit.record as { name: string }).name }));
    }
    expect(await lastMutationId(roster.store, 'C-WEEK', clientId)).toBe(total);
  });

  it('answers a resent batch with duplicate and applies nothing twice', async () => {
    const token = await roster.carrier('C-DUP');
    const desk = syncClient(roster.url, token);
    const batch = startupUpserts(1, 5, (id) => `s${id}`);
    await desk.push({ carrierCode: 'C-DUP', clientId, mutations: batch });
    // The response was lost: the desk sends the same batch plus what it wrote since.
    const validated = vi.spyOn(recordSchemas.startup, 'safeParse');
    const again = await desk.push({ carrierCode: 'C-DUP', clientId, mutations: [...batch, ...startupUpserts(6, 1, () => 's1')] });
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'applied']);
    // Only the one past the cursor was judged: a resend does not pay validation again.
    expect(validated).toHaveBeenCalledTimes(1);
    validated.mockRestore();
    expect(again.results[5]?.version).toBe(2);
    expect((await storedRecords(roster.store, 'C-DUP')).map((r) => r.version)).toEqual([2, 1, 1, 1, 1]);
    const rosterIds = (await desk.pull(0)).changes.filter((c) => c.kind === 'rosterId');
    expect(rosterIds).toHaveLength(5);
  });

  it('refuses a gap with 409 and the id to resend from, storing nothing', async () => {
    const token = await roster.carrier('C-GAP');
    const desk = syncClient(roster.url, token);
    await desk.push({ carrierCode: 'C-GAP', clientId, mutations: startupUpserts(1, 3, (id) => `s${id}`) });
    const gap = await desk.push({ carrierCode: 'C-GAP', clientId, mutations: startupUpserts(6, 2, (id) => `s${id}`) });
    expect(gap.status).toBe(409);
    expect(gap.expectedMutationId).toBe(4);
    expect(gap.results).toEqual([]);
    expect(await storedRecords(roster.store, 'C-GAP')).toHaveLength(3);
    const resent = await desk.push({ carrierCode: 'C-GAP', clientId, mutations: startupUpserts(4, 4, (id) => `s${id}`) });
    expect(resent.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
  });

  it('keeps two carriers syncing at once apart, even with the same record ids', { timeout: 60_000 }, async () => {
    const carriers = ['C-EAST', 'C-WEST'];
    const tokens = await Promise.all(carriers.map((c) => roster.carrier(c)));
    await Promise.all(
      carriers.map(async (code, i) => {
        const desk = syncClient(roster.url, tokens[i]!);
        for (const batch of inBatches(startupUpserts(1, 600, (id) => `s${id % 50}`, code), 100)) {
          await desk.push({ carrierCode: code, clientId, mutations: batch });
        }
      }),
    );
    for (const [i, code] of carriers.entries()) {
      const records = await storedRecords(roster.store, code);
      expect(records).toHaveLength(50);
      for (const r of records) expect(String(r.data?.name)).toMatch(new RegExp(`^${code}企业`));
      const changes = (await syncClient(roster.url, tokens[i]!).pull(0, 1000)).changes;
      expect(changes.filter((c) => c.kind === 'rosterId')).toHaveLength(50);
      expect(changes.filter((c) => c.kind === 'carrierStatus')).toEqual([expect.objectContaining({ rosterCode: code })]);
    }
  });

  it("answers 403 to carrier A's token on carrier B's data and touches neither", async () => {
    const tokenA = await roster.carrier('C-A');
    await roster.carrier('C-B');
    const reply = await send(roster.url, 'POST', '/v1/sync/push', tokenA, {
      carrierCode: 'C-B',
      clientId,
      mutations: [{ mutationId: 1, entity: 'startup', recordId: 's1', op: 'upsert', record: startupRecord('s1', 1), createdAt: 'now' }],
    });
    expect(reply).toEqual({ status: 403, body: { error: 'forbidden', reason: expect.stringContaining('C-A') } });
    expect(await storedRecords(roster.store, 'C-A')).toEqual([]);
    expect(await storedRecords(roster.store, 'C-B')).toEqual([]);
  });
});
