import { describe, expect, it } from 'vitest';
import { completionGaps } from '../records';
import { aFounder, aStartup } from '../testing/records';
import { lookupOf } from '../testing/identity';
import { creditCodeCheckChar } from '../validators/creditCode';
import { idNumberCheckChar } from '../validators/idNumber';
import { mapHeaders } from './headers';
import { isImportable, previewImport, type ImportOptions, type PreviewRow } from './preview';

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
    incubationMonths: 36,
    now: '2025-01-01T00:00:00.000Z',
    ...over,
  });
}

const reasonsOf = (row: PreviewRow) => (row.status === 'error' ? row.errors : row.status === 'skipped' ? [] : row.warnings).map((r) => r.key);

describe('resident import preview', () => {
  it('turns a clean row into a startup and its founder', () => {
    const { rows, counts } = preview([good(1)]);
    expect(counts).toEqual({ ok: 1, warning: 0, error: 0, skipped: 0, updates: 0, unchanged: 0 });
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

  it('names each bad row by its spreadsheet row number and reason, and counts a blank row as skipped without renumbering', () => {
    const badCheck = creditCode(3).slice(0, 17) + (creditCode(3).endsWith('0') ? '1' : '0');
    const { rows, counts } = preview([
      good(3, { 统一社会信用代码: badCheck }),
      ['', '', ''],
      good(4, { 企业名称: '' }),
      good(5, { 入驻日期: '2023年13月1日' }),
      good(6, { 重点群体: '高校毕业生、外星人' }),
      good(7, { 免费入驻: '也许', 面积: '很大', 阶段: '衰退期' }),
    ]);
    expect([counts.error, counts.skipped]).toEqual([5, 1]);
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'error'],
      [3, 'skipped'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
    ]);
    const errors = rows.filter((r) => r.status !== 'skipped').map((r) => (r.status === 'error' ? r.errors : []));
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
      read: {
        name: '杭州青禾8科技有限公司',
        creditCode: creditCode(8),
        registeredOn: '2023-05-06',
        admittedOn: '2023-06-01',
        agreementEndsOn: '2026-05-31',
        idNumber: '110105194912310021',
        phones: [],
        keyGroups: '高校毕业生',
      },
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
      incubationMonths: 36,
    });
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [3, 'ok'],
      [4, 'error'],
    ]);
  });

  it('offers a startup the desk already has as an update of it, founder included', () => {
    const old = aStartup('startup-old', { name: '旧名称有限公司', creditCode: creditCode(11) });
    const { rows, counts } = preview([good(11), good(12)], { lookup: lookupOf([old], [aFounder('founder-old', 'startup-old', { name: '王芳', idNumber: idNumber(11) })]) });
    expect(counts).toEqual({ ok: 2, warning: 0, error: 0, skipped: 0, updates: 1, unchanged: 0 });
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
    expect(counts).toEqual({ ok: 4991, warning: 0, error: 9, skipped: 0, updates: 1, unchanged: 0 });
    const refused = rows.filter((r) => r.status === 'error');
    expect(refused.map((r) => r.row)).toEqual(Array.from({ length: 9 }, (_, k) => 1001 + k * 500));
    for (const r of refused) expect(r).toMatchObject({ errors: [{ key: 'import.duplicateInFile', params: { row: 501 } }] });
    expect(rows[4999]).toMatchObject({ row: 5001, status: 'error' });
    expect(rows[1234]).toMatchObject({ row: 1236, startup: { name: '杭州青禾1235科技有限公司', creditCode: creditCode(1235) }, founder: { idNumber: idNumber(1235) } });
    expect(new Set(rows.flatMap((r) => (isImportable(r) ? [r.startup.id] : []))).size).toBe(4991);
  });
});

