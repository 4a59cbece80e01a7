import type { Evaluation, Founder, Report, Session, Startup } from '../records';
import type { DateRange } from '../kpis/carrierNumbers';

export interface DashboardInput {
  startups: readonly Startup[];
  founders: readonly Founder[];
  reports: readonly Report[];
  sessions: readonly Session[];
  evaluations: readonly Evaluation[];
}

export interface Count {
  key: string;
  count: number;
}

export interface DashboardFigures {
  byStage: Count[];
  byIndustry: Count[];
  byKeyGroup: Count[];
  jobs: { period: string; employees: number; keyGroupHires: number; newGraduateHires: number }[];
  money: { period: string; revenue: number; financing: number }[];
  grades: { period: string; excellent: number; good: number; pass: number; fail: number }[];
  sessions: { month: string; held: number; coached: number; residents: number; coverage: number }[];
}

const quarterOf = (day: string) => `${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
const monthEnd = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const residentOn = (s: Startup, day: string) => !s.voidedAt && s.admittedOn <= day && !(s.status === 'exited' && s.exitedOn && s.exitedOn <= day);
/** A session's day in Beijing time, where every carrier is. */
const beijingDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

function months(range: DateRange): string[] {
  const out: string[] = [];
  let y = Number(range.from.slice(0, 4));
  let m = Number(range.from.slice(5, 7));
  const last = range.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    if (++m === 13) {
      m = 1;
      y++;
    }
  }
}

const counted = (keys: string[]): Count[] => {
  const map = new Map<string, number>();
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
  return [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
};

/** Every series the 工作台 draws for a range, computed once from the records. */
export function dashboardFigures(input: DashboardInput, range: DateRange): DashboardFigures {
  const residents = input.startups.filter((s) => residentOn(s, range.to));
  const residentIds = new Set(residents.map((s) => s.id));
  const groupsOf = new Map<string, Set<string>>();
  for (const f of input.founders) {
    if (!residentIds.has(f.startupId)) continue;
    const set = groupsOf.get(f.startupId) ?? new Set<string>();
    for (const g of f.keyGroups) set.add(g);
    groupsOf.set(f.startupId, set);
  }

  const firstQ = quarterOf(range.from);
  const lastQ = quarterOf(range.to);
  const byQuarter = new Map<string, Report[]>();
  for (const r of input.reports) {
    if (r.period.length !== 6 || r.period < firstQ || r.period > lastQ) continue;
    byQuarter.set(r.period, [...(byQuarter.get(r.period) ?? []), r]);
  }
  const quarters = [...byQuarter.keys()].sort();
  const sum = (rs: Report[], k: 'employees' | 'keyGroupHires' | 'newGraduateHires' | 'revenue' | 'financing') => rs.reduce((n, r) => n + r[k], 0);

  // The latest revision of each finalized evaluation, per period.
  const latest = new Map<string, Evaluation>();
  for (const e of input.evaluations) {
    if (e.status !== 'finalized' || e.period < range.from.slice(0, 4) || e.period.slice(0, 4) > range.to.slice(0, 4)) continue;
    const key = `${e.startupId}|${e.period}`;
    const seen = latest.get(key);
    if (!seen || seen.revision < e.revision) latest.set(key, e);
  }
  const grades = new Map<string, DashboardFigures['grades'][number]>();
  for (const e of latest.values()) {
    const row = grades.get(e.period) ?? { period: e.period, excellent: 0, good: 0, pass: 0, fail: 0 };
    row[e.grade]++;
    grades.set(e.period, row);
  }

  const sessionMonths = months(range).map((month) => {
    const held = input.sessions.filter((s) => s.status === 'held' && beijingDay(s.startsAt).startsWith(month));
    const coached = new Set(held.flatMap((s) => s.startupIds));
    const end = monthEnd(month);
    const present = input.startups.filter((s) => residentOn(s, end));
    const coachedResidents = present.filter((s) => coached.has(s.id)).length;
    return { month, held: held.length, coached: coachedResidents, residents: present.length, coverage: present.length ? coachedResidents / present.length : 0 };
  });

  return {
    byStage: counted(residents.map((s) => s.stage)),
    byIndustry: counted(residents.map((s) => s.industry)),
    byKeyGroup: counted([...groupsOf.values()].flatMap((set) => [...set])),
    jobs: quarters.map((period) => {
      const rs = byQuarter.get(period)!;
      return { period, employees: sum(rs, 'employees'), keyGroupHires: sum(rs, 'keyGroupHires'), newGraduateHires: sum(rs, 'newGraduateHires') };
    }),
    money: quarters.map((period) => {
      const rs = byQuarter.get(period)!;
      return { period, revenue: sum(rs, 'revenue'), financing: sum(rs, 'financing') };
    }),
    grades: [...grades.values()].sort((a, b) => (a.period < b.period ? -1 : 1)),
    sessions: sessionMonths,
  };
}
