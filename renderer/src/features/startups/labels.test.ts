import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { choiceText, completableText, industryText } from './labels';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');

describe('how a startup’s completable fields are shown', () => {
  it('names an industry by its GB/T 4754 section, letter and name, in both languages', () => {
    expect(industryText('I', zh)).toBe('I 信息传输、软件和信息技术服务业');
    expect(industryText('I', en)).toBe('I Information transmission, software and IT services');
    expect(industryText('A', zh)).toBe('A 农、林、牧、渔业');
  });

  it('says 待补充 / Not yet given for a value not given, never a blank or "undefined"', () => {
    expect([industryText(undefined, zh), industryText('', zh), choiceText('stage', undefined, zh), choiceText('field', '', zh)]).toEqual(['待补充', '待补充', '待补充', '待补充']);
    expect([industryText(undefined, en), choiceText('stage', '', en)]).toEqual(['Not yet given', 'Not yet given']);
    expect(choiceText('stage', 'growth', zh)).toBe('成长期');
    const open = { industry: undefined, field: undefined, stage: 'mature' as const, agreementEndsOn: '2028-02-29' };
    expect((['industry', 'field', 'stage', 'agreementEndsOn'] as const).map((f) => completableText(open, f, en))).toEqual(['Not yet given', 'Not yet given', 'Mature', '2028-02-29']);
  });
});
