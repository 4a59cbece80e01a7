import { addTo } from '@core/grouping';
import type { Claim, Founder, Report, Startup } from '@core/records';
import { standingsOf, supportIds, type Standing, type StandingStatus, type SupportId, type SupportRules } from '@core/supports';
import type { DeskDb } from './db';

/** Rows a list of standings shows at a time. */
export const PAGE_SIZE = 20;

export const standingStatuses: readonly StandingStatus[] = ['qualifies', 'soon', 'claimed', 'not'];

/**
 * 可申请的扶持 for every resident: each support for each applicant (the startup, or one of its founders)
 * with its status, four small numbers a row in typed arrays. At 100,000 residents that is about 1.5
 * million standings; kept whole, each with its checks, they took hundreds of MB. The shown page and the
 * export judge their few rows again, in full (`standingsAt`).
 */
export interface EligibilityList {
  /** Residents, in id order: what a row's `startup` points at. */
  startups: { id: string; name: string }[];
  /** Founders of those residents: what a row's `founder` points at. */
  founders: { id: string; name: string }[];
  length: number;
  startup: Int32Array;
  /** The founder for a founder's support, -1 for the startup's own. */
  founder: Int32Array;
  /** Index into supportIds. */
  support: Uint8Array;
  /** Index into standingStatuses. */
  status: Uint8Array;
}

export interface ScanProgress {
  done: number;
}

/**
 * Startups read at first, then as many as keep a page's judging near PAGE_MS (the page keeps answering).
 * At most MAX_PAGE: a page's records are opened in the task its read answers in, untimed here; with pages
 * of up to 2,000 startups (their founders and reports) the longest task at 10k was 294 ms.
 */
const FIRST_PAGE = 200;
const PAGE_MS = 25;
const MAX_PAGE = 400;

class Rows {
  length = 0;
  startup = new Int32Array(1024);
  founder = new Int32Array(1024);
  support = new Uint8Array(1024);
  status = new Uint8Array(1024);

  push(startup: number, founder: number, support: number, status: number) {
    if (this.length === this.startup.length) this.grow();
    const i = this.length++;
    this.startup[i] = startup;
    this.founder[i] = founder;
    this.support[i] = support;
    this.status[i] = status;
  }

  private grow() {
    const n = this.startup.length * 2;
    const more = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T) => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.startup = more(this.startup, (k) => new Int32Array(k));
    this.founder = more(this.founder, (k) => new Int32Array(k));
    this.support = more(this.support, (k) => new Uint8Array(k));
    this.status = more(this.status, (k) => new Uint8Array(k));
  }
}

/** A run of consecutive startup ids' records of one kind, by startup: one range of the startupId index. */
async function inRange<T extends { startupId: string }>(db: DeskDb, table: 'founders' | 'reports' | 'claims', from: string, to: string): Promise<Map<string, T[]>> {
  const map = new Map<string, T[]>();
  for (const x of (await db.table(table).where('startupId').between(from, to, true, true).toArray()) as T[]) addTo(map, x.startupId, x);
  return map;
}

/** One page of startups in id order after `after`, with their founders, reports and claims. */
async function readPage(db: DeskDb, after: string | undefined, size: number) {
  const startups = (await (after === undefined ? db.startups.orderBy(':id') : db.startups.where(':id').above(after)).limit(size).toArray()) as Startup[];
  if (startups.length === 0) return { startups, founders: new Map(), reports: new Map(), claims: new Map() };
  const [from, to] = [startups[0]!.id, startups.at(-1)!.id];
  const [founders, reports, claims] = await Promise.all([inRange<Founder>(db, 'founders', from, to), inRange<Report>(db, 'reports', from, to), inRange<Claim>(db, 'claims', from, to)]);
  return { startups, founders, reports, claims };
}

const isResident = (s: Startup) => s.status === 'resident' && !s.voidedAt;

/**
 * Judges every resident and each of its founders against the rule set on `today`, a page of startups at a
 * time in tasks of their own. `signal` stops a scan that a newer one replaces.
 */
