import { describe, expect, it } from 'vitest';
import { changesNothing, checkCreditCode, checkFounderIds, fieldChanges, findDuplicateGroups, groupKey, isLive, matchTeam, sameIdNumber, sameName, type StartupRef } from '.';

const ref = (id: string, over: Partial<StartupRef> = {}): StartupRef => ({ id, name: `企业${id}`, entityType: 'enterprise', status: 'resident', ...over });
const ID_A = '110105198001010016';
const ID_B = '11010519850505002X';

describe('a credit code belongs to one live startup', () => {
  it('is free when no other startup holds it, the startup itself included', () => {
    expect(checkCreditCode('s1', [])).toEqual({ kind: 'free' });
    expect(checkCreditCode('s1', [ref('s1')])).toEqual({ kind: 'free' });
  });
  it('is taken by another live startup, which is named', () => {
    expect(checkCreditCode('new', [ref('s1')])).toEqual({ kind: 'taken', holder: ref('s1') });
  });
  it('held by a voided or exited startup, it may come back only as that startup', () => {
    const exited = ref('s1', { status: 'exited' });
    const voided = ref('s2', { voidedAt: '2025-01-01T00:00:00.000Z' });
    expect(checkCreditCode('new', [exited])).toEqual({ kind: 'readmission', holder: exited });
    expect(checkCreditCode('new', [voided])).toEqual({ kind: 'readmission', holder: voided });
    expect(checkCreditCode('new', [voided, ref('s3')]).kind).toBe('taken');
    expect(isLive(exited) || isLive(voided)).toBe(false);
  });
});

describe('an ID number belongs to one person', () => {
  const holder = { founder: { id: 'f1', name: '李娟', idNumber: ID_A, startupId: 's1' }, startup: { id: 's1', name: '甲公司' } };
  it('another name on the same number is a conflict naming the startup and the person', () => {
    expect(checkFounderIds([{ id: 'f2', name: '李军', idNumber: ID_A, startupId: 's2' }], [holder], '乙公司')).toEqual([{ index: 0, holder }]);
  });
  it('the same person founding a second startup is allowed, however the name is spaced', () => {
    expect(checkFounderIds([{ id: 'f2', name: '李 娟', idNumber: ID_A.toLowerCase(), startupId: 's2' }], [holder], '乙公司')).toEqual([]);
    expect(sameName('李 娟', '李娟') && sameName('Ｊｏｈｎ Smith', 'john smith')).toBe(true);
  });
  it('a founder is not in conflict with its own stored record, but two founders of one form are', () => {
    expect(checkFounderIds([{ id: 'f1', name: '李军', idNumber: ID_A, startupId: 's1' }], [holder], '甲公司')).toEqual([]);
    const both = checkFounderIds(
      [
        { id: 'f3', name: '王芳', idNumber: ID_B, startupId: 's3' },
        { id: 'f4', name: '王方', idNumber: ID_B, startupId: 's3' },
      ],
      [],
      '丙团队',
    );
    expect(both).toEqual([{ index: 1, holder: { founder: { id: 'f3', name: '王芳', idNumber: ID_B, startupId: 's3' }, startup: { id: 's3', name: '丙团队' } } }]);
  });
  it('a masked number from an export matches its stored number', () => {
    expect(sameIdNumber('110105********0016', ID_A)).toBe(true);
    expect(sameIdNumber('110105********0017', ID_A)).toBe(false);
  });
});

describe('an unregistered team is matched by its founders, then by name', () => {
  const team = (id: string, name: string, over: Partial<StartupRef> = {}) => ref(id, { name, entityType: 'team', ...over });
  const teams = [
    { startup: team('t1', '青禾种植团队'), idNumbers: [ID_A] },
    { startup: team('t2', '山泉养殖团队'), idNumbers: [ID_B] },
  ];
  it('by a founder ID number even when the name was retyped', () => {
    expect(matchTeam('青禾种植', [ID_A], teams)?.id).toBe('t1');
  });
  it('by name within the carrier when no founder number matches', () => {
    expect(matchTeam('山泉 养殖团队', [], teams)?.id).toBe('t2');
    expect(matchTeam('别的团队', ['320102199003030031'], teams)).toBeUndefined();
  });
  it('among teams of one founder, by name; a voided team or a registered company never', () => {
    const two = [...teams, { startup: team('t3', '青禾电商团队'), idNumbers: [ID_A] }];
    expect(matchTeam('青禾电商团队', [ID_A], two)?.id).toBe('t3');
    expect(matchTeam('另一个', [ID_A], two)).toBeUndefined();
    expect(matchTeam('青禾种植团队', [ID_A], [{ startup: team('t1', '青禾种植团队', { voidedAt: '2025-01-01T00:00:00.000Z' }), idNumbers: [ID_A] }])).toBeUndefined();
    expect(matchTeam('甲公司', [ID_A], [{ startup: ref('c1', { name: '甲公司', creditCode: '914403001922038216' }), idNumbers: [ID_A] }])).toBeUndefined();
  });
});

describe('an update that changes nothing', () => {
  it('has no field changes; stamps and absent-or-undefined keys do not count', () => {
    expect(changesNothing({ id: 'a', name: '甲', updatedAt: '1' }, { id: 'a', name: '甲', room: undefined, updatedAt: '2' })).toBe(true);
  });
  it('lists each changed field before → after, dropped fields too', () => {
    expect(fieldChanges({ name: '甲', area: 20, room: 'A1' }, { name: '甲', area: 30 })).toEqual([
      { field: 'area', before: 20, after: 30 },
      { field: 'room', before: 'A1', after: undefined },
    ]);
  });
});

describe('possible duplicates on a desk that held them before', () => {
  it('groups live startups by code, teams by founder or name, and one number under two names', () => {
    const startups = [
      ref('a', { creditCode: '914403001922038216' }),
      ref('b', { creditCode: '914403001922038216' }),
      ref('c', { creditCode: '914403001922038216', status: 'exited' }),
      ref('t1', { name: '青禾团队', entityType: 'team' }),
      ref('t2', { name: '青禾 团队', entityType: 'team' }),
      ref('t3', { name: '别的团队', entityType: 'team' }),
      ref('t4', { name: '另一个团队', entityType: 'team' }),
      ref('e', { creditCode: '91330106MA2B00001Y' }),
    ];
    const founders = [
      { name: '李娟', idNumber: ID_A, startupId: 't3' },
      { name: '李娟', idNumber: ID_A, startupId: 't4' },
      { name: '王芳', idNumber: ID_B, startupId: 'e' },
      { name: '王方', idNumber: ID_B, startupId: 'a' },
    ];
    expect(findDuplicateGroups(startups, founders)).toEqual([
      { kind: 'creditCode', value: '914403001922038216', startupIds: ['a', 'b'] },
      { kind: 'team', value: '110105********0016', startupIds: ['t3', 't4'] },
      { kind: 'team', value: '青禾团队', startupIds: ['t1', 't2'] },
      { kind: 'idNumber', value: '110105********002X', startupIds: ['a', 'e'] },
    ]);
    expect(groupKey({ kind: 'team', value: 'x', startupIds: ['t2', 't1'] })).toBe('team:t1,t2');
  });
});
