import { describe, expect, it } from 'vitest';
import { FOOTER_WORDS, skippedRow } from './rowWords';

describe('rows that are not data', () => {
  it('are blank when every cell is', () => {
    expect(skippedRow(['', ' ', '　'])).toBe('blank');
    expect(skippedRow([])).toBe('blank');
  });

  it.each(['填表人：张三', '审核人:李四', '制表日期：2025年1月5日', '合计', '小计 12', '总计：30', '注：本表由基地填写', '注:', '说明：面积单位为平方米', '填报单位（盖章）：', '填表人　王五　　审核人　赵六'])('a footer opening with "%s"', (first) => {
    expect(skippedRow(['', first, '', ''])).toBe('footer');
  });

  it('knows every footer word on its own', () => {
    for (const word of FOOTER_WORDS) expect(skippedRow([word])).toBe('footer');
  });

  it('keeps a startup whose name begins with such a word', () => {
    expect(skippedRow(['合计科技有限公司', '91330185000000001X'])).toBeNull();
    expect(skippedRow(['说明书印刷厂'])).toBeNull();
    expect(skippedRow(['1', '杭州云帆数字科技有限公司'])).toBeNull();
  });
});