export async function scanEligibility(db: DeskDb, rules: SupportRules, today: string, onProgress?: (p: ScanProgress) => void, signal?: AbortSignal): Promise<EligibilityList | undefined> {
  const rows = new Rows();
  const startups: EligibilityList['startups'] = [];
  const founders: EligibilityList['founders'] = [];
  const supportIndex = new Map(supportIds.map((s, i) => [s, i]));
  const statusIndex = new Map(standingStatuses.map((s, i) => [s, i]));
  let size = FIRST_PAGE;
  // The next page is read while this one is judged.
  let next = readPage(db, undefined, size);
  let asked = size;
  for (;;) {
    const page = await next;
    if (signal?.aborted) return undefined;
    // A full page (of the size it was read with) may have more after it.
    const more = page.startups.length === asked;
    if (more) {
      next = readPage(db, page.startups.at(-1)!.id, size);
      asked = size;
    }
    const started = performance.now();
    for (const startup of page.startups) {
      if (!isResident(startup)) continue;
      const own: Founder[] = page.founders.get(startup.id) ?? [];
      const s = startups.push({ id: startup.id, name: startup.name }) - 1;
      const founderAt = new Map(own.map((f) => [f.id, founders.push({ id: f.id, name: f.name }) - 1]));
      for (const standing of standingsOf({ startup, founders: own, reports: page.reports.get(startup.id) ?? [], claims: page.claims.get(startup.id) ?? [], today }, rules)) {
        rows.push(s, standing.founderId ? founderAt.get(standing.founderId)! : -1, supportIndex.get(standing.support)!, statusIndex.get(standing.status)!);
      }
    }
    const took = performance.now() - started;
    onProgress?.({ done: startups.length });
    if (!more) break;
    size = Math.max(20, Math.min(MAX_PAGE, Math.floor((size * PAGE_MS) / Math.max(took, 1))));
  }
  return { startups, founders, length: rows.length, startup: rows.startup, founder: rows.founder, support: rows.support, status: rows.status };
}

/** The first index in sorted `a` (of `n`) whose value is not below `x`. */
function lowerBound<T>(n: number, at: (i: number) => T, x: T): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The list with one startup judged again from its records as they are now (a claim just recorded for
 * it), so the list shows the change at once; the rescan the change starts follows. Undefined where the
 * startup's rows no longer line up (a founder added or removed): then the rescan alone tells.
 */
export async function rejudgeStartup(db: DeskDb, list: EligibilityList, startupId: string, rules: SupportRules, today: string): Promise<EligibilityList | undefined> {
  const s = lowerBound(list.startups.length, (i) => list.startups[i]!.id, startupId);
  if (list.startups[s]?.id !== startupId) return undefined;
  const from = lowerBound(list.length, (i) => list.startup[i]!, s);
  const to = lowerBound(list.length, (i) => list.startup[i]!, s + 1);
  const [startup, founders, reports, claims] = await Promise.all([
    db.startups.get(startupId),
    db.founders.where('startupId').equals(startupId).toArray(),
    db.reports.where('startupId').equals(startupId).toArray(),
    db.claims.where('startupId').equals(startupId).toArray(),
  ]);
  if (!startup || !isResident(startup)) return undefined;
  const standings = standingsOf({ startup, founders, reports, claims, today }, rules);
  if (standings.length !== to - from) return undefined;
  const status = list.status.slice();
  for (let k = 0; k < standings.length; k++) {
    const row = from + k;
    const standing = standings[k]!;
    const f = list.founder[row]!;
    if (supportIds[list.support[row]!] !== standing.support || (f < 0 ? undefined : list.founders[f]!.id) !== standing.founderId) return undefined;
    status[row] = standingStatuses.indexOf(standing.status);
  }
  return { ...list, status };
}

export interface EligibilityFilter {
  support: SupportId | 'all';
  status: StandingStatus | 'all';
  /** Part of the startup's or the applicant's name. */
  search: string;
}

export interface FilteredEligibility {
  /** Rows matching the support and the search, by status: exact, whatever the status chosen. */
  counts: Record<StandingStatus, number>;
  /** Rows matching all three, in list order. */
  rows: Int32Array;
}

/** Standings a filter goes through in one task: all 1.1 million of 100k residents in one took 350 ms under load. */
const FILTER_CHUNK = 100_000;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The rows a filter keeps and its counts, in one pass over the list (a name is matched once, not per
 * row), FILTER_CHUNK standings a task. `signal` stops a pass a newer filter replaces (then undefined).
 */
