import { toHalfWidth } from '../text';

/**
 * Words that open a roster's footer rows (signatures, dates, totals, notes): a row whose first
 * filled cell is one of these, alone or followed by a colon or a space, holds no startup.
 */
export const FOOTER_WORDS: readonly string[] = [
  '填表人',
  '填报人',
  '制表人',
  '制表',
  '统计人',
  '审核人',
  '审核',
  '审批人',
  '复核人',
  '负责人签字',
  '单位负责人',
  '填表日期',
  '填报日期',
  '制表日期',
  '报送日期',
  '填报单位',
  '填报单位(盖章)',
  '单位(盖章)',
  '盖章',
  '合计',
  '小计',
  '总计',
  '注',
  '说明',
  '备注',
];

export type SkippedRow = 'blank' | 'footer';

const FOOTER = new RegExp(`^(?:${FOOTER_WORDS.map((w) => w.replace(/[()]/g, '\\$&')).join('|')})(?:\\s*:|\\s|$)`);

/** Why a row of the sheet is not data, or null when it may hold a startup. */
export function skippedRow(cells: readonly string[]): SkippedRow | null {
  const first = cells.find((c) => c.trim() !== '');
  if (first === undefined) return 'blank';
  // 注：…, 合计 and 填表人：… as typed, with full-width colons and spaces.
  return FOOTER.test(toHalfWidth(first).replace(/\s+/g, ' ')) ? 'footer' : null;
}
