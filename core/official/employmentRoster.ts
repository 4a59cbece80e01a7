import type { DateRange } from '../kpis/carrierNumbers';
import { policyKeyGroups, type Founder, type Report, type Startup } from '../records';
import { maskIdNumber } from '../validators/idNumber';
import { foundersByStartup } from './entityRoster';
import { periodFigures, reportExpected } from './periodReports';
import { residentsAt } from './residents';
import { problemsFor, type OfficialFile, type Problem, type Translate } from './sheet';

const columns = [
  ['no', 'number'],
  ['name', 'text'],
  ['creditCode', 'text'],
  ['personKind', 'text'],
  ['person', 'text'],
  ['idNumber', 'text'],
  ['education', 'text'],
  ['keyGroups', 'text'],
  ['phone', 'text'],
  ['count', 'number'],
  ['keyGroupCount', 'number'],
  ['graduateCount', 'number'],
  ['insuredCount', 'number'],
] as const;

export interface EmploymentInput {
  startups: readonly Startup[];
  founders: readonly Founder[];
  reports: readonly Report[];
  range: DateRange;
  today: string;
}

/**
 * 带动就业人员名册. The desk knows founders as persons but employees only as counts (each report's
 * 从业人员 and its 其中), so each resident gets one row per founder and one row of counts; the file
 * ends with a note saying so, and a per-person list of employees has to come from the startups.
 * ID numbers are always masked: the file leaves the desk.
 */
export function employmentRoster(input: EmploymentInput, t: Translate): OfficialFile {
  const header = (key: string) => t(`official.employment.col.${key}`);
  const people = foundersByStartup(input.founders);
  const figures = periodFigures(input.reports, input.range);
  const problems: Problem[] = [];
  const rows: unknown[][] = [];
  let no = 0;
  for (const s of residentsAt(input.startups, input.range)) {
    const check = problemsFor(problems, { kind: 'startup', id: s.id, name: s.name }, t);
    const founders = people.get(s.id) ?? [];
    if (founders.length === 0) check.missing(header('person'));
    for (const f of founders) {
      const keyGroup = policyKeyGroups.some((g) => f.keyGroups.includes(g));
      rows.push([
        ++no,
        s.name,
        s.creditCode ?? '',
        t('official.employment.founder'),
        f.name,
        maskIdNumber(f.idNumber),
        f.education ? t(`enums.education.${f.education}`) : '',
        f.keyGroups.map((g) => t(`enums.keyGroup.${g}`)).join('、'),
        f.phone ?? '',
        1,
        keyGroup ? 1 : 0,
        f.keyGroups.includes('graduate') ? 1 : 0,
        null,
      ]);
    }
    const latest = figures.get(s.id)?.latest;
    if (!latest) {
      if (reportExpected(s.admittedOn, input.range, input.today)) check.other(header('count'), 'official.problem.noReport');
      continue;
    }
    check.ofWhich(header('keyGroupCount'), latest.keyGroupHires, header('count'), latest.employees);
    check.ofWhich(header('graduateCount'), latest.newGraduateHires, header('count'), latest.employees);
    check.ofWhich(header('insuredCount'), latest.insuredEmployees, header('count'), latest.employees);
    rows.push([
      ++no,
      s.name,
      s.creditCode ?? '',
      t('official.employment.employees', { period: latest.period }),
      '',
      '',
      '',
      '',
      '',
      latest.employees,
      latest.keyGroupHires,
      latest.newGraduateHires,
      latest.insuredEmployees,
    ]);
  }
  rows.push([t('official.employment.noteLabel'), t('official.employment.note')]);
  return { sheet: { name: t('official.employment.sheet'), columns: columns.map(([key, kind]) => ({ header: header(key), kind })), rows }, problems };
}
