import type { CompiledQuery, KyselyPlugin } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSchemas } from '@core/records';
import { maskIdNumber } from '@core/validators/idNumber';
import { carrierCount, regionCounts } from '../admin/counts';
import { creditCodeFindings, type FindingsPage, type FindingsQuery, founderFindings } from '../admin/findings';
import { creditCodeHolders } from '../admin/lookup';
import { type OpenStore, openStore } from '../db/open';
import type { Store } from '../db/schema';
import { readChanges } from '../store/changes';
import { backends, type FreshDatabase } from '../testing/backends';
import { type CarrierData, carrierCodeOf, nationalRoster, type NationalSize } from './dataset';
import { loadNational } from './load';

const size: NationalSize = { carriers: 30, startupsPerCarrier: 120, seed: 7 };
const roster: CarrierData[] = [...nationalRoster(size)];

/** Keys held at two carriers or more, from the generated data itself. */
function sharedKeys(entries: [key: string, carrier: string][]): string[] {
  const carriers = new Map<string, Set<string>>();
  for (const [key, carrier] of entries) carriers.set(key, (carriers.get(key) ?? new Set()).add(carrier));
  return [...carriers].filter(([, at]) => at.size > 1).map(([key]) => key).sort();
}
const residentCodes = sharedKeys(roster.flatMap((c) => c.startups.filter((s) => s.status === 'resident').map((s): [string, string] => [s.creditCode!, c.code])));
const foundersAtSeveral = sharedKeys(roster.flatMap((c) => c.founders.map((f): [string, string] => [f.idNumber, c.code])));

describe('the generated national roster', () => {
  it('holds records core accepts, unique codes and numbers except the findings planted on purpose', () => {
    for (const { carrier, startups, founders } of roster) {
      expect(recordSchemas.carrier.safeParse(carrier).success).toBe(true);
      for (const s of startups) expect(recordSchemas.startup.safeParse(s).error).toBeUndefined();
      for (const f of founders) expect(recordSchemas.founder.safeParse(f).error).toBeUndefined();
    }
    const codes = roster.flatMap((c) => c.startups.map((s) => s.creditCode));
    // 0.1 % of startups (≈ 4 here) take a code from the previous carrier: the rest are distinct.
    expect(codes.length - new Set(codes).size).toBeGreaterThan(0);
    expect(codes.length - new Set(codes).size).toBeLessThan(codes.length * 0.005);
    expect(residentCodes.length).toBeGreaterThan(0);
    expect(foundersAtSeveral.length).toBeGreaterThan(2);
    expect([...nationalRoster(size)][5]).toEqual(roster[5]);
  });
});

