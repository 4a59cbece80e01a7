import { describe, expect, it } from 'vitest';
import { carrierNumbers } from '../kpis/carrierNumbers';
import { defaultRuleSet, type Claim, type Founder, type Mentor, type Report, type Startup } from '../records';
import { aFounder, aReport, aStartup } from '../testing/records';
import { employmentRoster } from './employmentRoster';
import { entityRoster } from './entityRoster';
import { mentorRoster } from './mentorRoster';
import { periodFigures, periodMonths, reportExpected } from './periodReports';
import { selfAssessment } from './selfAssessment';
import type { Translate } from './sheet';
import { toThousands, torchTable } from './torch';

/** Keys stand for the words: a test reads which header or message, not its wording. */
const t: Translate = (key, values) => (values ? `${key}${JSON.stringify(values)}` : key);
const at = '2026-01-01T00:00:00.000Z';
const year = { from: '2025-01-01', to: '2025-12-31' };
const today = '2026-02-01';

const startup = (id: string, over: Partial<Startup> = {}) =>
  aStartup(id, { name: `企业${id}`, creditCode: `91330185MA${id.padStart(8, '0')}`, admittedOn: '2024-03-01', agreementEndsOn: '2027-02-28', area: 60, contactPhone: '13800138000', ...over });
const report = (startupId: string, period: string, over: Partial<Report> = {}) =>
  aReport(startupId, period, { employees: 10, keyGroupHires: 3, newGraduateHires: 2, insuredEmployees: 8, ...over });
const founder = (id: string, startupId: string, over: Partial<Founder> = {}) => aFounder(id, startupId, { name: `创始人${id}`, ...over });
const quarters = (startupId: string, over: (q: number) => Partial<Report>) => [1, 2, 3, 4].map((q) => report(startupId, `2025Q${q}`, over(q)));

describe('periods', () => {
  it('reads quarters, halves and years as months', () => {
    expect(periodMonths('2025Q3')).toEqual([2025 * 12 + 6, 2025 * 12 + 8]);
    expect(periodMonths('2025H2')).toEqual([2025 * 12 + 6, 2025 * 12 + 11]);
    expect(periodMonths('2025')).toEqual([2025 * 12, 2025 * 12 + 11]);
  });

  it('sums a year once when a startup reported both the year and its quarters, and takes headcounts from the last quarter', () => {
    const reports = [...quarters('a', (q) => ({ revenue: 100, employees: q })), report('a', '2025', { revenue: 1000, employees: 9 }), report('a', '2024Q4', { revenue: 5 })];
    const f = periodFigures(reports, year).get('a')!;
    expect(f.sums.revenue).toBe(1000);
    expect(f.latest.period).toBe('2025Q4');
  });

  it('sums quarters and a half year that do not overlap', () => {
    const reports = [report('a', '2025H1', { revenue: 600 }), report('a', '2025Q3', { revenue: 30 }), report('a', '2025Q4', { revenue: 40 })];
    expect(periodFigures(reports, year).get('a')!.sums.revenue).toBe(670);
  });

  it('expects a report only for a whole quarter in residence that has ended', () => {
    expect(reportExpected('2025-01-01', year, today)).toBe(true);
    expect(reportExpected('2025-10-01', year, today)).toBe(true);
    expect(reportExpected('2025-10-02', year, today)).toBe(false);
    // Mid-February: the last quarter to have ended is 2025Q4, outside a range of this year.
    expect(reportExpected('2025-01-01', { from: '2026-01-01', to: '2026-12-31' }, '2026-02-15')).toBe(false);
    expect(reportExpected('2025-01-01', { from: '2026-01-01', to: '2026-12-31' }, '2026-03-31')).toBe(true);
  });
});

