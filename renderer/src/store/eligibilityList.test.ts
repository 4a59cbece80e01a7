import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, Founder, KeyGroup, Report, Startup } from '@core/records';
import { aFounder, aReport, aStartup } from '@core/testing/records';
import { defaultSupportRules as rules, standingsOf } from '@core/supports';
import { openDb, type DeskDb } from './db';
import { eligibleRow, filterEligibility, rejudgeStartup, scanEligibility, standingsAt, standingStatuses, type EligibilityFilter } from './eligibilityList';

const TODAY = '2026-12-03';
let db: DeskDb;
let n = 0;
let startups: Startup[];
let founders: Founder[];
let reports: Report[];
let claims: Claim[];

// More residents than a scan's first pages, in every state the list tells apart.
const RESIDENTS = 700;
const groups: KeyGroup[][] = [['graduate'], ['veteran'], [], ['hardToEmploy', 'unemployed']];
beforeEach(async () => {
  db = openDb(`eligibility-${++n}`);
  await db.open();
  const id = (i: number) => `s${String(i).padStart(4, '0')}`;
  startups = Array.from({ length: RESIDENTS + 3 }, (_, i) =>
    aStartup(id(i), {
      name: i % 7 === 0 ? `青禾科技${i}` : `企业${i}`,
      registeredOn: `20${22 + (i % 5)}-0${1 + (i % 9)}-15`,
      entityType: i % 11 === 0 ? 'team' : 'enterprise',
      // The last three are not listed: exited, voided, and exited again.
      ...(i >= RESIDENTS ? (i === RESIDENTS + 1 ? { voidedAt: '2026-06-01T00:00:00Z' } : { status: 'exited' }) : {}),
    }),
  );
  founders = startups.flatMap((s, i) =>
    Array.from({ length: 1 + (i % 3) }, (_, k) => aFounder(`${s.id}-f${k}`, s.id, { name: k === 1 && i % 5 === 0 ? `王科技${i}` : `创始人${i}-${k}`, keyGroups: groups[(i + k) % 4]!, graduatedOn: `20${20 + (i % 6)}-06-30` })),
  );
  reports = startups.flatMap((s, i) => [aReport(s.id, '2026Q3', { employees: 5 + (i % 4), keyGroupHires: i % 3, insuredEmployees: i % 2 }), aReport(s.id, '2025Q3', { employees: 6 })]);
  claims = startups
    .filter((_, i) => i % 13 === 0)
    .map((s, k) => ({ id: `c${k}`, support: 'startupSubsidy', startupId: s.id, state: 'submitted', submittedOn: '2026-10-01' }) as unknown as Claim);
  await Promise.all([db.startups.bulkPut(startups), db.founders.bulkPut(founders), db.reports.bulkPut(reports), db.claims.bulkPut(claims)]);
});
afterEach(() => db.delete());

/** Every resident judged at once, from the records in hand: what the scan must agree with. */
function judgedAtOnce() {
  return startups
    .filter((s) => s.status === 'resident' && !s.voidedAt)
    .flatMap((startup) => {
      const own = founders.filter((f) => f.startupId === startup.id);
      return standingsOf({ startup, founders: own, reports: reports.filter((r) => r.startupId === startup.id), claims: claims.filter((c) => c.startupId === startup.id), today: TODAY }, rules).map((s) =>
        eligibleRow(s, startup, own),
      );
    });
}

describe('the eligibility list', () => {
  it('judges every resident and founder across pages as judging them at once does, with exact counts per filter', async () => {
    const pages: number[] = [];
    const list = (await scanEligibility(db, rules, TODAY, (p) => pages.push(p.done)))!;
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toBe(RESIDENTS);
    const reference = judgedAtOnce();
    expect(list.length).toBe(reference.length);

    const filters: EligibilityFilter[] = [
      { support: 'all', status: 'all', search: '' },
      { support: 'all', status: 'qualifies', search: '' },
      { support: 'startupSubsidy', status: 'claimed', search: '' },
      { support: 'all', status: 'soon', search: '科技' },
      { support: 'taxRelief', status: 'all', search: '王科技' },
      { support: 'insuranceSubsidy', status: 'not', search: '没有这家' },
    ];
    for (const filter of filters) {
      const kept = reference.filter((r) => (filter.support === 'all' || r.support === filter.support) && (!filter.search || r.startupName.includes(filter.search) || r.applicantName.includes(filter.search)));
      const { counts, rows } = (await filterEligibility(list, filter))!;
      expect(counts).toEqual(Object.fromEntries(standingStatuses.map((s) => [s, kept.filter((r) => r.status === s).length])));
      const expected = kept.filter((r) => filter.status === 'all' || r.status === filter.status);
      // The rows kept, judged again in full, are the reference's rows in its order.
      expect(await standingsAt(db, list, rows, rules, TODAY)).toEqual(expected);
    }
    // Some of each status, or the comparison proves little.
    const all = (await filterEligibility(list, filters[0]!))!.counts;
    for (const s of standingStatuses) expect(all[s]).toBeGreaterThan(0);
  });

  it('judges one startup again at once after a claim, as a rescan would', async () => {
    const list = (await scanEligibility(db, rules, TODAY))!;
    const qualifying = (await filterEligibility(list, { support: 'startupSubsidy', status: 'qualifies', search: '' }))!.rows[0]!;
    const startupId = list.startups[list.startup[qualifying]!]!.id;
    await db.claims.put({ id: 'c-new', support: 'startupSubsidy', startupId, state: 'preparing' } as unknown as Claim);
    const patched = (await rejudgeStartup(db, list, startupId, rules, TODAY))!;
    expect(standingStatuses[patched.status[qualifying]!]).toBe('claimed');
    expect(patched.status).toEqual((await scanEligibility(db, rules, TODAY))!.status);
    // The list it came from is left as it was.
    expect(standingStatuses[list.status[qualifying]!]).toBe('qualifies');
    // A startup whose rows no longer line up (a founder added) is left to the rescan.
    await db.founders.put(aFounder(`${startupId}-new`, startupId));
    expect(await rejudgeStartup(db, list, startupId, rules, TODAY)).toBeUndefined();
  });

  it('stops a scan a newer one replaces', async () => {
    const stop = new AbortController();
    const scanning = scanEligibility(db, rules, TODAY, () => stop.abort(), stop.signal);
    expect(await scanning).toBeUndefined();
  });
});