describe('a county roster as managers keep it', () => {
  const COUNTY = ['序号', '企业名称', '统一社会信用代码', '法人', '身份证号码', '联系电话', '入孵时间'];
  // County rosters rarely give areas: the manager enters one for all rows in the mapping step.
  const county = (rows: string[][], over: Partial<ImportOptions> = {}, header = COUNTY) => preview(rows, { ...over, defaults: { area: 0, ...over.defaults } }, header);

  it('derives the agreement end from the admission date and the incubation term, marked as proposed', () => {
    const { rows } = county([['1', '杭州青禾科技有限公司', creditCode(30), '王芳', idNumber(30), '13800138000', '2023.6.1']], { incubationMonths: 24 });
    expect(rows[0]).toMatchObject({ status: 'ok', startup: { admittedOn: '2023-06-01', agreementEndsOn: '2025-06-01', proposed: ['agreementEndsOn'] } });
  });

  it('imports a row without industry, field or stage, left to complete', () => {
    const { rows } = county([['1', '杭州青禾科技有限公司', creditCode(31), '王芳', idNumber(31), '', '2023-06-01']]);
    expect(rows[0]!.status).toBe('ok');
    const startup = isImportable(rows[0]!) ? rows[0].startup : undefined;
    expect(startup && completionGaps(startup)).toEqual(['industry', 'field', 'stage', 'agreementEndsOn']);
  });

  it('proposes the industry the name makes plain, and keeps one the file or the manager gives', () => {
    const header = [...COUNTY, '所属行业'];
    const row = (name: string, industry: string) => ['1', name, creditCode(32), '王芳', idNumber(32), '', '2023-06-01', industry];
    expect(county([row('临安青禾农业有限公司', '')], {}, header).rows[0]).toMatchObject({ startup: { industry: 'A', proposed: ['industry', 'agreementEndsOn'] } });
    expect(county([row('临安青禾农业有限公司', 'M')], {}, header).rows[0]).toMatchObject({ startup: { industry: 'M', proposed: ['agreementEndsOn'] } });
    expect(county([row('临安青禾农业有限公司', '').slice(0, 7)], { defaults: { industry: 'C' } }).rows[0]).toMatchObject({ startup: { industry: 'C', proposed: ['agreementEndsOn'] } });
    expect(county([row('杭州青禾科技有限公司', '').slice(0, 7)]).rows[0]).not.toHaveProperty('startup.industry');
  });

  it('counts footer rows as skipped, not as errors', () => {
    const { rows, counts } = county([
      ['1', '杭州青禾科技有限公司', creditCode(33), '王芳', idNumber(33), '', '2023-06-01'],
      ['', '', '', '', '', '', ''],
      ['填表人：张三', '', '审核人：李四', '', '', '', ''],
      ['', '制表日期：2025年1月5日'],
      ['合计', '1 家'],
      ['注：本表由基地填写'],
    ]);
    expect(counts).toMatchObject({ ok: 1, error: 0, skipped: 5 });
    expect(rows.slice(1).map((r) => r.status === 'skipped' && [r.row, r.skipped])).toEqual([
      [3, 'blank'],
      [4, 'footer'],
      [5, 'footer'],
      [6, 'footer'],
      [7, 'footer'],
    ]);
  });

  it('gives a phone without an owner to the founder when the row names no contact, to the startup otherwise', () => {
    const founderOnly = county([['1', '杭州青禾科技有限公司', creditCode(34), '王芳', idNumber(34), '138 0013 8000', '2023-06-01']]).rows[0]!;
    expect(founderOnly).toMatchObject({ founder: { phone: '13800138000' }, read: { phones: [{ phone: '138 0013 8000', owner: 'founder' }] } });
    expect(founderOnly).not.toHaveProperty('startup.contactPhone');
    const withContact = county([['1', '杭州青禾科技有限公司', creditCode(35), '王芳', idNumber(35), '0571-88886666', '2023-06-01', '李四']], {}, [...COUNTY, '联系人']).rows[0]!;
    expect(withContact).toMatchObject({ startup: { contactName: '李四', contactPhone: '057188886666' }, read: { phones: [{ owner: 'startup' }] } });
    expect(withContact).not.toHaveProperty('founder.phone');
    const both = county([['1', '青禾', creditCode(36), '王芳', idNumber(36), '0571-88886666', '2023-06-01', '13800138000']], {}, [...COUNTY, '法人电话']).rows[0]!;
    expect(both).toMatchObject({ startup: { contactPhone: '057188886666' }, founder: { phone: '13800138000' } });
  });

  it('normalises names as the forms do, and shows what an error row read', () => {
    const { rows } = county([
      ['1', '杭州 青禾 ＡＩ 科技有限公司', creditCode(37), '李 娟', idNumber(37), '', '２０２３年５月６日'],
      ['2', '临安云帆数字科技有限公司', '914403001922038217', '赵　刚', idNumber(38), '13800138000', '2023年13月1日'],
    ]);
    expect(rows[0]).toMatchObject({ status: 'ok', startup: { name: '杭州青禾AI科技有限公司', admittedOn: '2023-05-06' }, founder: { name: '李娟' } });
    expect(rows[1]).toMatchObject({
      status: 'error',
      read: { name: '临安云帆数字科技有限公司', creditCode: '914403001922038217', founderName: '赵刚', idNumber: idNumber(38), admittedOn: '2023年13月1日', phones: [{ phone: '13800138000', owner: 'founder' }] },
    });
  });
});

it('shows a skipped row’s text with a merged cell’s value once', () => {
  const { rows } = preview([['填表人：张三', '填表人：张三', '填表人：张三', '', '审核人：李四']]);
  expect(rows[0]).toEqual({ row: 2, status: 'skipped', skipped: 'footer', text: '填表人：张三 审核人：李四' });
});
