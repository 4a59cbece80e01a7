import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carrierNumbers, type DateRange } from '@core/kpis/carrierNumbers';
import { defaultRuleSet } from '@core/records';
import { syncClient } from '../client';
import { countFigures } from '../migrations/022_carrier_figures';
import { figuresCarrierA, figuresCarrierB, figuresMutations } from '../testing/figuresFixture';
import { backends } from '../testing/backends';
import { type RunningRoster, startRoster } from '../testing/server';
import { createCarrierInScope, rotateTokenInScope } from './scopedRoster';
import { rangeOf, scopedFigures } from './scopedFigures';

const nation = { login: 'nation', scope: 'nation', role: 'officer' } as const;
const beijing = { login: 'beijing', scope: '11', role: 'viewer' } as const;

/** What the desk itself counts for the same records (core's own definitions). */
const deskNumbers = (records: typeof figuresCarrierA, range: DateRange) =>
  carrierNumbers({ carrier: { area: 0, seats: 0, rules: defaultRuleSet }, startups: records.startups, reports: records.reports, sessions: [], mentors: [] }, range);

describe.each(backends)('the console figures on $name', (backend) => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(backend);
    for (const [code, regionCode, records] of [['BJ-A', '110108', figuresCarrierA], ['BJ-B', '110105', figuresCarrierB], ['SH-C', '310101', figuresCarrierB]] as const) {
      const { token } = await createCarrierInScope(roster.store, nation, { code, name: `载体${code}`, regionCode, line: 'hrss', level: 'city' });
      await syncClient(roster.url, token).push({ carrierCode: code, clientId: `desk-${code}-01`, mutations: figuresMutations(records) });
    }
  });
  afterEach(() => roster.close());

  it('kept by the pushes, they equal what the desk counts from its records, quarter and year', { timeout: 60_000 }, async () => {
    for (const period of ['2026', '2026Q2', '2026Q3']) {
      const view = await scopedFigures(roster.store, beijing, { period, region: '110108' });
      const desk = deskNumbers(figuresCarrierA, rangeOf(period));
      const row = view.rows.find((r) => r.key === 'BJ-A')!;
      expect(row).toMatchObject({
        kind: 'carrier',
        name: '载体BJ-A',
        residents: 2,
        admitted: desk.figures.admitted.value,
        exited: desk.figures.exited.value,
        exitsByKind: desk.exitedByKind,
        jobs: desk.figures.jobs.value,
      });
      expect(row.successRate).toEqual({ value: desk.figures.successRate.value, of: desk.figures.successRate.of, threshold: 0.6, ...('meets' in desk.figures.successRate ? { meets: desk.figures.successRate.meets } : {}) });
      expect(row.onTimeExitRate).toMatchObject({ value: desk.figures.onTimeExitRate.value, of: desk.figures.onTimeExitRate.of, threshold: 0.95 });
    }
    const year = (await scopedFigures(roster.store, beijing, { period: '2026', region: '110108' })).rows[0]!;
    // Worked out by hand too, so the comparison above cannot pass by both sides being empty.
    expect(year).toMatchObject({ admitted: 1, exited: 2, exitsByKind: { graduated: 1, evicted: 1 }, jobs: 17, grades: { excellent: 0, good: 1, pass: 1, fail: 0 } });
    expect(year.successRate).toEqual({ value: 0.5, of: { numerator: 1, denominator: 2 }, threshold: 0.6, meets: false });
    expect(year.onTimeExitRate).toEqual({ value: 0.5, of: { numerator: 1, denominator: 2 }, threshold: 0.95, meets: false });
  });

  it('rolls carriers up a level at a time within the scope, and refuses a region outside it', { timeout: 60_000 }, async () => {
    // A carrier created by the CLI or admin API has no registered region: the nation's alone, as "unplaced".
    await roster.carrier('NO-REGION');
    const country = await scopedFigures(roster.store, nation, { period: '2026' });
    expect(country.rows.map((r) => [r.key, r.kind, r.carriers, r.residents, r.admitted])).toEqual([
      ['11', 'region', 2, 3, 2],
      ['31', 'region', 1, 1, 1],
      ['unplaced', 'unplaced', 1, 0, 0],
    ]);
    expect(country.total).toMatchObject({ key: 'nation', carriers: 4, residents: 4, admitted: 3 });
    const province = await scopedFigures(roster.store, beijing, { period: '2026' });
    expect(province.rows.map((r) => r.key)).toEqual(['1101']);
    expect((await scopedFigures(roster.store, beijing, { period: '2026', region: '1101' })).rows.map((r) => r.key)).toEqual(['110105', '110108']);
    await expect(scopedFigures(roster.store, beijing, { period: '2026', region: '31' })).rejects.toMatchObject({ statusCode: 404 });
    await expect(scopedFigures(roster.store, beijing, { period: '2026-01' })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('follows a desk’s corrections and deletions, and a recount from the records finds the same amounts', { timeout: 60_000 }, async () => {
    const { token } = await rotateTokenInScope(roster.store, nation, 'BJ-A');
    const desk = syncClient(roster.url, token);
    const s1 = figuresCarrierA.startups[0]!;
    await desk.push({
      carrierCode: 'BJ-A',
      clientId: 'desk-BJ-A-01',
      mutations: [
        { mutationId: 12, entity: 'startup', recordId: 's1', op: 'upsert', record: { ...s1, status: 'exited', exitKind: 'voluntary', exitedOn: '2026-10-01' }, createdAt: '2026-12-02T08:00:00Z' },
        { mutationId: 13, entity: 'evaluation', recordId: 'e4', op: 'delete', record: null, createdAt: '2026-12-02T08:00:00Z' },
      ],
    });
    const after = (await scopedFigures(roster.store, beijing, { period: '2026', region: '110108' })).rows[0]!;
    expect(after).toMatchObject({ residents: 1, exited: 3, exitsByKind: { graduated: 1, evicted: 1, voluntary: 1 }, grades: { good: 1, pass: 0 } });
    const kept = await roster.store.db.selectFrom('carrier_figures').selectAll().where('amount', '<>', 0).orderBy('carrier_code').orderBy('period').orderBy('measure').execute();
    await countFigures(roster.store.db, roster.store.dialect);
    const recounted = await roster.store.db.selectFrom('carrier_figures').selectAll().orderBy('carrier_code').orderBy('period').orderBy('measure').execute();
    expect(recounted).toEqual(kept);
  });
});
