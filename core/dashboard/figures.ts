import type { DateRange } from '../kpis/carrierNumbers';
import { quarterOf } from '../kpis/carrierNumbers';
import { REPORT_SUMS } from '../tallies/contributions';
import { dayBefore, type TallyView } from '../tallies/view';

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
  /** Per calendar month the range touches: held sessions, residents coached, residents in the month. */
  sessions: { month: string; held: number; coached: number; residents: number; coverage: number }[];
}

const monthEnd = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

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

const byCount = (rows: Count[]) => rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

/** Present on a day: admitted by then and not left by then (voided startups count nowhere). */
const presentOn = (t: TallyView, day: string, category = '') => t.through(`in${category}`, day) - t.through(`out${category}`, day);

/** Every series the 工作台 draws for a range, from the desk's kept totals (core/tallies). */
export function dashboardFigures(t: TallyView, range: DateRange): DashboardFigures {
  const residentsBy = (kind: string) =>
    byCount(t.seriesStarting(`in:${kind}=`).map((key) => ({ key, count: presentOn(t, range.to, `:${kind}=${key}`) })));

  const firstQ = quarterOf(range.from);
  const lastQ = quarterOf(range.to);
  const quarters = t
    .entries('q|reports|')
    .map(([k]) => k.slice('q|reports|'.length))
    .filter((p) => p.length === 6 && p >= firstQ && p <= lastQ)
    .sort();
  const q = (field: (typeof REPORT_SUMS)[number], period: string) => t.get(`q|${field}|${period}`);

  const fromYear = range.from.slice(0, 4);
  const toYear = range.to.slice(0, 4);
  const grades = new Map<string, DashboardFigures['grades'][number]>();
  for (const [key, n] of t.entries('g|')) {
    const [, period, grade] = key.split('|') as [string, string, 'excellent' | 'good' | 'pass' | 'fail'];
    if (period < fromYear || period.slice(0, 4) > toYear) continue;
    const row = grades.get(period) ?? { period, excellent: 0, good: 0, pass: 0, fail: 0 };
    row[grade] += n;
    grades.set(period, row);
  }

  return {
    byStage: residentsBy('stage'),
    byIndustry: residentsBy('industry'),
    byKeyGroup: residentsBy('group'),
    jobs: quarters.map((period) => ({ period, employees: q('employees', period), keyGroupHires: q('keyGroupHires', period), newGraduateHires: q('newGraduateHires', period) })),
    money: quarters.map((period) => ({ period, revenue: q('revenue', period), financing: q('financing', period) })),
    grades: [...grades.values()].sort((a, b) => (a.period < b.period ? -1 : 1)),
    sessions: months(range).map((month) => {
      // In the month at some time: admitted by its end, not left before it began.
      const residents = t.through('in', monthEnd(month)) - t.through('out', dayBefore(`${month}-01`));
      const coached = t.month('coached', month);
      return { month, held: t.month('held', month), coached, residents, coverage: residents ? coached / residents : 0 };
    }),
  };
}
