import { describe, expect, it } from 'vitest';
import { locateHeader, mapHeaders, missingRequired } from './headers';

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
    expect(mapping.missingRequired).toEqual(['entityType', 'industry', 'field', 'stage', 'area']);
  });

  it('counts a value chosen for all rows as covering a missing column', () => {
    expect(missingRequired(['name', 'admittedOn', 'agreementEndsOn'], ['entityType', 'industry', 'field', 'stage', 'area'])).toEqual([]);
  });

  it('finds the header below a title row', () => {
    expect(locateHeader([['某某创业孵化基地在孵企业名册'], ['填报日期：2025年1月'], ['序号', '企业名称', '统一社会信用代码', '入驻日期'], ['1', '甲', '', '']])).toBe(2);
    expect(locateHeader([['企业名称', '入驻日期']])).toBe(0);
  });
});
