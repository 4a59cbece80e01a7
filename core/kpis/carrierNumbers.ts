import type { Carrier, Mentor, Report, Session, Startup } from '../records';

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

/** A number with the records behind it, so every figure can be opened down to what makes it. */
export interface Figure {
  value: number;
  /** For rates: the counts it divides. */
  of?: { numerator: number; denominator: number };
  ids: string[];
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
  exitedByKind: Record<string, string[]>;
}

const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : 0);

/** Resident on a day: admitted by then, not yet left, and not admitted by mistake. */
const residentOn = (s: Startup, day: string) => !s.voidedAt && s.admittedOn <= day && !(s.status === 'exited' && s.exitedOn && s.exitedOn <= day);

/** Ventures that failed rather than moved on: their exit is not an incubation success. */
const FAILED_EXITS = new Set(['evicted', 'deregistered']);

/** The carrier's own numbers for a date range, computed from the records (DOMAIN.md "Carrier KPIs"). */
export function carrierNumbers(input: CarrierInput, range: DateRange): CarrierNumbers {
  const { carrier } = input;
  const t = carrier.rules.thresholds;
  const live = input.startups.filter((s) => !s.voidedAt);
  const atStart = live.filter((s) => residentOn(s, range.from));
  const atEnd = live.filter((s) => residentOn(s, range.to));
  const admitted = live.filter((s) => s.admittedOn >= range.from && s.admittedOn <= range.to);
  const exited = live.filter((s) => s.status === 'exited' && s.exitedOn && s.exitedOn >= range.from && s.exitedOn <= range.to);

  const exitedByKind: Record<string, string[]> = {};
  for (const s of exited) (exitedByKind[s.exitKind ?? 'unknown'] ??= []).push(s.id);

  // 孵化成功: left (not failed) and still operating a year after admission.
  const successes = exited.filter((s) => !FAILED_EXITS.has(s.exitKind ?? '') && days(s.admittedOn, s.exitedOn!) >= 365);
  // 到期出园率: of the agreements that ended in the range, the share that had left by their end.
  const due = live.filter((s) => s.agreementEndsOn >= range.from && s.agreementEndsOn <= range.to);
  const leftOnTime = due.filter((s) => s.status === 'exited' && s.exitedOn && s.exitedOn <= s.agreementEndsOn);

  // Jobs: each resident's latest report within the range.
  const endIds = new Set(atEnd.map((s) => s.id));
  const latest = new Map<string, Report>();
  const financed = new Set<string>();
  const lastPeriod = `${range.to.slice(0, 4)}Q${Math.ceil(Number(range.to.slice(5, 7)) / 3)}`;
  const firstPeriod = `${range.from.slice(0, 4)}Q${Math.ceil(Number(range.from.slice(5, 7)) / 3)}`;
  for (const r of input.reports) {
    if (!endIds.has(r.startupId) || r.period.length !== 6 || r.period < firstPeriod || r.period > lastPeriod) continue;
    const seen = latest.get(r.startupId);
    if (!seen || seen.period < r.period) latest.set(r.startupId, r);
    if (r.financing > 0) financed.add(r.startupId);
  }
  const reports = [...latest.values()];
  const sum = (k: 'employees' | 'keyGroupHires' | 'newGraduateHires') => reports.reduce((n, r) => n + r[k], 0);

  const from = Date.parse(`${range.from}T00:00:00+08:00`);
  const to = Date.parse(`${range.to}T23:59:59+08:00`);
  const held = input.sessions.filter((s) => s.status === 'held' && Date.parse(s.startsAt) >= from && Date.parse(s.startsAt) <= to);
  const mentors = input.mentors.filter((m) => m.active);
  const years = Math.max(days(range.from, range.to) + 1, 1) / 365;
  const areaUsed = atEnd.reduce((n, s) => n + s.area, 0);

  const fig = (value: number, ids: string[], of?: Figure['of']): Figure => ({ value, ids, ...(of ? { of } : {}) });
  const rate = (part: Startup[], whole: Startup[]) => fig(ratio(part.length, whole.length), part.map((s) => s.id), { numerator: part.length, denominator: whole.length });
  // A rate over nothing (0 of 0) is not judged against its standard.
  const judged = (f: Figure) => f.of?.denominator !== 0;
  const atLeast = (f: Figure, threshold: number): Figure => ({ ...f, threshold, ...(judged(f) ? { meets: f.value >= threshold } : {}) });
  const atMost = (f: Figure, threshold: number): Figure => ({ ...f, threshold, ...(judged(f) ? { meets: f.value <= threshold } : {}) });
  const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

  return {
    exitedByKind,
    figures: {
      residentsAtStart: fig(atStart.length, ids(atStart)),
      residentsAtEnd: atLeast(fig(atEnd.length, ids(atEnd)), t.residents),
      admitted: fig(admitted.length, ids(admitted)),
      exited: fig(exited.length, ids(exited)),
      successRate: atLeast(rate(successes, exited), t.successRate),
      onTimeExitRate: atLeast(rate(leftOnTime, due), t.onTimeExitRate),
      occupancyArea: atLeast(fig(ratio(areaUsed, carrier.area), ids(atEnd), { numerator: areaUsed, denominator: carrier.area }), t.occupancy),
      occupancySeats: fig(ratio(atEnd.length, carrier.seats), ids(atEnd), { numerator: atEnd.length, denominator: carrier.seats }),
      jobs: atLeast(fig(sum('employees'), ids(reports)), t.jobs),
      keyGroupJobs: fig(sum('keyGroupHires'), ids(reports)),
      graduateJobs: fig(sum('newGraduateHires'), ids(reports)),
      financedShare: fig(ratio(financed.size, atEnd.length), [...financed], { numerator: financed.size, denominator: atEnd.length }),
      sessionsPerMentorYear: atLeast(fig(ratio(held.length, mentors.length) / years, ids(held), { numerator: held.length, denominator: mentors.length }), t.sessionsPerMentorYear),
      // Residents with no mentor at all never meet the ratio, whatever the division says.
      residentsPerMentor: {
        ...atMost(fig(ratio(atEnd.length, mentors.length), ids(mentors), { numerator: atEnd.length, denominator: mentors.length }), t.residentsPerMentor),
        ...(mentors.length === 0 && atEnd.length > 0 ? { meets: false } : {}),
      },
    },
  };
}
