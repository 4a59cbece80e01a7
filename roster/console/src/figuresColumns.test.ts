import { beforeAll, describe, expect, it } from 'vitest';
import type { FiguresRow, FiguresView } from '../../http/consoleApi';
import { sheetColumns } from './figuresColumns';
import i18n from './i18n';
import { loadRegionNames, regionName } from './regions';

const rate = { value: 0 };
const row = (key: string, kind: FiguresRow['kind'], name: string | null = null): FiguresRow => ({
  key,
  kind,
  name,
  carriers: 1,
  residents: 2,
  admitted: 0,
  exited: 0,
  exitsByKind: {},
  jobs: 0,
  successRate: rate,
  onTimeExitRate: rate,
  grades: { excellent: 0, good: 0, pass: 0, fail: 0 },
});
const view = (rows: FiguresRow[]): FiguresView => ({ period: '2026', region: '33', rows, total: row('33', 'region'), thresholds: { successRate: 0.6, onTimeExitRate: 0.95 } });

describe("the figures file's first columns", () => {
  beforeAll(async () => {
    await loadRegionNames();
  });
  const regions = { name: (code: string) => regionName(code, 'zh-CN') };
  const firstTwo = (v: FiguresView) => {
    const columns = sheetColumns(i18n.t, regions, v).slice(0, 2);
    return [columns.map((c) => c.header), ...v.rows.map((r) => columns.map((c) => c.value(r))), columns.map((c) => c.total)];
  };

  it('give a region row its code and its name, a code the names lack as itself', () => {
    expect(firstTwo(view([row('3301', 'region'), row('3399', 'region')]))).toEqual([
      ['地区代码', '地区'],
      ['3301', '杭州市'],
      ['3399', '3399'],
      ['', '合计'],
    ]);
  });

  it('give a carrier row its roster code and name, and the carriers placed nowhere no code', () => {
    expect(firstTwo(view([row('ZJ-1', 'carrier', '杭州某孵化器')]))).toEqual([
      ['名录编码', '载体'],
      ['ZJ-1', '杭州某孵化器'],
      ['', '合计'],
    ]);
    expect(firstTwo(view([row('33', 'region'), row('unplaced', 'unplaced')]))[2]).toEqual(['', '未登记地区']);
  });
});
