import type { Carrier, Mentor, Report, Session, Startup } from '../records';
import { FAILED_EXITS } from '../tallies/contributions';

export interface DateRange {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export interface CarrierInput {
  carrier: Pick<Carrier, 'area' | 'seats' | 'rules'>;
  startups: readonly Startup[];
  reports: readonly Report[];
  sessions: readonly Session[];
  mentors: readonly Mentor[];
}

/** A number with the records behind it (where they were read), so a figure can be opened down to what makes it. */
export interface Figure {
  value: number;
  /** For rates: the counts it divides. */
  of?: { numerator: number; denominator: number };
  /** The records counted; absent where the number came from the desk's kept totals. */
  ids?: string[];
  /** Set where the rule set names a threshold: whether the figure reaches it. */
  threshold?: number;
  meets?: boolean;
}
export type NumberKey =
  | 'residentsAtStart'
  | 'residentsAtEnd'
  | 'admitted'
  | 'exited'
  | 'successRate'
  | 'onTimeExitRate'
  | 'occupancyArea'
  | 'occupancySeats'
  | 'jobs'
  | 'keyGroupJobs'
  | 'graduateJobs'
  | 'financedShare'
  | 'sessionsPerMentorYear'
  | 'residentsPerMentor';

export interface CarrierNumbers {
  figures: Record<NumberKey, Figure>;
  /** Exits in the range per kind. */
  exitedByKind: Record<string, number>;
}

/** The counts every carrier number is made of: read from records here, or from kept totals (core/tallies). */
export interface CarrierCounts {
  atStart: number;
  atEnd: number;
  admitted: number;
  exited: number;
  exitedByKind: Record<string, number>;
  successes: number;
  /** Agreements that ended in the range, and those whose startup had left by then. */
  due: number;
  leftOnTime: number;
  areaUsed: number;
  /** The range's latest reported quarter: its reports, their sums, and how many reported financing. */
  reported: number;
  employees: number;
  keyGroupHires: number;
  newGraduateHires: number;
  financed: number;
  held: number;
  mentors: number;
}

const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : 0);

/** Resident on a day: admitted by then, not yet left, and not admitted by mistake. */
const residentOn = (s: Startup, day: string) => !s.voidedAt && s.admittedOn <= day && !(s.status === 'exited' && s.exitedOn && s.exitedOn <= day);