describe('火炬 在孵企业情况', () => {
  it('converts yuan to whole 千元, halves away from zero', () => {
    expect([1499, 1500, 2500, -1499, -1500, 0, 1_234_567].map(toThousands)).toEqual([1, 2, 3, -1, -2, 0, 1235]);
  });

  it('writes one row per enterprise in residence at the end, money summed over the year in 千元', () => {
    const startups = [
      startup('a'),
      startup('b', { admittedOn: '2025-05-10', industry: 'M' }),
      startup('team', { entityType: 'team', creditCode: undefined }),
      startup('gone', { status: 'exited', exitedOn: '2025-06-30', exitKind: 'graduated' }),
    ];
    const reports = [
      ...quarters('a', (q) => ({ revenue: 250_400, netProfit: -1_300, taxPaid: 7_500, rdSpend: 20_000, ipApplied: 1, inventionPatentsGranted: q === 4 ? 1 : 0, otherIpGranted: 1, employees: 10 + q, newGraduateHires: q, highTech: q === 4 })),
      report('b', '2025Q3', { revenue: 80_000, financing: 500_000, guaranteeLoans: 300_000, equityFinancing: 200_000, subsidies: 10_000 }),
      report('b', '2025Q4', { revenue: 90_000, employees: 4, newGraduateHires: 1 }),
    ];
    const { sheet, problems } = torchTable({ startups, reports, claims: [], range: year, today }, t);
    expect(problems).toEqual([]);
    expect(sheet.columns.map((c) => c.header.replace('official.torch.col.', ''))).toEqual([
      'no', 'name', 'creditCode', 'admittedOn', 'industry', 'highTech', 'employees', 'collegeEducated', 'newGraduates', 'revenue', 'netProfit',
      'taxPaid', 'rdSpend', 'ipApplied', 'ipGranted', 'inventionPatents', 'financing', 'guaranteeLoans', 'equityFinancing', 'subsidies',
    ]);
    expect(sheet.rows).toEqual([
      // 4 × 250,400 = 1,001,600 → 1,002; 4 × −1,300 = −5,200 → −5; 4 × 7,500 = 30,000 → 30.
      [1, '企业a', '91330185MA0000000a', '2024-03-01', 'I enums.industry.I', 'common.yes', 14, null, 4, 1002, -5, 30, 80, 4, 5, 1, 0, 0, 0, 0],
      [2, '企业b', '91330185MA0000000b', '2025-05-10', 'M enums.industry.M', '', 4, null, 1, 170, 0, 0, 0, 0, 0, 0, 500, 300, 200, 10],
    ]);
  });

  it('lists every 其中 that exceeds its total and a missing report, naming the startup and the column', () => {
    const startups = [startup('a'), startup('b'), startup('new', { admittedOn: '2025-12-01' })];
    const reports = [report('a', '2025Q4', { employees: 2, newGraduateHires: 3, financing: 100_000, guaranteeLoans: 200_000 })];
    const { problems } = torchTable({ startups, reports, claims: [], range: year, today }, t);
    expect(problems).toEqual([
      { subject: { kind: 'startup', id: 'a', name: '企业a' }, field: 'official.torch.col.newGraduates', problem: 'official.problem.ofWhich{"part":3,"total":2,"totalField":"official.torch.col.employees"}' },
      { subject: { kind: 'startup', id: 'a', name: '企业a' }, field: 'official.torch.col.guaranteeLoans', problem: 'official.problem.ofWhich{"part":200,"total":100,"totalField":"official.torch.col.financing"}' },
      { subject: { kind: 'startup', id: 'b', name: '企业b' }, field: 'official.torch.reports', problem: 'official.problem.noReport' },
    ]);
  });
});

