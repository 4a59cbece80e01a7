import { describe, expect, it } from 'vitest';
import { INDUSTRY_WORDS, proposeIndustry } from './industryWords';

describe('industry proposed from the name', () => {
  it.each([
    ['临安青禾农业科技有限公司', 'A'],
    ['天目山种植专业合作社', 'A'],
    ['於潜生态养殖场', 'A'],
    ['杭州青山电商有限公司', 'F'],
    ['昌化商贸有限公司', 'F'],
    ['杭州云帆软件有限公司', 'I'],
    ['临安信息技术有限公司', 'I'],
    ['杭州云帆数字科技有限公司', 'I'],
    ['太湖源餐饮管理有限公司', 'H'],
    ['杭州数字文化传媒有限公司', 'R'],
    ['临安信息咨询服务部', 'L'],
  ])('%s → %s', (name, section) => expect(proposeIndustry(name)).toBe(section));

  it('proposes nothing when no word tells', () => {
    expect(proposeIndustry('杭州青禾科技有限公司')).toBeNull();
    expect(proposeIndustry('王芳创业团队')).toBeNull();
  });

  it('proposes each listed word’s own section', () => {
    for (const [section, words] of Object.entries(INDUSTRY_WORDS)) for (const word of words) expect([word, proposeIndustry(`某某${word}有限公司`)]).toEqual([word, section]);
  });
});
