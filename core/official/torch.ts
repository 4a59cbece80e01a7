import type { DateRange } from '../kpis/carrierNumbers';
import { industryLabel, type Claim, type Report, type Startup } from '../records';
import { periodFigures, reportExpected } from './periodReports';
import { residentsAt } from './residents';
import { problemsFor, type OfficialColumn, type OfficialFile, type Problem, type Translate } from './sheet';
import { supportFigures } from './supportFigures';

/** Yuan to whole 千元, halves away from zero (so a loss rounds like a profit of the same size). */
export const toThousands = (yuan: number): number => Math.sign(yuan) * Math.round(Math.abs(yuan) / 1000);

export interface TorchInput {
  startups: readonly Startup[];
  reports: readonly Report[];
  /** The desk's claims of supports: loans and subsidies paid in the range count at least as much as reported. */
  claims: readonly Pick<Claim, 'support' | 'startupId' | 'state' | 'paidOn' | 'amountGranted'>[];
  range: DateRange;
  /** Quarters ending after today owe no report yet. */
  today: string;
}

/** Column keys in the table's order (core/official/README.md gives the source of each). */
const columns = [
  ['no', 'number'],
  ['name', 'text'],
  ['creditCode', 'text'],
  ['admittedOn', 'date'],
  ['industry', 'text'],
  ['highTech', 'text'],
  ['employees', 'number'],
  ['collegeEducated', 'number'],
  ['newGraduates', 'number'],
  ['revenue', 'number'],
  ['netProfit', 'number'],
  ['taxPaid', 'number'],
  ['rdSpend', 'number'],
  ['ipApplied', 'number'],
  ['ipGranted', 'number'],
  ['inventionPatents', 'number'],
  ['financing', 'number'],
  ['guaranteeLoans', 'number'],
  ['equityFinancing', 'number'],
  ['subsidies', 'number'],
] as const satisfies readonly (readonly [string, OfficialColumn['kind']])[];

/**
 * 火炬统计 在孵企业情况: one row per enterprise in residence at the range's end, headcounts from its
 * latest report in the range, money (千元) and IP counts summed over the range's reports.
 */
export function torchTable({ startups, reports, claims, range, today }: TorchInput, t: Translate): OfficialFile {
  const header = (key: string) => t(`official.torch.col.${key}`);
  const figures = periodFigures(reports, range);
  const supports = supportFigures(claims, range);
  const problems: Problem[] = [];
  // Teams, sole proprietors and cooperatives are not enterprises: the 火炬 table counts enterprises only.
  const enterprises = residentsAt(startups, range).filter((s) => s.entityType === 'enterprise');
  const rows = enterprises.map((s, i) => {
    const check = problemsFor(problems, { kind: 'startup', id: s.id, name: s.name }, t);
    if (!s.creditCode) check.missing(header('creditCode'));
    if (!s.industry) check.missing(header('industry'));
    const f = figures.get(s.id);
    const base = [i + 1, s.name, s.creditCode ?? '', s.admittedOn, s.industry ? industryLabel(s.industry, t) : ''];
    if (!f) {
      if (reportExpected(s.admittedOn, range, today)) check.other(t('official.torch.reports'), 'official.problem.noReport');
      return base;
    }
    const r = f.latest;
    const k = (yuan: number) => toThousands(yuan);
    // A report may leave out a support the desk carried through, or add one from elsewhere: the larger
    // figure stands, and financing grows to hold a loan it left out.
    const paid = supports.get(s.id);
    const guaranteeLoans = Math.max(f.sums.guaranteeLoans, paid?.guaranteeLoans ?? 0);
    const financing = f.sums.financing + guaranteeLoans - f.sums.guaranteeLoans;
    const row = [
      ...base,
      r.highTech === undefined ? '' : t(r.highTech ? 'common.yes' : 'common.no'),
      r.employees,
      // The desk keeps founders' education, not its employees': left for the manager to fill.
      null,
      r.newGraduateHires,
      k(f.sums.revenue),
      k(f.sums.netProfit),
      k(f.sums.taxPaid),
      k(f.sums.rdSpend),
      f.sums.ipApplied,
      f.sums.inventionPatentsGranted + f.sums.otherIpGranted,
      f.sums.inventionPatentsGranted,
      k(financing),
      k(guaranteeLoans),
      k(f.sums.equityFinancing),
      k(Math.max(f.sums.subsidies, paid?.subsidies ?? 0)),
    ];
    // The balance checks read the file's own figures, as whoever receives it will.
    const at = (key: (typeof columns)[number][0]) => row[columns.findIndex(([c]) => c === key)] as number;
    check.ofWhich(header('newGraduates'), at('newGraduates'), header('employees'), at('employees'));
    check.ofWhich(header('inventionPatents'), at('inventionPatents'), header('ipGranted'), at('ipGranted'));
    check.ofWhich(header('guaranteeLoans'), at('guaranteeLoans'), header('financing'), at('financing'));
    check.ofWhich(header('equityFinancing'), at('equityFinancing'), header('financing'), at('financing'));
    return row;
  });
  return {
    sheet: { name: t('official.torch.sheet'), columns: columns.map(([key, kind]) => ({ header: header(key), kind })), rows },
    problems,
  };
}
