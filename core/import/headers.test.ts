import { describe, expect, it } from 'vitest';
import { fieldOfHeader, locateHeader, mapHeaders, missingRequired, type ImportField } from './headers';

describe('header mapping', () => {
  it('maps the names managers use, aliases and English keys alike', () => {
    const { columns, unmapped, missingRequired: missing } = mapHeaders([
      '主体名称',
      '信用代码',
      '企业类型',
      '成立日期',
      '所属行业',
      '领域',
      '发展阶段',
      '入孵日期',
      '协议到期',
      '房间号',
      '面积（㎡）',
      '*免费入驻',
      '重点项目',
      '法定代表人',
      '身份证号码',
      '创始人电话',
      '重点群体（可多选）',
      'First Time',
      'trainingCertified',
    ]);
    expect(columns).toEqual([
      'name',
      'creditCode',
      'entityType',
      'registeredOn',
      'industry',
      'field',
      'stage',
      'admittedOn',
      'agreementEndsOn',
      'room',
      'area',
      'feeWaived',
      'keyProject',
      'founderName',
      'idNumber',
      'founderPhone',
      'keyGroups',
      'firstTime',
      'trainingCertified',
    ]);
    expect(unmapped).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('lists unknown headers and a field named twice, and what required fields are missing', () => {
    const mapping = mapHeaders(['企业名称', '备注', '', '名称', '入驻日期', '协议到期日']);
    expect(mapping.columns).toEqual(['name', null, null, null, 'admittedOn', 'agreementEndsOn']);
    expect(mapping.unmapped).toEqual([
      { index: 1, header: '备注' },
      { index: 3, header: '名称' },
    ]);
    expect(mapping.missingRequired).toEqual(['entityType', 'area']);
  });

  it('counts a value chosen for all rows as covering a missing column, and a credit code column as giving the entity type', () => {
    expect(missingRequired(['name', 'admittedOn'], ['entityType', 'area'])).toEqual([]);
    expect(missingRequired(['name', 'creditCode', 'admittedOn', 'area'])).toEqual([]);
  });

  it('finds the header below a title row', () => {
    expect(locateHeader([['某某创业孵化基地在孵企业名册'], ['填报日期：2025年1月'], ['序号', '企业名称', '统一社会信用代码', '入驻日期'], ['1', '甲', '', '']])).toBe(2);
    expect(locateHeader([['企业名称', '入驻日期']])).toBe(0);
  });
});

/** Header words of real county rosters and 火炬 forms, group by group, as the issue lists them and beyond. */
const vocabulary: [string, ImportField, string[]][] = [
  ['phones without an owner', 'contactPhone', ['电话', '手机', '联系方式', '联系电话', '手机号码', '电话号码', '联系手机', '联系电话/手机', '手机（必填）']],
  ['phones of the founder', 'founderPhone', ['创始人电话', '负责人电话', '法人电话', '法人联系电话', '法定代表人电话', '负责人手机']],
  ['the founder', 'founderName', ['法人', '法定代表人', '法人代表', '负责人', '创业者', '项目负责人', '法定代表人（负责人）', '法人/负责人', '经营者']],
  ['ID numbers', 'idNumber', ['证件号码', '身份证号', '身份证', '身份证号码', '公民身份号码', '法人身份证号', '负责人身份证号', '身份证件号码']],
  ['industry', 'industry', ['行业', '所属行业', '行业类别', '行业分类', '国民经济行业分类', '所属行业（GB/T 4754）']],
  ['admission', 'admittedOn', ['入孵时间', '入园时间', '入驻时间', '入驻日期', '入园日期', '进驻时间', '入驻基地时间']],
  ['agreement end', 'agreementEndsOn', ['到期时间', '合同到期', '合同到期日', '合同到期时间', '协议到期时间', '协议截止日期', '到期日期']],
  ['company name', 'name', ['企业名称', '单位名称', '公司名称', '在孵企业名称', '企业（团队）名称', '企业/团队名称', '项目名称']],
  ['credit code', 'creditCode', ['统一社会信用代码', '社会统一信用代码', '统一信用代码', '营业执照号码']],
  ['registration', 'registeredOn', ['成立日期', '注册时间', '登记日期', '注册登记时间']],
  ['area', 'area', ['面积（㎡）', '占用面积', '租赁面积', '办公面积', '使用面积(平方米)']],
  ['room', 'room', ['房号', '门牌号', '入驻位置', '房间号/工位号']],
  ['key groups', 'keyGroups', ['人员类别', '人员类型', '创业人员类别', '身份类别']],
  ['field and stage', 'field', ['技术领域', '重点领域']],
  ['stage', 'stage', ['所处阶段', '企业发展阶段']],
  ['contact', 'contactName', ['联系人', '联系人姓名', '企业联系人']],
  ['entity type', 'entityType', ['市场主体类型', '登记类型', '组织形式']],
  ['education', 'education', ['文化程度', '最高学历']],
];

describe.each(vocabulary)('header words: %s', (_group, field, words) => {
  it.each(words)('%s', (word) => expect(fieldOfHeader(word)).toBe(field));
});

describe('columns that hold no field', () => {
  it('leaves a row number column out without asking', () => {
    expect(mapHeaders(['序号', '企业名称', '备注']).unmapped).toEqual([{ index: 2, header: '备注' }]);
  });

  it('does not read a header that merely contains a word', () => {
    expect(fieldOfHeader('电话费')).toBeNull();
    expect(fieldOfHeader('行业协会')).toBeNull();
  });
});
