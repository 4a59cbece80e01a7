import { describe, expect, it } from 'vitest';
import { dateFromSerial, parseDate, parseNumber, parseYesNo, splitList } from './values';
import { parseEducation, parseEntityType, parseField, parseIndustry, parseKeyGroup, parseStage } from './vocab';

describe('dates', () => {
  it.each([
    ['2023年5月6日', '2023-05-06'],
    ['2023 年 5 月 6 日', '2023-05-06'],
    ['2023.5.6', '2023-05-06'],
    ['2023/05/06', '2023-05-06'],
    ['2023-5-6', '2023-05-06'],
    ['2023-05-06', '2023-05-06'],
    ['20230506', '2023-05-06'],
    ['２０２３年５月６日', '2023-05-06'],
    ['2023/5/6 14:30', '2023-05-06'],
    ['2023-05-06T08:00:00Z', '2023-05-06'],
    ['45052', '2023-05-06'],
    ['45052.75', '2023-05-06'],
  ])('%s → %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));

  it('counts Excel serials across the 1900 leap-year bug', () => {
    expect(dateFromSerial(1)).toBe('1900-01-01');
    expect(dateFromSerial(59)).toBe('1900-02-28');
    expect(dateFromSerial(60)).toBeNull(); // Excel's 1900-02-29, a day that never was
    expect(dateFromSerial(61)).toBe('1900-03-01');
    expect(dateFromSerial(36526)).toBe('2000-01-01');
    expect(dateFromSerial(2_958_465)).toBe('9999-12-31');
  });

  it.each(['2023-02-30', '2023年13月1日', '5/6/2023', '昨天', '0', '2023.5', '1899-12-31'])('rejects %s', (raw) => expect(parseDate(raw)).toBeNull());
});

describe('yes / no', () => {
  it.each(['是', 'Y', 'y', 'yes', '√', '1', 'TRUE', '有'])('%s is yes', (raw) => expect(parseYesNo(raw)).toBe(true));
  it.each(['否', 'N', 'no', '×', '0', 'FALSE', '无'])('%s is no', (raw) => expect(parseYesNo(raw)).toBe(false));
  it('anything else is unreadable', () => expect(parseYesNo('也许')).toBeNull());
});

describe('numbers', () => {
  it.each([
    ['120', 120],
    ['1,234.5', 1234.5],
    ['１２０．５', 120.5],
    ['3万', 30000],
    ['1.1万元', 11000],
    ['120㎡', 120],
    ['85 平方米', 85],
    ['-12', -12],
  ])('%s → %d', (raw, n) => expect(parseNumber(raw)).toBe(n));
  it.each(['十二', '1,23', '1.2.3', '12 个'])('rejects %s', (raw) => expect(parseNumber(raw)).toBeNull());
});

describe('lists and vocabularies', () => {
  it('splits on every separator managers use', () => {
    expect(splitList('高校毕业生、退役军人，脱贫人口;其他 农民工/返乡创业农民工')).toEqual(['高校毕业生', '退役军人', '脱贫人口', '其他', '农民工', '返乡创业农民工']);
  });
  it('reads key groups by their policy names', () => {
    expect(parseKeyGroup('返乡创业农民工')).toBe('migrantWorker');
    expect(parseKeyGroup('就业困难人员（含残疾人）')).toBe('hardToEmploy');
    expect(parseKeyGroup('残疾人')).toBe('hardToEmploy');
    expect(parseKeyGroup('城镇登记失业人员')).toBe('unemployed');
    expect(parseKeyGroup('外星人')).toBeNull();
  });
  it('reads industries by section letter, name, or both', () => {
    expect(parseIndustry('I')).toBe('I');
    expect(parseIndustry('ｉ')).toBe('I');
    expect(parseIndustry('信息传输、软件和信息技术服务业')).toBe('I');
    expect(parseIndustry('农林牧渔业')).toBe('A');
    expect(parseIndustry('I 信息传输、软件和信息技术服务业')).toBe('I');
    expect(parseIndustry('制造业（C）')).toBe('C');
    expect(parseIndustry('Z')).toBeNull();
    expect(parseIndustry('AI')).toBeNull();
  });
  it('reads entity types, fields, stages and education in Chinese or as keys', () => {
    expect(parseEntityType('个体工商户')).toBe('soleProprietor');
    expect(parseEntityType('未注册团队')).toBe('team');
    expect(parseField('银发经济')).toBe('silver');
    expect(parseField('AI')).toBe('ai');
    expect(parseStage('成长期')).toBe('growth');
    expect(parseEducation('大学本科')).toBe('bachelor');
    expect(parseStage('衰退期')).toBeNull();
  });
});
