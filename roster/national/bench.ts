import { loadavg } from 'node:os';
import pg from 'pg';
import { carrierCount, regionCounts } from '../admin/counts';
import { creditCodeFindings, founderFindings } from '../admin/findings';
import { creditCodeHolders } from '../admin/lookup';
import { scopedFigures } from '../auth/scopedFigures';
import { creditCodeFindingsInScope, founderFindingsInScope } from '../auth/scopedFindings';
import { carrierResidents, listCarriers, regionMismatches, verificationQueue } from '../auth/scopedRoster';
import { readAudit } from '../auth/audit';
import { openStore } from '../db/open';
import { readChanges } from '../store/changes';
import { carrierCodeOf, type NationalSize } from './dataset';
import { loadNational } from './load';

/**
 * `npm run roster:national`: loads a national roster (2,000 carriers × 2,500 startups unless
 * NATIONAL_CARRIERS / NATIONAL_STARTUPS say otherwise; NATIONAL_PAGE findings a page) into a PostgreSQL schema of its own, times the
 * authority's and the desks' queries on it (median of NATIONAL_RUNS runs), prints a table, and drops the
 * schema again (NATIONAL_KEEP=1 keeps it; NATIONAL_REUSE=1 measures a kept one again without loading).
 */
const size: NationalSize = {
  carriers: Number(process.env.NATIONAL_CARRIERS ?? 2000),
  startupsPerCarrier: Number(process.env.NATIONAL_STARTUPS ?? 2500),
};
const runs = Number(process.env.NATIONAL_RUNS ?? 7);
/** Findings per page, as the admin API's default. */
const page = Number(process.env.NATIONAL_PAGE ?? 100);
const baseUrl = process.env.ROSTER_PG_URL ?? 'postgres://desk:desk@127.0.0.1:5432/roster_test';
const schema = process.env.NATIONAL_SCHEMA ?? 'roster_national';

const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
const url = new URL(baseUrl);
url.searchParams.set('options', `-c search_path=${schema}`);

const load = (label: string) => `${label} (load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`;
try {
  if (process.env.NATIONAL_REUSE === '1') {
    console.log(load(`measuring the roster already loaded into ${schema}`));
  } else {
    await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
    console.log(load(`loading ${size.carriers} carriers × ${size.startupsPerCarrier} startups into ${schema}`));
    const loaded = await loadNational(url.toString(), size);
    console.log(load(`loaded in ${loaded.seconds.toFixed(0)} s: ${JSON.stringify(loaded.rows)}`));
  }
  const { rows } = await admin.query<{ size: string }>(`select pg_size_pretty(sum(pg_total_relation_size(c.oid))) as size from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1`, [schema]);
  console.log(`${rows[0]?.size} on disk`);

  const store = await openStore({ kind: 'pg', url: url.toString() });
  try {
    const carrier = carrierCodeOf(Math.floor(size.carriers / 2));
    const firstPage = await readChanges(store, carrier, 0, 500);
    const codes = await creditCodeFindings(store, { limit: page });
    const founders = await founderFindings(store, { limit: page });
    const sample = codes.findings[0]?.creditCode;
    if (!sample || !codes.next || !founders.next) throw new Error(`fewer than ${page} findings to page through: set NATIONAL_PAGE lower for a roster this small`);
    const region = (await regionCounts(store, '33')).carriers.length > 0 ? '33' : '44';

    const nation = { login: 'bench', scope: 'nation', role: 'viewer' } as const;
    const province = { ...nation, scope: region };
    const county = (await store.db.selectFrom('carrier_profiles').select('region_code').where('region_code', 'like', `${region}%`).orderBy('region_code').executeTakeFirstOrThrow()).region_code;
    const queries: [string, () => Promise<unknown>][] = [
      [`pull, first page (500 changes of ${carrier})`, () => readChanges(store, carrier, 0, 500)],
      ['pull, keyset page (since the first page’s cursor)', () => readChanges(store, carrier, firstPage.cursor, 500)],
      [`count of one carrier’s resident startups`, () => carrierCount(store, carrier)],
      [`counts of a province’s carriers (region ${region})`, () => regionCounts(store, region)],
      ['a credit code across the country', () => creditCodeHolders(store, sample)],
      [`findings: credit codes resident at 2+ carriers, first ${page}`, () => creditCodeFindings(store, { limit: page })],
      [`findings: credit codes, next ${page} (keyset)`, () => creditCodeFindings(store, { after: codes.next, limit: page })],
      [`findings: founders at 2+ carriers, first ${page}`, () => founderFindings(store, { limit: page })],
      [`findings: founders, next ${page} (keyset)`, () => founderFindings(store, { after: founders.next, limit: page })],
      ['console figures: the nation by province, a year', () => scopedFigures(store, nation, { period: '2025' })],
      ['console figures: the nation by province, a quarter', () => scopedFigures(store, nation, { period: '2025Q4' })],
      [`console figures: a province by city (region ${region}), a year`, () => scopedFigures(store, province, { period: '2025' })],
      [`console figures: a county’s carriers (${county}), a year`, () => scopedFigures(store, province, { period: '2025', region: county })],
      [`console findings: credit codes touching region ${region}, first ${page}`, () => creditCodeFindingsInScope(store, province, { limit: page })],
      [`console findings: founders touching region ${region}, first ${page}`, () => founderFindingsInScope(store, province, { limit: page })],
      // A county holds few of the findings, so its page reads most of them: the slowest scope there is.
      [`console findings: credit codes touching county ${county}, first ${page}`, () => creditCodeFindingsInScope(store, { ...nation, scope: county }, { limit: page })],
      [`console findings: founders touching county ${county}, first ${page}`, () => founderFindingsInScope(store, { ...nation, scope: county }, { limit: page })],
      ['console carriers: the nation, first page', () => listCarriers(store, nation, {})],
      [`console carriers: region ${region}, line 人社, first page`, () => listCarriers(store, province, { line: 'hrss' })],
      [`console carrier page: ${carrier}'s residents with their founders`, () => carrierResidents(store, nation, carrier)],
      ['console verification queue: the nation, first page', () => verificationQueue(store, nation, {})],
      [`console verification queue: region ${region}, first page`, () => verificationQueue(store, province, {})],
      [`console verification queue: county ${county}, first page`, () => verificationQueue(store, { ...nation, scope: county }, {})],
      [`console region mismatches: region ${region}`, () => regionMismatches(store, province)],
      ['console audit log: the nation', () => readAudit(store, nation)],
    ];
    const table = ['| query | median | slowest |', '|---|---:|---:|'];
    for (const [label, query] of queries) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await query();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      table.push(`| ${label} | ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms | ${times.at(-1)!.toFixed(1)} ms |`);
    }
    console.log(load(`median of ${runs} runs each`));
    console.log(table.join('\n'));
  } finally {
    await store.close();
  }
} finally {
  if (process.env.NATIONAL_KEEP !== '1') await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}