describe('火炬 support figures from the claims', () => {
  const paid = (startupId: string, support: Claim['support'], amountGranted: number, paidOn: string, state: Claim['state'] = 'paid') => ({ startupId, support, amountGranted, paidOn, state });
  const columnsOf = (row: unknown[]) => ({ financing: row[16], guaranteeLoans: row[17], equityFinancing: row[18], subsidies: row[19] });

  it('counts loans and subsidies paid in the range, at least what the report says, financing holding the loan', () => {
    const startups = [startup('a'), startup('b'), startup('c')];
    const reports = [
      report('a', '2025Q4'),
      // b reported a loan and a subsidy from elsewhere, larger than the desk paid: the report stands.
      report('b', '2025Q4', { financing: 800_000, guaranteeLoans: 500_000, equityFinancing: 300_000, subsidies: 30_000 }),
      report('c', '2025Q4', { financing: 100_000, equityFinancing: 100_000 }),
    ];
    const claims = [
      paid('a', 'guaranteeLoan', 200_000, '2025-03-10'),
      paid('a', 'startupSubsidy', 5_000, '2025-06-01'),
      paid('a', 'insuranceSubsidy', 12_000, '2025-12-31'),
      // Not 财政资助 to the enterprise, not in the range, or not paid: left out.
      paid('a', 'taxRelief', 12_000, '2025-05-01'),
      paid('a', 'flexibleInsurance', 6_000, '2025-05-01'),
      paid('a', 'startupSubsidy', 5_000, '2026-01-01'),
      { ...paid('a', 'loanRenewal', 300_000, '2025-08-01', 'granted'), paidOn: undefined },
      paid('b', 'guaranteeLoan', 300_000, '2025-04-01'),
      paid('b', 'startupSubsidy', 5_000, '2025-04-01'),
      // A renewal is a new loan; one later in default was still received.
      paid('c', 'loanRenewal', 300_000, '2025-01-01', 'defaulted'),
    ];
    const { sheet, problems } = torchTable({ startups, reports, claims, range: year, today }, t);
    expect(problems).toEqual([]);
    expect(sheet.rows.map((r) => columnsOf(r))).toEqual([
      { financing: 200, guaranteeLoans: 200, equityFinancing: 0, subsidies: 17 },
      { financing: 800, guaranteeLoans: 500, equityFinancing: 300, subsidies: 30 },
      { financing: 400, guaranteeLoans: 300, equityFinancing: 100, subsidies: 0 },
    ]);
  });
});

describe('a startup whose industry is still to complete (待补充)', () => {
  const startups = [startup('a'), startup('open', { industry: undefined, field: undefined, stage: undefined })];
  const reports = [...quarters('a', () => ({})), ...quarters('open', () => ({}))];

  it('is a problem of the 火炬 table, named by startup and column, not a blank cell', () => {
    const { problems } = torchTable({ startups, reports, claims: [], range: year, today }, t);
    expect(problems).toEqual([{ subject: { kind: 'startup', id: 'open', name: '企业open' }, field: 'official.torch.col.industry', problem: 'official.problem.missing' }]);
  });

  it('is a problem of the 在孵创业主体名册 too; a proposed industry is written as given', () => {
    const founders = [founder('f1', 'a'), founder('f2', 'open'), founder('f3', 'guess')];
    const guessed = startup('guess', { industry: 'A', proposed: ['industry'] });
    const { sheet, problems } = entityRoster({ startups: [...startups, guessed], founders, range: year }, t);
    expect(problems.map((p) => [p.subject.id, p.field, p.problem])).toEqual([['open', 'official.entities.col.industry', 'official.problem.missing']]);
    expect(sheet.rows.map((r) => [r[1], r[4]])).toEqual([['企业a', 'I enums.industry.I'], ['企业guess', 'A enums.industry.A'], ['企业open', '']]);
  });
});