describe('the national roster on PostgreSQL', () => {
  let database: FreshDatabase;
  let opened: OpenStore;
  let explainer: pg.Client;
  /** Every statement the queries send, to EXPLAIN afterwards. */
  const sent: CompiledQuery[] = [];
  let store: Store;

  beforeAll(async () => {
    database = await backends.find((b) => b.name === 'pg')!.fresh();
    const url = database.location.kind === 'pg' ? database.location.url : '';
    await loadNational(url, size);
    opened = await openStore(database.location);
    const spy: KyselyPlugin = {
      transformQuery: ({ node, queryId }) => {
        sent.push(opened.db.getExecutor().compileQuery(node, queryId));
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    store = { db: opened.db.withPlugin(spy), dialect: 'pg' };
    explainer = new pg.Client({ connectionString: url });
    await explainer.connect();
  }, 120_000);
  afterAll(async () => {
    await explainer?.end();
    await opened?.close();
    await database?.dispose();
  });

  async function allPages<F>(query: (q: FindingsQuery) => Promise<FindingsPage<F>>): Promise<F[]> {
    const found: F[] = [];
    let after: string | undefined;
    do {
      const page = await query({ after, limit: 2 });
      found.push(...page.findings);
      after = page.next;
    } while (after);
    return found;
  }

  it('finds every planted finding, page by page, and counts what was generated', async () => {
    expect((await allPages((q) => creditCodeFindings(store, q))).map((f) => f.creditCode)).toEqual(residentCodes);
    expect((await allPages((q) => founderFindings(store, q))).map((f) => f.idNumber)).toEqual(foundersAtSeveral.map(maskIdNumber));
    // A province's worklist: exactly the planted findings with a carrier inside it (each in one province at least).
    const region = new Map(roster.map((c) => [c.code, c.carrier.regionCode]));
    let inProvinces = 0;
    for (const scope of new Set(roster.map((c) => c.carrier.regionCode.slice(0, 2)))) {
      const touching = <F>(findings: F[], carriersOf: (f: F) => string[]) => findings.filter((f) => carriersOf(f).some((c) => region.get(c)!.startsWith(scope)));
      const codes = await allPages((q) => creditCodeFindings(store, { ...q, scope }));
      expect(codes).toEqual(touching(await allPages((q) => creditCodeFindings(store, q)), (f) => f.holders.map((h) => h.carrierCode)));
      inProvinces += codes.length;
      const founders = await allPages((q) => founderFindings(store, { ...q, scope }));
      expect(founders).toEqual(touching(await allPages((q) => founderFindings(store, q)), (f) => f.founders.map((h) => h.carrierCode)));
    }
    expect(inProvinces).toBeGreaterThanOrEqual(residentCodes.length);
    const third = roster[3]!;
    expect(await carrierCount(store, third.code)).toEqual({ carrierCode: third.code, residentStartups: third.startups.filter((s) => s.status === 'resident').length });
    const province = third.carrier.regionCode.slice(0, 2);
    const inProvince = roster.filter((c) => c.carrier.regionCode.startsWith(province));
    expect((await regionCounts(store, province)).residentStartups).toBe(inProvince.flatMap((c) => c.startups).filter((s) => s.status === 'resident').length);
    const pulled = await readChanges(store, third.code, 0, 1000);
    expect(pulled.changes.filter((c) => c.kind === 'rosterId')).toHaveLength(size.startupsPerCarrier);
  });

  it('answers each of the authority’s and the desks’ questions from an index, never a scan of the table', async () => {
    const carrier = carrierCodeOf(4);
    const province = roster[3]!.carrier.regionCode.slice(0, 2);
    const cases: [string, () => Promise<unknown>, string[]][] = [
      ['pull, first page', () => readChanges(store, carrier, 0, 50), ['roster_changes_carrier']],
      ['pull, keyset page', () => readChanges(store, carrier, 3000, 50), ['roster_changes_carrier']],
      ['carrier count', () => carrierCount(store, carrier), ['resident_counts_pkey']],
      ['region counts', () => regionCounts(store, '33'), ['records_region_code', 'resident_counts_pkey']],
      ['credit code lookup', () => creditCodeHolders(store, residentCodes[0]!), ['records_credit_code']],
      ['credit code findings', () => creditCodeFindings(store, { limit: 2 }), ['credit_code_findings', 'records_credit_code']],
      ['credit code findings, next page', async () => creditCodeFindings(store, { after: (await creditCodeFindings(store, { limit: 1 })).next, limit: 2 }), ['records_pk', 'credit_code_findings', 'records_credit_code']],
      ['credit code findings in a province', () => creditCodeFindings(store, { limit: 2, scope: province }), ['credit_code_findings', 'records_credit_code']],
      ['founder findings', () => founderFindings(store, { limit: 2 }), ['id_number_findings', 'records_id_number']],
      ['founder findings in a province', () => founderFindings(store, { limit: 2, scope: province }), ['id_number_findings', 'records_id_number']],
    ];
    // The tables here are small enough that a scan would be cheapest; forbidding it shows an index serves each query.
    await explainer.query('set enable_seqscan = off');
    for (const [label, run, indexes] of cases) {
      sent.length = 0;
      await run();
      const used = new Set<string>();
      for (const query of sent) {
        const { rows } = await explainer.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (format json) ${query.sql}`, [...query.parameters]);
        for (const node of nodesOf(rows[0]!['QUERY PLAN'][0].Plan)) {
          expect({ label, scan: node['Node Type'] }).not.toEqual({ label, scan: 'Seq Scan' });
          if (node['Index Name']) used.add(node['Index Name']);
        }
      }
      expect({ label, indexes: [...used].sort() }).toEqual({ label, indexes: expect.arrayContaining(indexes) });
    }
  });
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
