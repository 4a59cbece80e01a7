import { beforeAll, describe, expect, it } from 'vitest';
import { findRegions, loadRegionNames, regionFullName, regionName } from './regions';

describe('region names by GB/T 2260 code', () => {
  it('shows codes until the names are loaded', () => {
    expect(regionName('33', 'zh-CN')).toBe('33');
    expect(regionFullName('330106', 'zh-CN')).toBe('330106');
    expect(findRegions('西湖', 'nation', 'zh-CN', 10)).toEqual([]);
  });

  describe('once loaded', () => {
    beforeAll(async () => {
      await loadRegionNames();
    });

    it('names a province, in English with its English name beside the proper one', () => {
      expect(regionName('33', 'zh-CN')).toBe('浙江省');
      expect(regionName('33', 'en-US')).toBe('浙江省 (Zhejiang)');
      expect(regionName('330000', 'zh-CN')).toBe('浙江省');
    });

    it('has the 34 province-level units, each with an English name', async () => {
      const names = await loadRegionNames();
      const provinces = Object.keys(names).filter((code) => code.length === 2);
      expect(provinces).toHaveLength(34);
      for (const code of provinces) expect(regionName(code, 'en-US')).toMatch(/^\p{Script=Han}+ \([A-Z][a-z]+( [A-Z][a-z]+)?\)$/u);
    });

    it('names a city, and a six-digit code ending in 00 as its city', () => {
      expect(regionName('3301', 'zh-CN')).toBe('杭州市');
      expect(regionName('3301', 'en-US')).toBe('杭州市');
      expect(regionName('441900', 'zh-CN')).toBe('东莞市');
      expect(regionFullName('3301', 'en-US')).toBe('浙江省杭州市 (Zhejiang)');
    });

    it('names a county, and writes its full name as an address does, without a municipality’s 市辖区', () => {
      expect(regionName('330106', 'zh-CN')).toBe('西湖区');
      expect(regionFullName('330106', 'zh-CN')).toBe('浙江省杭州市西湖区');
      expect(regionFullName('110108', 'zh-CN')).toBe('北京市海淀区');
      expect(regionFullName('419001', 'zh-CN')).toBe('河南省济源市');
      // A municipality's own grouping entry keeps its name where it is the region asked for (a figures row).
      expect(regionName('1101', 'zh-CN')).toBe('市辖区');
      expect(regionFullName('1101', 'zh-CN')).toBe('北京市市辖区');
    });

    it('shows a code it does not know as the code', () => {
      expect(regionName('330199', 'zh-CN')).toBe('330199');
      expect(regionFullName('330199', 'en-US')).toBe('330199');
      expect(regionName('99', 'zh-CN')).toBe('99');
      expect(regionName('nation', 'zh-CN')).toBe('nation');
    });

    it('finds regions by name or code prefix, inside the scope only', () => {
      // 杭州 and 南昌 have a 西湖区, 武汉 a 东西湖区.
      expect(findRegions('西湖', 'nation', 'zh-CN', 10)).toEqual(['330106', '360103', '420112']);
      expect(findRegions('西湖', '33', 'zh-CN', 10)).toEqual(['330106']);
      expect(findRegions('3301', 'nation', 'zh-CN', 3)).toEqual(['3301', '330102', '330105']);
      expect(findRegions('zhejiang', 'nation', 'en-US', 1)).toEqual(['33']);
      expect(findRegions('海淀', '31', 'zh-CN', 10)).toEqual([]);
    });
  });
});