describe('人社 rosters', () => {
  it('在孵创业主体名册: residents with founders, contact and key groups; missing fields listed', () => {
    const startups = [
      startup('a', { feeWaived: true, feeWaiverBasis: '重点群体', room: '1号楼101' }),
      startup('team', { entityType: 'team', creditCode: undefined, contactPhone: undefined, feeWaived: true }),
    ];
    const founders = [
      founder('f1', 'a', { keyGroups: ['veteran', 'other'], phone: '13900000000' }),
      founder('f2', 'a', { keyGroups: ['graduate'] }),
      founder('f3', 'team'),
    ];
    const { sheet, problems } = entityRoster({ startups, founders, range: year }, t);
    expect(sheet.rows[0]).toEqual([
      1, '企业a', '91330185MA0000000a', 'enums.entityType.enterprise', 'I enums.industry.I', '2024-03-01', '2027-02-28', '1号楼101', 60,
      '创始人f1、创始人f2', '创始人f1', '13800138000', 'enums.keyGroup.graduate、enums.keyGroup.veteran', 'common.yes', '重点群体', 'common.no',
    ]);
    expect(problems.map((p) => [p.subject.id, p.field])).toEqual([
      ['team', 'official.entities.col.contactPhone'],
      ['team', 'official.entities.col.feeWaiverBasis'],
    ]);
  });

  it('带动就业人员名册: founders as persons (masked IDs), employees as counts, the note last; 其中 over 合计 listed', () => {
    const startups = [startup('a'), startup('b')];
    const founders = [founder('f1', 'a', { keyGroups: ['graduate'], education: 'master' })];
    const reports = [report('a', '2025Q3', { employees: 99 }), report('a', '2025Q4', { employees: 6, keyGroupHires: 2, newGraduateHires: 1, insuredEmployees: 5 }), report('b', '2025Q4', { employees: 3, insuredEmployees: 4 })];
    const { sheet, problems } = employmentRoster({ startups, founders, reports, range: year, today }, t);
    expect(sheet.rows).toEqual([
      [1, '企业a', '91330185MA0000000a', 'official.employment.founder', '创始人f1', '110105********002X', 'enums.education.master', 'enums.keyGroup.graduate', '', 1, 1, 1, null],
      [2, '企业a', '91330185MA0000000a', 'official.employment.employees{"period":"2025Q4"}', '', '', '', '', '', 6, 2, 1, 5],
      [3, '企业b', '91330185MA0000000b', 'official.employment.employees{"period":"2025Q4"}', '', '', '', '', '', 3, 3, 2, 4],
      ['official.employment.noteLabel', 'official.employment.note'],
    ]);
    expect(problems.map((p) => [p.subject.id, p.field, p.problem])).toEqual([
      ['b', 'official.employment.col.person', 'official.problem.missing'],
      ['b', 'official.employment.col.insuredCount', 'official.problem.ofWhich{"part":4,"total":3,"totalField":"official.employment.col.count"}'],
    ]);
  });

  it('创业导师名册: one row per mentor with the period’s sessions; a mentor without a phone is listed', () => {
    const mentors: Mentor[] = [
      { id: 'm1', updatedAt: at, name: '陈立新', kind: 'coach', coachLevel: 3, organisation: '协会', expertise: ['融资', '财务'], phone: '13800138000', active: true },
      { id: 'm2', updatedAt: at, name: '李华', kind: 'investor', expertise: [], active: true },
    ];
    const stats = new Map([['m1', { held: 3, residentsCoached: 2, averageRating: 4.5, lastSession: '2025-12-31T20:00:00.000Z', belowMinimum: false }]]);
    const { sheet, problems } = mentorRoster(mentors, stats, t, { sheet: 'S', held: 'H', residents: 'R' });
    expect(sheet.columns.map((c) => c.header).slice(8, 10)).toEqual(['H', 'R']);
    // 20:00 UTC on 31 Dec is 1 Jan in China.
    expect(sheet.rows[0]).toEqual([1, '陈立新', 'mentors.kinds.coach', 'mentors.coachLevelOption{"level":3}', '协会', '融资、财务', '13800138000', 'mentors.activeYes', 3, 2, 4.5, '2026-01-01']);
    expect(sheet.rows[1]!.slice(8)).toEqual([0, 0, null, '']);
    expect(problems).toEqual([{ subject: { kind: 'mentor', id: 'm2', name: '李华' }, field: 'mentors.phone', problem: 'official.problem.missing' }]);
  });
});

describe('self-assessment', () => {
  it('holds each number against its standard, the mentor ratio as a ceiling', () => {
    const numbers = carrierNumbers(
      { carrier: { area: 1000, seats: 10, rules: defaultRuleSet }, startups: [startup('a')], reports: [report('a', '2025Q4', { employees: 400 })], sessions: [], mentors: [] },
      year,
    );
    const { lines, assessed, met } = selfAssessment(numbers);
    expect(lines.find((l) => l.key === 'jobs')).toMatchObject({ comparison: 'atLeast', figure: { value: 400, threshold: 300, meets: true } });
    expect(lines.find((l) => l.key === 'residentsPerMentor')).toMatchObject({ comparison: 'atMost', figure: { meets: false } });
    expect(lines.find((l) => l.key === 'admitted')!.comparison).toBeUndefined();
    expect(assessed).toBe(7);
    expect(met).toBe(lines.filter((l) => l.comparison && l.figure.meets).length);
    expect(met).toBeGreaterThan(0);
  });
});
