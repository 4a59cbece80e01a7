import { describe, expect, it } from 'vitest';
import { aFounder, aStartup } from '../testing/records';
import { lookupOf } from '../testing/identity';
import { creditCodeCheckChar } from '../validators/creditCode';
import { idNumberCheckChar } from '../validators/idNumber';
import { mapHeaders } from './headers';
import { previewImport, type ImportOptions, type PreviewRow } from './preview';

const creditCode = (n: number) => {
  const first17 = `91330185${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const idNumber = (n: number) => {
  const first17 = `33018519900101${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

const HEADER = ['企业名称', '统一社会信用代码', '主体类型', '注册日期', '行业', '领域', '阶段', '入驻日期', '协议到期日', '面积', '免费入驻', '重点项目', '创始人', '身份证号', '重点群体'];
const good = (n: number, over: Partial<Record<string, string>> = {}): string[] => {
  const cells: Record<string, string> = {
    企业名称: `杭州青禾${n}科技有限公司`,
    统一社会信用代码: creditCode(n),
    主体类型: '企业',
    注册日期: '2023年5月6日',
    行业: 'I',
    领域: '数字经济',
    阶段: '初创期',
    入驻日期: '2023.6.1',
    协议到期日: '2026/05/31',
    面积: '60',
    免费入驻: '是',
    重点项目: '否',
    创始人: '王芳',
    身份证号: idNumber(n),
    重点群体: '高校毕业生',
    ...over,
  };
  return HEADER.map((h) => cells[h]!);
};

function preview(rows: string[][], over: Partial<ImportOptions> = {}, header = HEADER) {
  let next = 0;
  return previewImport([header, ...rows], {
    columns: mapHeaders(header).columns,
    newId: () => `id-${++next}`,
    lookup: lookupOf([], []),
    now: '2025-01-01T00:00:00.000Z',
    ...over,
  });
}

const reasonsOf = (row: PreviewRow) => (row.status === 'error' ? row.errors : row.warnings).map((r) => r.key);

describe('resident import preview', () => {
  it('turns a clean row into a startup and its founder', () => {
    const { rows, counts } = preview([good(1)]);
    expect(counts).toEqual({ ok: 1, warning: 0, error: 0, updates: 0, unchanged: 0 });
    expect(rows[0]).toMatchObject({
      row: 2,
      status: 'ok',
      startup: {
        id: 'id-1',
        name: '杭州青禾1科技有限公司',
        entityType: 'enterprise',
        creditCode: creditCode(1),
        registeredOn: '2023-05-06',
        industry: 'I',
        field: 'digital',
        stage: 'early',
        admittedOn: '2023-06-01',
        agreementEndsOn: '2026-05-31',
        area: 60,
        feeWaived: true,
        keyProject: false,
        status: 'resident',
      },
      founder: { id: 'id-2', startupId: 'id-1', name: '王芳', idNumber: idNumber(1), keyGroups: ['graduate'], firstTime: false, trainingCertified: false },
    });
  });

  it('reads full-width digits, letters and spaces, and Excel date serials', () => {
    const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const { rows } = preview([good(2, { 统一社会信用代码: `　${fullWidth(creditCode(2))}　`, 身份证号: fullWidth(idNumber(2)), 注册日期: '45052', 面积: '１２０．５', 行业: 'ｉ' })]);
    expect(rows[0]).toMatchObject({ status: 'ok', startup: { creditCode: creditCode(2), registeredOn: '2023-05-06', area: 120.5, industry: 'I' }, founder: { idNumber: idNumber(2) } });
  });

  it('names each bad row by its spreadsheet row number and reason, and skips blank rows without renumbering', () => {
    const badCheck = creditCode(3).slice(0, 17) + (creditCode(3).endsWith('0') ? '1' : '0');
    const { rows, counts } = preview([
      good(3, { 统一社会信用代码: badCheck }),
      ['', '', ''],
      good(4, { 企业名称: '' }),
      good(5, { 入驻日期: '2023年13月1日' }),
      good(6, { 重点群体: '高校毕业生、外星人' }),
      good(7, { 免费入驻: '也许', 面积: '很大', 阶段: '衰退期' }),
    ]);
    expect(counts.error).toBe(5);
    expect(rows.map((r) => r.row)).toEqual([2, 4, 5, 6, 7]);
    const errors = rows.map((r) => (r.status === 'error' ? r.errors : []));
    expect(errors[0]).toEqual([{ key: 'v.creditCode.check', field: 'creditCode' }]);
    expect(errors[1]).toEqual([{ key: 'v.required', field: 'name' }]);
    expect(errors[2]).toEqual([{ key: 'import.badDate', params: { value: '2023年13月1日' }, field: 'admittedOn' }]);
    expect(errors[3]).toEqual([{ key: 'import.unknownKeyGroup', params: { value: '外星人' }, field: 'keyGroups' }]);
    expect(errors[4]).toEqual([
      { key: 'import.unknownValue', params: { value: '衰退期' }, field: 'stage' },
      { key: 'import.badNumber', params: { value: '很大' }, field: 'area' },
      { key: 'import.badYesNo', params: { value: '也许' }, field: 'feeWaived' },
    ]);
  });

  it('reports a founder problem against the founder column and keeps the whole row out', () => {
    const { rows } = preview([good(8, { 身份证号: '110105194912310021', 创始人: '' })]);
    expect(rows[0]).toEqual({
      row: 2,
      status: 'error',
      warnings: [],
      errors: [
        { key: 'v.required', field: 'founderName' },
        { key: 'v.idNumber.check', field: 'idNumber' },
      ],
    });
  });

  it('flags a credit code repeated in the file, pointing at its first row', () => {
    const { rows } = preview([good(9), good(10), good(9, { 企业名称: '又一家' })]);
    expect(rows[2]).toMatchObject({ row: 4, status: 'error', errors: [{ key: 'import.duplicateInFile', params: { row: 2 }, field: 'creditCode' }] });
  });

  it('numbers rows by the sheet when a title sits above the header', () => {
    let next = 0;
    const { rows } = previewImport([['在孵企业名册'], HEADER, good(20), good(21, { 企业名称: '' })], {
      columns: mapHeaders(HEADER).columns,
      headerRow: 1,
      newId: () => `id-${++next}`,
      lookup: lookupOf([], []),
    });
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [3, 'ok'],
      [4, 'error'],
    ]);
  });

  it('offers a startup the desk already has as an update of it, founder included', () => {
    const old = aStartup('startup-old', { name: '旧名称有限公司', creditCode: creditCode(11) });
    const { rows, counts } = preview([good(11), good(12)], { lookup: lookupOf([old], [aFounder('founder-old', 'startup-old', { name: '王芳', idNumber: idNumber(11) })]) });
    expect(counts).toEqual({ ok: 2, warning: 0, error: 0, updates: 1, unchanged: 0 });
    expect(rows[0]).toMatchObject({ status: 'ok', updates: 'startup-old', startup: { id: 'startup-old' }, founder: { id: 'founder-old', startupId: 'startup-old' } });
    expect(rows[1]).toMatchObject({ status: 'ok', updates: undefined });
  });

  it('warns about a row without a founder, and a fee waiver the policy does not cover', () => {
    const { rows } = preview([
      good(13, { 创始人: '', 身份证号: '', 重点群体: '' }),
      good(14, { 注册日期: '2019-01-01', 重点群体: '其他' }),
      good(15, { 免费入驻: '否', 注册日期: '2019-01-01', 重点群体: '' }),
    ]);
    expect(rows.map((r) => [r.status, reasonsOf(r)])).toEqual([
      ['warning', ['import.noFounder']],
      ['warning', ['import.waivedRegisteredOver3Years', 'import.waivedWithoutKeyGroup']],
      ['ok', []],
    ]);
  });

  it('takes the entity type from the credit code, or the manager’s defaults, when the file has no column', () => {
    const header = ['企业名称', '统一社会信用代码', '入驻日期', '协议到期日'];
    const { rows } = preview(
      [
        ['甲公司', creditCode(16), '2024-01-01', '2026-12-31'],
        ['乙团队', '', '2024-01-01', '2026-12-31'],
      ],
      { defaults: { entityType: 'team', industry: 'M', field: 'ai', stage: 'early', area: 0 } },
      header,
    );
    expect(rows.map((r) => r.status === 'warning' && [r.startup.entityType, r.startup.industry, r.startup.area])).toEqual([
      ['enterprise', 'M', 0],
      ['team', 'M', 0],
    ]);
  });

  it('previews 5,000 rows correctly', () => {
    // Every 500th row reuses one credit code: its first use (row 501) goes in, the nine later ones are refused.
    const data = Array.from({ length: 5000 }, (_, i) => (i % 500 === 499 ? good(i, { 统一社会信用代码: creditCode(0) }) : good(i + 1)));
    const { rows, counts } = preview(data, { lookup: lookupOf([aStartup('old', { creditCode: creditCode(1) })], []) });
    expect(rows).toHaveLength(5000);
    expect(counts).toEqual({ ok: 4991, warning: 0, error: 9, updates: 1, unchanged: 0 });
    const refused = rows.filter((r) => r.status === 'error');
    expect(refused.map((r) => r.row)).toEqual(Array.from({ length: 9 }, (_, k) => 1001 + k * 500));
    for (const r of refused) expect(r).toMatchObject({ errors: [{ key: 'import.duplicateInFile', params: { row: 501 } }] });
    expect(rows[4999]).toMatchObject({ row: 5001, status: 'error' });
    expect(rows[1234]).toMatchObject({ row: 1236, startup: { name: '杭州青禾1235科技有限公司', creditCode: creditCode(1235) }, founder: { idNumber: idNumber(1235) } });
    expect(new Set(rows.flatMap((r) => (r.status === 'error' ? [] : [r.startup.id]))).size).toBe(4991);
  });
});