export const quarterOf = (day: string) => `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;

/** The latest quarter within the range that has reports: the period jobs and financing are taken from. */
export const latestReportedQuarter = (periods: Iterable<string>, range: DateRange) => {
  const first = quarterOf(range.from);
  const last = quarterOf(range.to);
  let latest: string | undefined;
  for (const p of periods) if (p.length === 6 && p >= first && p <= last && (!latest || p > latest)) latest = p;
  return latest;
};

type Ids = Partial<Record<NumberKey, string[]>>;

/** The carrier's numbers from their counts, judged against the rule set's standards. */
export function numbersFromCounts(c: CarrierCounts, carrier: CarrierInput['carrier'], range: DateRange, ids: Ids = {}): CarrierNumbers {
  const t = carrier.rules.thresholds;
  const years = Math.max(days(range.from, range.to) + 1, 1) / 365;
  const fig = (key: NumberKey, value: number, of?: Figure['of']): Figure => ({ value, ...(of ? { of } : {}), ...(ids[key] ? { ids: ids[key] } : {}) });
  const rate = (key: NumberKey, numerator: number, denominator: number) => fig(key, ratio(numerator, denominator), { numerator, denominator });
  // A rate over nothing (0 of 0) is not judged against its standard.
  const judged = (f: Figure) => f.of?.denominator !== 0;
  const atLeast = (f: Figure, threshold: number): Figure => ({ ...f, threshold, ...(judged(f) ? { meets: f.value >= threshold } : {}) });
  const atMost = (f: Figure, threshold: number): Figure => ({ ...f, threshold, ...(judged(f) ? { meets: f.value <= threshold } : {}) });
  return {
    exitedByKind: c.exitedByKind,
    figures: {
      residentsAtStart: fig('residentsAtStart', c.atStart),
      residentsAtEnd: atLeast(fig('residentsAtEnd', c.atEnd), t.residents),
      admitted: fig('admitted', c.admitted),
      exited: fig('exited', c.exited),
      successRate: atLeast(rate('successRate', c.successes, c.exited), t.successRate),
      onTimeExitRate: atLeast(rate('onTimeExitRate', c.leftOnTime, c.due), t.onTimeExitRate),
      occupancyArea: atLeast(rate('occupancyArea', c.areaUsed, carrier.area), t.occupancy),
      occupancySeats: rate('occupancySeats', c.atEnd, carrier.seats),
      jobs: atLeast(fig('jobs', c.employees), t.jobs),
      keyGroupJobs: fig('keyGroupJobs', c.keyGroupHires),
      graduateJobs: fig('graduateJobs', c.newGraduateHires),
      financedShare: rate('financedShare', c.financed, c.reported),
      sessionsPerMentorYear: atLeast({ ...rate('sessionsPerMentorYear', c.held, c.mentors), value: ratio(c.held, c.mentors) / years }, t.sessionsPerMentorYear),
      // Residents with no mentor at all never meet the ratio, whatever the division says.
      residentsPerMentor: {
        ...atMost(rate('residentsPerMentor', c.atEnd, c.mentors), t.residentsPerMentor),
        ...(c.mentors === 0 && c.atEnd > 0 ? { meets: false } : {}),
      },
    },
  };
}

/**
 * The carrier's own numbers for a date range, computed from the records with the records behind each
 * (DOMAIN.md "Carrier KPIs"). Jobs and financing are the range's latest reported quarter: the period-end
 * figures of the startups that reported it.
 */
export function carrierNumbers(input: CarrierInput, range: DateRange): CarrierNumbers {
  const live = input.startups.filter((s) => !s.voidedAt);
  const atStart = live.filter((s) => residentOn(s, range.from));
  const atEnd = live.filter((s) => residentOn(s, range.to));
  const admitted = live.filter((s) => s.admittedOn >= range.from && s.admittedOn <= range.to);
  const exited = live.filter((s) => s.status === 'exited' && s.exitedOn && s.exitedOn >= range.from && s.exitedOn <= range.to);
  const exitedByKind: Record<string, number> = {};
  for (const s of exited) exitedByKind[s.exitKind ?? 'unknown'] = (exitedByKind[s.exitKind ?? 'unknown'] ?? 0) + 1;
  // 孵化成功: left (not failed) and still operating a year after admission.
  const successes = exited.filter((s) => !FAILED_EXITS.has(s.exitKind ?? '') && days(s.admittedOn, s.exitedOn!) >= 365);
  // 到期出园率: of the agreements that ended in the range, the share that had left by their end.
  const due = live.filter((s) => s.agreementEndsOn >= range.from && s.agreementEndsOn <= range.to);
  const leftOnTime = due.filter((s) => s.status === 'exited' && s.exitedOn && s.exitedOn <= s.agreementEndsOn);

  const quarter = latestReportedQuarter(new Set(input.reports.map((r) => r.period)), range);
  const reports = input.reports.filter((r) => r.period === quarter);
  const financed = reports.filter((r) => r.financing > 0);
  const sum = (k: 'employees' | 'keyGroupHires' | 'newGraduateHires') => reports.reduce((n, r) => n + r[k], 0);

  const from = Date.parse(`${range.from}T00:00:00+08:00`);
  const to = Date.parse(`${range.to}T23:59:59.999+08:00`);
  const held = input.sessions.filter((s) => s.status === 'held' && Date.parse(s.startsAt) >= from && Date.parse(s.startsAt) <= to);
  const mentors = input.mentors.filter((m) => m.active);
  const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
  const counts: CarrierCounts = {
    atStart: atStart.length,
    atEnd: atEnd.length,
    admitted: admitted.length,
    exited: exited.length,
    exitedByKind,
    successes: successes.length,
    due: due.length,
    leftOnTime: leftOnTime.length,
    areaUsed: atEnd.reduce((n, s) => n + s.area, 0),
    reported: reports.length,
    employees: sum('employees'),
    keyGroupHires: sum('keyGroupHires'),
    newGraduateHires: sum('newGraduateHires'),
    financed: financed.length,
    held: held.length,
    mentors: mentors.length,
  };
  return numbersFromCounts(counts, input.carrier, range, {
    residentsAtStart: ids(atStart),
    residentsAtEnd: ids(atEnd),
    admitted: ids(admitted),
    exited: ids(exited),
    successRate: ids(successes),
    onTimeExitRate: ids(leftOnTime),
    occupancyArea: ids(atEnd),
    occupancySeats: ids(atEnd),
    jobs: ids(reports),
    keyGroupJobs: ids(reports),
    graduateJobs: ids(reports),
    financedShare: financed.map((r) => r.startupId),
    sessionsPerMentorYear: ids(held),
    residentsPerMentor: ids(mentors),
  });
}
