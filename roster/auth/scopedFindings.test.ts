import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aFounder } from '@core/testing/records';
import { syncClient } from '../client';
import { startupRecord } from '../fixtures';
import { backends } from '../testing/backends';
import { type RunningRoster, startRoster } from '../testing/server';
import { creditCodeFindingsInScope, founderFindingsInScope } from './scopedFindings';
import { createCarrierInScope } from './scopedRoster';

const nation = { login: 'nation', scope: 'nation', role: 'officer' } as const;
const beijing = { login: 'beijing', scope: '11', role: 'viewer' } as const;
const shanghai = { login: 'shanghai', scope: '31', role: 'viewer' } as const;
const guangdong = { login: 'guangdong', scope: '44', role: 'viewer' } as const;

describe.each(backends)('the findings worklist in the console on $name', (backend) => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(backend);
    // Credit code 7 at BJ-A and SH-C; 8 at BJ-A, BJ-B and SH-C; one person founder at BJ-B and SH-C.
    const desks: [string, string, [string, number][], boolean][] = [
      ['BJ-A', '110108', [['a7', 7], ['a8', 8]], false],
      ['BJ-B', '110105', [['b8', 8]], true],
      ['SH-C', '310101', [['c7', 7], ['c8', 8]], true],
    ];
    for (const [code, regionCode, startups, founder] of desks) {
      const { token } = await createCarrierInScope(roster.store, nation, { code, name: `载体${code}`, regionCode, line: 'hrss', level: 'city' });
      const mutations = startups.map(([id, n], i) => ({ mutationId: i + 1, entity: 'startup', recordId: id, op: 'upsert' as const, record: startupRecord(id, n, `企业${code}-${id}`), createdAt: '2026-03-01T08:00:00Z' }));
      if (founder) {
        const [startupId] = startups[0]!;
        mutations.push({ mutationId: mutations.length + 1, entity: 'founder', recordId: `f-${code}`, op: 'upsert', record: aFounder(`f-${code}`, startupId, { name: '王芳' }), createdAt: '2026-03-01T08:00:00Z' });
      }
      await syncClient(roster.url, token).push({ carrierCode: code, clientId: `desk-${code}-01`, mutations });
    }
  });
  afterEach(() => roster.close());

  it('shows a province the findings that touch it, its own carriers by name and the others counted', { timeout: 60_000 }, async () => {
    const inBeijing = await creditCodeFindingsInScope(roster.store, beijing, {});
    expect(inBeijing.findings.map((f) => [f.holders.map((h) => `${h.carrierCode}/${h.startupId}/${h.carrierName}`), f.elsewhere])).toEqual([
      [['BJ-A/a7/载体BJ-A'], 1],
      [['BJ-A/a8/载体BJ-A', 'BJ-B/b8/载体BJ-B'], 1],
    ]);
    const inShanghai = await creditCodeFindingsInScope(roster.store, shanghai, {});
    expect(inShanghai.findings.map((f) => [f.holders.map((h) => h.carrierCode), f.elsewhere])).toEqual([
      [['SH-C'], 1],
      [['SH-C'], 2],
    ]);
    expect((await creditCodeFindingsInScope(roster.store, guangdong, {})).findings).toEqual([]);
    expect((await creditCodeFindingsInScope(roster.store, nation, {})).findings).toHaveLength(2);

    const founders = await founderFindingsInScope(roster.store, shanghai, {});
    expect(founders.findings).toEqual([{ idNumberMasked: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/), founders: [expect.objectContaining({ carrierCode: 'SH-C', founderId: 'f-SH-C', name: '王芳' })], elsewhere: 1 }]);
    expect(JSON.stringify(founders)).not.toContain(aFounder('x', 'y').idNumber);
  });

  it('pages with a cursor that names a carrier inside the scope, never one outside it', { timeout: 60_000 }, async () => {
    // Its first finding's first record is Beijing's: the cursor names Shanghai's own.
    const first = await creditCodeFindingsInScope(roster.store, shanghai, { limit: 1 });
    expect(first.next).toBe('SH-C/c7');
    expect((await creditCodeFindingsInScope(roster.store, shanghai, { limit: 1, after: first.next })).findings.map((f) => f.elsewhere)).toEqual([2]);
    const page1 = await creditCodeFindingsInScope(roster.store, beijing, { limit: 1 });
    expect(page1.next).toBe('BJ-A/a7');
    const page2 = await creditCodeFindingsInScope(roster.store, beijing, { limit: 1, after: page1.next });
    expect(page2.findings.map((f) => f.holders.length)).toEqual([2]);
    expect(page2.next).toBeNull();
    const nationPage = await creditCodeFindingsInScope(roster.store, nation, { limit: 1 });
    expect(nationPage.next).toBe('BJ-A/a7');
  });
});
