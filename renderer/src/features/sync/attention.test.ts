import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { describeReason, fixLink, recordName } from './attention';
import { badgeState } from './badge';

describe('a refused record as the manager sees it', () => {
  it('translates core keys with the field label and keeps any other reason as the roster said it', async () => {
    await i18n.changeLanguage('zh-CN');
    const reason = 'creditCode: v.creditCode.check; id: record id a is not recordId b';
    expect(describeReason({ entity: 'startup', reason }, i18n.t, i18n)).toBe('统一社会信用代码：校验码不正确，请核对\nid: record id a is not recordId b');
    await i18n.changeLanguage('en-US');
    expect(describeReason({ entity: 'report', reason: 'employees: v.integer' }, i18n.t, i18n)).toBe('employees: Enter a whole number');
    expect(describeReason({ entity: 'startup', reason: 'name: sync.reasons.nul' }, i18n.t, i18n)).toBe(
      'Name: Contains a NUL character (U+0000); delete it and save again',
    );
    await i18n.changeLanguage('zh-CN');
    expect(describeReason({ entity: 'startup', reason: 'recordId: sync.reasons.loneSurrogate' }, i18n.t, i18n)).toBe(
      'recordId：含有残缺的字符（不成对的 UTF-16 代理项），请重新输入后保存',
    );
  });

  it('links to where the record is fixed and names it', () => {
    expect(fixLink({ entity: 'startup', recordId: 's1', record: {} })).toBe('#/startups/s1/edit');
    expect(fixLink({ entity: 'founder', recordId: 'f1', record: { startupId: 's1' } })).toBe('#/startups/s1/edit');
    expect(fixLink({ entity: 'carrier', recordId: 'carrier', record: {} })).toBe('#/settings');
    expect(recordName({ recordId: 's1', record: { name: '云帆' } })).toBe('云帆');
    expect(recordName({ recordId: 's1', record: null })).toBe('s1');
  });
});

describe('the badge', () => {
  const idle = { syncing: false, failures: 0 };
  const status = { cursor: 0, pending: 0, attention: 0 };
  it('puts the network and a missing setup before everything else', () => {
    expect(badgeState({ online: false, runner: idle, status: { ...status, pending: 3 } })).toBe('offline');
    expect(badgeState({ online: true, runner: { ...idle, failures: 1, lastFailure: 'unconfigured' }, status })).toBe('unconfigured');
    expect(badgeState({ online: true, runner: { ...idle, failures: 2, lastFailure: 'auth' }, status })).toBe('error');
    expect(badgeState({ online: true, runner: idle, status: { ...status, attention: 1, pending: 2 } })).toBe('attention');
    expect(badgeState({ online: true, runner: idle, status: { ...status, pending: 2 } })).toBe('pending');
    expect(badgeState({ online: true, runner: idle, status })).toBe('synced');
  });
});