export async function filterEligibility(list: EligibilityList, { support, status, search }: EligibilityFilter, signal?: AbortSignal): Promise<FilteredEligibility | undefined> {
  const wantSupport = support === 'all' ? -1 : supportIds.indexOf(support);
  const wantStatus = status === 'all' ? -1 : standingStatuses.indexOf(status);
  const startupHit = search ? Uint8Array.from(list.startups, (s) => (s.name.includes(search) ? 1 : 0)) : undefined;
  const founderHit = search ? Uint8Array.from(list.founders, (f) => (f.name.includes(search) ? 1 : 0)) : undefined;
  const counts = [0, 0, 0, 0];
  const kept = new Int32Array(list.length);
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    if (i > 0 && i % FILTER_CHUNK === 0) {
      await nextTask();
      if (signal?.aborted) return undefined;
    }
    if (wantSupport >= 0 && list.support[i] !== wantSupport) continue;
    if (startupHit && !startupHit[list.startup[i]!]) {
      const f = list.founder[i]!;
      // The applicant's name: the founder's for a founder's support, else the startup's (already missed).
      if (f < 0 || !founderHit![f]) continue;
    }
    const st = list.status[i]!;
    counts[st]!++;
    if (wantStatus < 0 || st === wantStatus) kept[n++] = i;
  }
  return { counts: Object.fromEntries(standingStatuses.map((s, k) => [s, counts[k]!])) as Record<StandingStatus, number>, rows: kept.slice(0, n) };
}

/** A row judged in full, with the names the lists show. */
export interface EligibleRow extends Standing {
  key: string;
  startupName: string;
  /** The founder's name for a founder's support, else the startup's. */
  applicantName: string;
}

export function eligibleRow(s: Standing, startup: Pick<Startup, 'name'>, founders: readonly Pick<Founder, 'id' | 'name'>[]): EligibleRow {
  const founder = s.founderId ? founders.find((f) => f.id === s.founderId) : undefined;
  return { ...s, key: `${s.startupId}:${s.support}:${s.founderId ?? ''}`, startupName: startup.name, applicantName: founder?.name ?? startup.name };
}

/** Startups judged again in full at a time, for the export. */
const JUDGE_CHUNK = 200;

/**
 * The list's rows `at` (indexes into the list, in list order) judged in full from the records as they are
 * now: the shown page, or every row of a filter for the export, `JUDGE_CHUNK` startups a read.
 */
export async function standingsAt(db: DeskDb, list: EligibilityList, at: ArrayLike<number>, rules: SupportRules, today: string): Promise<EligibleRow[]> {
  const out: EligibleRow[] = [];
  const wanted = Array.from(at);
  for (let i = 0; i < wanted.length; ) {
    const ids: string[] = [];
    let j = i;
    while (j < wanted.length && (ids.length < JUDGE_CHUNK || list.startups[list.startup[wanted[j]!]!]!.id === ids.at(-1))) {
      const id = list.startups[list.startup[wanted[j]!]!]!.id;
      if (ids.at(-1) !== id) ids.push(id);
      j++;
    }
    const [startups, founders, reports, claims] = await Promise.all([
      db.startups.bulkGet(ids),
      db.founders.where('startupId').anyOf(ids).toArray(),
      db.reports.where('startupId').anyOf(ids).toArray(),
      db.claims.where('startupId').anyOf(ids).toArray(),
    ]);
    const [foundersOf, reportsOf, claimsOf] = [byStartup(founders), byStartup(reports), byStartup(claims)];
    const judged = new Map<string, EligibleRow>();
    startups.forEach((startup) => {
      if (!startup) return;
      const own = foundersOf.get(startup.id) ?? [];
      for (const s of standingsOf({ startup, founders: own, reports: reportsOf.get(startup.id) ?? [], claims: claimsOf.get(startup.id) ?? [], today }, rules)) {
        const row = eligibleRow(s, startup, own);
        judged.set(row.key, row);
      }
    });
    for (; i < j; i++) {
      const k = wanted[i]!;
      const f = list.founder[k]!;
      const row = judged.get(`${list.startups[list.startup[k]!]!.id}:${supportIds[list.support[k]!]}:${f < 0 ? '' : list.founders[f]!.id}`);
      // A startup removed since the scan drops out; the next scan follows.
      if (row) out.push(row);
    }
  }
  return out;
}

export function byStartup<T extends { startupId: string }>(list: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of list) addTo(map, x.startupId, x);
  return map;
}
