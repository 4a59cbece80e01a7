import type { Evaluation, Founder, Report, RuleSet, Startup } from '../records';
import { periodDays, periodOf, previousPeriod } from '../scoring/period';
import { addMonths } from '../dates';

/** Why the desk suggests a startup for exit review; a person decides. */
export type CandidateRule = 'graduationScience' | 'graduationEmployment' | 'periodEnded' | 'agreementEnded' | 'failedEvaluations' | 'noReports';

export interface Candidate {
  startupId: string;
  rule: CandidateRule;
  /** The exit this rule usually leads to. */
  suggests: 'graduated' | 'expired' | 'evicted';
  /** Facts behind the rule, as i18n parameters. */
  facts: Record<string, string | number>;
  evidence: { entity: 'evaluation' | 'report'; id: string }[];
}

export interface CandidateInput {
  startups: readonly Startup[];
  founders?: readonly Founder[];
  reports: readonly Report[];
  evaluations: readonly Evaluation[];
  rules: RuleSet;
  line: 'hrss' | 'science' | 'both';
  today: string;
}


function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Revenue per calendar year from quarterly reports. */
function yearRevenue(reports: readonly Report[]): Map<string, { revenue: number; ids: string[] }> {
  const years = new Map<string, { revenue: number; ids: string[] }>();
  for (const r of reports) {
    const y = r.period.slice(0, 4);
    const entry = years.get(y) ?? { revenue: 0, ids: [] };
    entry.revenue += r.revenue;
    entry.ids.push(r.id);
    years.set(y, entry);
  }
  return years;
}

/** Every rule that fires for every resident, with its evidence. Pure: the same records give the same list. */
export function exitCandidates(input: CandidateInput): Candidate[] {
  const { rules, today } = input;
  const reportsOf = groupBy(input.reports, (r) => r.startupId);
  const evaluationsOf = groupBy(
    input.evaluations.filter((e) => e.status === 'finalized'),
    (e) => e.startupId,
  );
  const out: Candidate[] = [];
  for (const s of input.startups) {
    if (s.status !== 'resident' || s.voidedAt) continue;
    const reports = [...(reportsOf.get(s.id) ?? [])].sort((a, b) => (a.period < b.period ? -1 : 1));
    const push = (rule: CandidateRule, suggests: Candidate['suggests'], facts: Candidate['facts'], evidence: Candidate['evidence'] = []) =>
      out.push({ startupId: s.id, rule, suggests, facts, evidence });

    // Graduation, science line: equity over the threshold, or revenue over it in two consecutive years.
    if (input.line !== 'hrss') {
      const equity = reports.reduce((sum, r) => sum + r.equityFinancing, 0);
      const years = yearRevenue(reports);
      const strongYears = [...years.keys()].sort().filter((y) => years.get(y)!.revenue > rules.graduation.yearRevenue);
      const consecutive = strongYears.find((y) => strongYears.includes(String(Number(y) + 1)));
      if (equity > rules.graduation.equityFinancingTotal) {
        push('graduationScience', 'graduated', { equity }, reports.filter((r) => r.equityFinancing > 0).map((r) => ({ entity: 'report', id: r.id })));
      } else if (consecutive) {
        const ids = [...years.get(consecutive)!.ids, ...years.get(String(Number(consecutive) + 1))!.ids];
        push('graduationScience', 'graduated', { year: consecutive }, ids.map((id) => ({ entity: 'report', id })));
      }
    }
    // Graduation, employment line: operating more than N months after admission with enough jobs.
    if (input.line !== 'science') {
      const latest = reports.at(-1);
      if (latest && addMonths(s.admittedOn, rules.graduation.employmentMonths) < today && latest.employees >= rules.graduationMinJobs) {
        push('graduationEmployment', 'graduated', { employees: latest.employees, period: latest.period }, [{ entity: 'report', id: latest.id }]);
      }
    }
    const periodEnd = addMonths(s.admittedOn, rules.incubationMonths);
    if (periodEnd < today) push('periodEnded', 'expired', { on: periodEnd });
    else if (s.agreementEndsOn < today) push('agreementEnded', 'expired', { on: s.agreementEndsOn });

    // Two consecutive 不合格: the latest two finalized evaluations (latest revision of each period).
    const latestByPeriod = new Map<string, Evaluation>();
    for (const e of evaluationsOf.get(s.id) ?? []) {
      const seen = latestByPeriod.get(e.period);
      if (!seen || seen.revision < e.revision) latestByPeriod.set(e.period, e);
    }
    const lastTwo = [...latestByPeriod.values()].sort((a, b) => (a.period < b.period ? 1 : -1)).slice(0, 2);
    if (lastTwo.length === 2 && lastTwo.every((e) => e.grade === 'fail') && lastTwo[1]!.period === previousPeriod(lastTwo[0]!.period)) {
      push('failedEvaluations', 'evicted', { periods: lastTwo.map((e) => e.period).reverse().join('、') }, lastTwo.map((e) => ({ entity: 'evaluation', id: e.id })));
    }

    // No operating report for the last two whole quarters it was resident through.
    const last = previousPeriod(periodOf(today, 'quarter'));
    const before = previousPeriod(last);
    const residentThrough = periodDays(before).from >= s.admittedOn;
    const has = new Set(reports.map((r) => r.period));
    if (residentThrough && !has.has(last) && !has.has(before)) push('noReports', 'evicted', { periods: `${before}、${last}` });
  }
  return out;
}
