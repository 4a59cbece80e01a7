import type { Evaluation, Founder, KeyGroup, Mentor, Report, Session, Startup } from '../records';

/**
 * Counts and sums the dashboard reads, kept up to date on every write instead of read from a million
 * records. Each record contributes amounts to named series; a write adds (after − before). A day-dated
 * series is kept per month and per day, so any range of days is a few dozen rows:
 *   m|series|YYYY-MM       the month's total
 *   d|YYYY-MM|series|DD    the day's amount (one range read gives a whole month of every series)
 *   q|field|period         report sums per reporting period
 *   g|period|grade         finalized evaluations
 *   c|YYYY-MM|startupId    held sessions a startup had in a month (for distinct coached startups)
 *   k|mentors              active mentors
 * (The store keeps the list's counts beside them under z|. What the dashboard reads, g| to q|, is one range.)
 */
export type Contribution = [key: string, amount: number];

/** What a startup contributes, as its list-index row describes it. */
export interface StartupFacts {
  state: 'resident' | 'exited' | 'voided';
  admittedOn: string;
  agreementEndsOn: string;
  exitedOn?: string;
  exitKind?: Startup['exitKind'];
  area: number;
  /** '' while not yet completed (待补充). */
  stage: string;
  industry: string;
  groups: KeyGroup[];
}

export const factsOf = (s: Startup, founders: readonly Founder[]): StartupFacts => ({
  state: s.voidedAt ? 'voided' : s.status,
  admittedOn: s.admittedOn,
  agreementEndsOn: s.agreementEndsOn,
  ...(s.exitedOn ? { exitedOn: s.exitedOn } : {}),
  ...(s.exitKind ? { exitKind: s.exitKind } : {}),
  area: s.area,
  stage: s.stage ?? '',
  industry: s.industry ?? '',
  groups: [...new Set(founders.flatMap((f) => f.keyGroups))],
});

/** Exits that are failures rather than moving on: not an incubation success. */
export const FAILED_EXITS: ReadonlySet<string> = new Set(['evicted', 'deregistered']);
const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

export const dayKeys = (series: string, day: string, amount: number): Contribution[] => [
  [`m|${series}|${day.slice(0, 7)}`, amount],
  [`d|${day.slice(0, 7)}|${series}|${day.slice(8, 10)}`, amount],
];

/** Categories a resident is counted under on the dashboard (stage, industry, each key group). */
export const categoriesOf = (s: Pick<StartupFacts, 'stage' | 'industry' | 'groups'>) => [`stage=${s.stage}`, `industry=${s.industry}`, ...s.groups.map((g) => `group=${g}`)];

export function startupContribution(s: StartupFacts): Contribution[] {
  if (s.state === 'voided') return [];
  const out: Contribution[] = [...dayKeys('in', s.admittedOn, 1), ...dayKeys('areaIn', s.admittedOn, s.area), ...dayKeys('due', s.agreementEndsOn, 1)];
  const cats = categoriesOf(s);
  for (const c of cats) out.push(...dayKeys(`in:${c}`, s.admittedOn, 1));
  if (s.state === 'exited' && s.exitedOn) {
    const e = s.exitedOn;
    out.push(...dayKeys('out', e, 1), ...dayKeys('areaOut', e, s.area), ...dayKeys(`exit:${s.exitKind ?? 'unknown'}`, e, 1));
    for (const c of cats) out.push(...dayKeys(`out:${c}`, e, 1));
    // 孵化成功: left (not failed) and still operating a year after admission.
    if (!FAILED_EXITS.has(s.exitKind ?? '') && daysBetween(s.admittedOn, e) >= 365) out.push(...dayKeys('success', e, 1));
    // 到期出园: left by the end of the agreement (counted on the agreement's last day).
    if (e <= s.agreementEndsOn) out.push(...dayKeys('ontime', s.agreementEndsOn, 1));
  }
  return out;
}

/** A session's day in Beijing time, where every carrier is. */
export const beijingDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/** A startup's held sessions in a month (`c|YYYY-MM|id`), and the month's count of coached startups it moves between 0 and some. */
export const isCoachedKey = (key: string) => key.startsWith('c|');
export const coachedMonth = (key: string) => `m|coached|${key.slice(2, 9)}`;

export function sessionContribution(s: Session): Contribution[] {
  if (s.status !== 'held') return [];
  const day = beijingDay(s.startsAt);
  return [...dayKeys('held', day, 1), ...s.startupIds.map((id): Contribution => [`c|${day.slice(0, 7)}|${id}`, 1])];
}

export const REPORT_SUMS = ['employees', 'keyGroupHires', 'newGraduateHires', 'revenue', 'financing'] as const;

export function reportContribution(r: Report): Contribution[] {
  return [
    ...REPORT_SUMS.map((f): Contribution => [`q|${f}|${r.period}`, r[f]]),
    [`q|reports|${r.period}`, 1],
    [`q|financed|${r.period}`, r.financing > 0 ? 1 : 0],
  ];
}

export const mentorContribution = (m: Mentor): Contribution[] => (m.active ? [['k|mentors', 1]] : []);

/** Only the finalized revision counts; a correction supersedes the one before it. */
export const evaluationContribution = (e: Evaluation): Contribution[] => (e.status === 'finalized' ? [[`g|${e.period}|${e.grade}`, 1]] : []);

/** after − before, summed per key, zero amounts dropped. */
export function difference(before: Contribution[], after: Contribution[]): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [k, n] of after) delta.set(k, (delta.get(k) ?? 0) + n);
  for (const [k, n] of before) delta.set(k, (delta.get(k) ?? 0) - n);
  for (const [k, n] of delta) if (n === 0) delta.delete(k);
  return delta;
}
