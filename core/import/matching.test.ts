import { describe, expect, it } from 'vitest';
import { lookupOf } from '../testing/identity';
import { aFounder, aStartup } from '../testing/records';
import type { Founder, Startup } from '../records';
import { mapHeaders } from './headers';
import { previewImport, type PreviewRow } from './preview';
import { parseEducation, parseKeyGroup } from './vocab';

const HEADER = ['企业名称', '统一社会信用代码', '主体类型', '行业', '领域', '阶段', '入驻日期', '协议到期日', '面积', '创始人', '身份证号'];
const CODE = '914403001922038216';
const ID_A = '110105198001010016';
const ID_B = '11010519850505002X';
const ID_C = '320102199003030031';
const row = (name: string, code: string, founder: string, id: string, area = '20') => [name, code, code ? '企业' : '未注册团队', 'I', '数字经济', '初创期', '2025-01-01', '2027-12-31', area, founder, id];

function preview(rows: string[][], startups: Startup[] = [], founders: Founder[] = []) {
  let next = 0;
  return previewImport([HEADER, ...rows], { columns: mapHeaders(HEADER).columns, newId: () => `id-${++next}`, lookup: lookupOf(startups, founders), incubationMonths: 36, now: '2026-01-01T00:00:00.000Z' });
}
const errorsOf = (r: PreviewRow) => (r.status === 'error' ? r.errors.map((e) => [e.key, e.params]) : []);

// As the desk holds them after a first import of the same rows.
const stored = (s: PreviewRow & { startup?: Startup; founder?: Founder }) => ({ startup: s.startup!, founder: s.founder! });

describe('matching a file’s rows with the startups the desk holds', () => {
  it('names the startup a credit code already belongs to, and a row that changes nothing is 无变化', () => {
    const held = aStartup('s1', { name: '甲公司', creditCode: CODE, industry: 'I', field: 'digital', stage: 'early', area: 20, admittedOn: '2025-01-01', agreementEndsOn: '2027-12-31' });
    const founder = aFounder('f1', 's1', { name: '李娟', idNumber: ID_A, firstTime: false });
    const { rows, counts } = preview([row('甲公司', CODE, '李娟', ID_A)], [held], [founder]);
    expect(rows[0]).toMatchObject({ updates: 's1', holderName: '甲公司', changes: [], founder: { id: 'f1' } });
    expect(counts).toMatchObject({ updates: 0, unchanged: 1 });
    const changed = preview([row('甲公司', CODE, '李 娟', ID_A, '35')], [held], [founder]);
    // 李 娟 is 李娟 (names are normalised as they are read): only the area changes.
    expect(changed.rows[0]).toMatchObject({ changes: [{ field: 'area', before: 20, after: 35 }] });
    expect(changed.rows[0]!.status !== 'skipped' && 'changes' in changed.rows[0]! && changed.rows[0].changes).toHaveLength(1);
    expect(changed.counts).toMatchObject({ updates: 1, unchanged: 0 });
  });

  it('updates an unregistered team found by its founder’s ID number, then by its name, instead of adding a copy', () => {
    const first = preview([row('青禾种植团队', '', '王芳', ID_B), row('山泉团队', '', '赵刚', ID_C)]);
    const [team, other] = first.rows.map(stored);
    // 山泉团队's founder is retyped with another number: found by its name.
    const again = preview([row('青禾种植队', '', '王芳', ID_B), row('山泉团队', '', '赵刚', '440304199208080041')], [team!.startup, other!.startup], [team!.founder]);
    expect(again.rows.map((r) => 'updates' in r && r.updates)).toEqual([team!.startup.id, other!.startup.id]);
    expect(again.rows[0]).toMatchObject({ changes: [{ field: 'name', before: '青禾种植团队', after: '青禾种植队' }] });
  });

  it('one ID number under two names is an error, against the desk and within the file; the same person may found two', () => {
    const held = aStartup('s1', { name: '甲公司', creditCode: CODE });
    const founder = aFounder('f1', 's1', { name: '李娟', idNumber: ID_A });
    const { rows } = preview(
      [row('乙团队', '', '李军', ID_A), row('丙团队', '', '王芳', ID_B), row('丁团队', '', '王方', ID_B), row('戊团队', '', '李娟', ID_A)],
      [held],
      [founder],
    );
    expect(rows.map(errorsOf)).toEqual([
      [['import.idNumberTaken', { startup: '甲公司', name: '李娟' }]],
      [],
      [['import.idNumberTaken', { startup: '丙团队', name: '王芳' }]],
      [],
    ]);
  });

  it('reads back the desk’s own export: one row per founder, ID numbers masked', () => {
    const held = aStartup('s1', { name: '甲公司', creditCode: CODE, area: 20 });
    const founders = [aFounder('f1', 's1', { name: '李娟', idNumber: ID_A }), aFounder('f2', 's1', { name: '王芳', idNumber: ID_B })];
    const { rows, counts } = preview([row('甲公司', CODE, '李娟', '110105********0016', '30'), row('甲公司', CODE, '王芳', '110105********002X', '30')], [held], founders);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(rows[0]).toMatchObject({ updates: 's1', founder: { id: 'f1', idNumber: ID_A }, changes: [{ field: 'area', before: 20, after: 30 }] });
    expect(rows[1]).toMatchObject({ updates: 's1', sameStartupAs: 2, founder: { id: 'f2', idNumber: ID_B } });
    expect(counts).toMatchObject({ updates: 1 });
    // A second row of the same code whose company fields differ is still refused.
    expect(errorsOf(preview([row('甲公司', CODE, '李娟', ID_A), row('甲公司', CODE, '王芳', ID_B, '99')]).rows[1]!)).toEqual([['import.duplicateInFile', { row: 2 }]]);
  });

  it('two rows of one new team in a file are one team with two founders; differing details are refused', () => {
    const { rows } = preview([row('青禾团队', '', '王芳', ID_B), row('青禾团队', '', '李娟', ID_A), row('青禾团队', '', '赵刚', ID_C, '99')]);
    expect(rows[1]).toMatchObject({ status: 'ok', sameStartupAs: 2, startup: { id: 'id-1' }, founder: { startupId: 'id-1' } });
    expect(errorsOf(rows[2]!)).toEqual([['import.duplicateTeamInFile', { row: 2 }]]);
  });

  it('a code held only by an exited startup re-admits it, with a warning naming it', () => {
    const gone = aStartup('s1', { name: '甲公司', creditCode: CODE, status: 'exited', exitKind: 'voluntary', exitedOn: '2025-06-30' });
    const { rows } = preview([row('甲公司', CODE, '李娟', ID_A)], [gone]);
    expect(rows[0]).toMatchObject({ status: 'warning', updates: 's1', readmits: true, warnings: [{ key: 'import.readmits', params: { name: '甲公司' } }] });
    expect(rows[0]).toMatchObject({ changes: expect.arrayContaining([{ field: 'status', before: 'exited', after: 'resident' }, { field: 'exitedOn', before: '2025-06-30', after: undefined }]) });
  });
});

describe('the desk’s own export reads back', () => {
  it('its labels for key groups and education (as the list export writes them) are read as the values they name', () => {
    expect(['农民工（返乡创业农民工）', '就业困难人员（含残疾人）', '高校毕业生'].map(parseKeyGroup)).toEqual(['migrantWorker', 'hardToEmploy', 'graduate']);
    expect(['高中/中专', '初中及以下', '大学专科'].map(parseEducation)).toEqual(['highSchool', 'belowHighSchool', 'college']);
  });
});

