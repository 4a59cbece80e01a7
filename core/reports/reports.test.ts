import { describe, expect, it } from 'vitest';
import type { Startup } from '../records';
import { previewReportImport, residentDuring } from '.';

const startup = (id: string, name: string, over: Partial<Startup> = {}): Startup => ({
  id,
  updatedAt: '2025-01-01T00:00:00.000Z',
  name,
  entityType: 'enterprise',
  creditCode: '914403001922038216',
  industry: 'I',
  field: 'digital',
  stage: 'early',
  admittedOn: '2024-01-01',
  agreementEndsOn: '2027-01-01',
  area: 20,
  feeWaived: false,
  keyProject: false,
  status: 'resident',
  ...over,
});

describe('residents of a period', () => {
  it('counts those admitted before its end and not gone before its start', () => {
    expect(residentDuring(startup('a', 'A', { admittedOn: '2025-06-30' }), '2025Q2')).toBe(true);
    expect(residentDuring(startup('a', 'A', { admittedOn: '2025-07-01' }), '2025Q2')).toBe(false);
    expect(residentDuring(startup('a', 'A', { status: 'exited', exitedOn: '2025-04-01' }), '2025Q2')).toBe(true);
    expect(residentDuring(startup('a', 'A', { status: 'exited', exitedOn: '2025-03-31' }), '2025Q2')).toBe(false);
    expect(residentDuring(startup('a', 'A', { voidedAt: '2025-01-01T00:00:00.000Z' }), '2025Q2')).toBe(false);
  });
});

describe('period import preview', () => {
  const startups = [startup('s1', '杭州云帆数字科技有限公司'), startup('s2', '青禾创业团队', { entityType: 'team', creditCode: undefined })];
  const table = [
    ['统一社会信用代码', '企业名称', '从业人员（人）', '其中重点群体', '参保人数', '营业收入（元）', '融资额', '股权融资', '高新技术企业'],
    ['914403001922038216', '', '12', '3', '10', '1.5万', '100000', '0', '是'],
    ['', '青禾创业团队', '3', '4', '3', '0', '0', '0', ''],
    ['', '不存在的公司', '3', '0', '0', 'abc', '0', '0', ''],
    ['', '', '', '', '', '', '', '', ''],
    ['', '杭州云帆数字科技有限公司', '1', '0', '0', '0', '0', '0', '否'],
  ];
  const { rows, missing } = previewReportImport(table, { period: '2025Q2', startups, filed: new Set(['s1']) });
  it('matches by credit code or name and reads figures the way managers write them', () => {
    expect(missing).toEqual([]);
    expect(rows[0]).toMatchObject({ row: 2, status: 'ok', name: '杭州云帆数字科技有限公司', replaces: true, report: { startupId: 's1', employees: 12, revenue: 15_000, financing: 100_000, highTech: true, taxPaid: 0 } });
  });
  it('applies the balance checks of the form', () => {
    expect(rows[1]).toMatchObject({ row: 3, status: 'error', errors: [{ key: 'v.ofWhich.keyGroupHires', field: 'keyGroupHires' }] });
  });
  it('names unknown startups, unreadable numbers and duplicates; skips blank rows', () => {
    expect(rows[2]).toMatchObject({ status: 'error', errors: [{ key: 'reports.import.unknownStartup' }, { key: 'reports.import.badNumber', params: { value: 'abc' }, field: 'revenue' }] });
    expect(rows[3]).toMatchObject({ row: 6, status: 'error', errors: [{ key: 'reports.import.duplicate', params: { row: 2 } }] });
    expect(rows).toHaveLength(4);
  });
  it('says which columns it cannot do without', () => {
    expect(previewReportImport([['企业名称', '备注']], { period: '2025Q2', startups, filed: new Set() }).missing).toEqual(['employees', 'revenue']);
  });
});
