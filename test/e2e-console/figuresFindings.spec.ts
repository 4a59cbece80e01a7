import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { aFounder } from '../../core/testing/records';
import { createCarrierInScope } from '../../roster/auth/scopedRoster';
import { syncClient } from '../../roster/client';
import { figuresCarrierA, figuresCarrierB, figuresMutations } from '../../roster/testing/figuresFixture';
import { choose } from '../e2e/support/desk';
import { type ConsoleService, signIn as signInWith, startConsoleService } from './service';

let service: ConsoleService;
const signIn = (page: Page, login: string) => signInWith(page, login, service.passwords[login]!);

test.beforeAll(async () => {
  service = await startConsoleService([
    ['beijing.officer', '11', 'officer'],
    ['shanghai.viewer', '31', 'viewer'],
  ]);
  const { roster, store } = service;
  const seeder = { login: 'seed', scope: 'nation', role: 'officer' } as const;
  // Three desks report through the sync API, as they would: the figures are what their pushes left.
  // BJ-B and SH-C report the same startup (credit code), and one person founded at BJ-A and at SH-C.
  for (const [code, name, regionCode, records] of [
    ['BJ-A', '北京甲创业孵化基地', '110108', figuresCarrierA],
    ['BJ-B', '北京乙众创空间', '110105', figuresCarrierB],
    ['SH-C', '上海丙孵化器', '310101', figuresCarrierB],
  ] as const) {
    const { token } = await createCarrierInScope(store, seeder, { code, name, regionCode, line: 'hrss', level: 'city' });
    const mutations = figuresMutations(records);
    if (code !== 'BJ-B') {
      const founder = aFounder(`f-${code}`, records.startups[0]!.id, { name: '周晓' });
      mutations.push({ mutationId: mutations.length + 1, entity: 'founder', recordId: founder.id, op: 'upsert', record: founder, createdAt: '2026-12-01T08:00:00Z' });
    }
    await syncClient(roster.url, token).push({ carrierCode: code, clientId: `desk-${code}-0001`, mutations });
  }
});
test.afterAll(() => service?.stop());

test('a province’s figures drill down to a county’s carriers with the known numbers, and the XLSX holds the same', async ({ page }) => {
  await signIn(page, 'beijing.officer');
  await page.getByRole('menuitem', { name: '统计' }).click();
  const figures = page.getByRole('region', { name: '统计' });
  const period = figures.getByRole('form', { name: '统计期间' });
  await choose(period, '年度', '2026');
  await choose(period, '季度', '全年');

  // The province, by city: nothing of Shanghai's. Beijing's one city-level unit is GB/T 2260's 市辖区.
  const path = figures.getByRole('navigation', { name: '地区层级' });
  await expect(path).toHaveText('北京市');
  await expect(figures.getByRole('row', { name: /市辖区（1101）/ }).getByRole('cell').nth(1)).toHaveText('2');
  await expect(figures).not.toContainText('上海丙孵化器');
  // The province's file: each city by code and name.
  const byCity = await exported(page, '统计-11-2026.xlsx');
  expect(byCity(1).slice(0, 3)).toEqual(['地区代码', '地区', '载体数']);
  expect(byCity(2).slice(0, 3)).toEqual(['1101', '市辖区', 2]);
  await figures.getByRole('button', { name: '查看 市辖区（1101）' }).click();
  await expect(figures.getByRole('button', { name: '查看 朝阳区（110105）' })).toBeVisible();
  await figures.getByRole('button', { name: '查看 海淀区（110108）' }).click();
  await expect(path).toHaveText('北京市/市辖区/海淀区');

  const row = figures.getByRole('row', { name: /北京甲创业孵化基地/ });
  // 载体, 载体数, 在孵, 新增, 退出：毕业 / 清退 / 合计, 带动就业, 成功率, 到期出园率, 优秀 良好 合格 不合格.
  await expect(row.getByRole('cell')).toHaveText(['北京甲创业孵化基地', '1', '2', '1', '1', '1', '2', '17', '50.0%（1/2）未达标', '50.0%（1/2）未达标', '0', '1', '1', '0']);
  await expect(figures.getByRole('figure', { name: '孵化成功率与到期出园率' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('figures-zh.png'), fullPage: true });

  const values = await exported(page, '统计-110108-2026.xlsx');
  expect(values(1)).toEqual([
    '名录编码',
    '载体',
    '载体数',
    '在孵企业',
    '新增入孵',
    '退出：毕业',
    '退出：清退',
    '退出：合计',
    '带动就业',
    '孵化成功率',
    '孵化成功率是否达标（不低于 60.0%）',
    '到期出园率',
    '到期出园率是否达标（不低于 95.0%）',
    '评价等级：优秀',
    '评价等级：良好',
    '评价等级：合格',
    '评价等级：不合格',
  ]);
  expect(values(2)).toEqual(['BJ-A', '北京甲创业孵化基地', 1, 2, 1, 1, 1, 2, 17, '50.0%（1/2）', '未达标', '50.0%（1/2）', '未达标', 0, 1, 1, 0]);
  expect(values(3)).toEqual(['', '合计', 1, 2, 1, 1, 1, 2, 17, '50.0%（1/2）', '未达标', '50.0%（1/2）', '未达标', 0, 1, 1, 0]);

  // From the figures to the carrier's residents.
  await figures.getByRole('button', { name: '查看 北京甲创业孵化基地' }).click();
  await expect(page.getByRole('region', { name: '在孵企业' })).toContainText('甲基地企业101');

  await page.goBack();
  await expect(page).toHaveURL(/\/console\/figures\?region=110108&period=2026$/);
  await choose(page, '界面语言', 'English');
  const inEnglish = page.getByRole('region', { name: 'Figures' });
  await expect(inEnglish.getByRole('row', { name: /北京甲创业孵化基地/ })).toContainText('50.0% (1/2)Below');
  await expect(inEnglish).toContainText('Incubation success rate (standard ≥ 60.0%)');
  // The Chinese name stays the proper name; English adds the province's.
  await expect(inEnglish.getByRole('navigation', { name: 'Region levels' })).toHaveText('北京市 (Beijing)/市辖区/海淀区');
  await page.screenshot({ path: test.info().outputPath('figures-en.png'), fullPage: true });
  await inEnglish.getByRole('button', { name: '北京市 (Beijing)' }).click();
  await expect(inEnglish.getByRole('button', { name: 'Open 市辖区 · 1101' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('figures-province-en.png'), fullPage: true });
});

/** Exports the figures shown and reads the file back: its rows' cells by row number. */
async function exported(page: Page, fileName: string): Promise<(row: number) => unknown[]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe(fileName);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.getWorksheet('统计')!;
  return (n) => (sheet.getRow(n).values as unknown[]).slice(1);
}

test('a province’s account cannot read another province’s figures, by URL or by API', async ({ page }) => {
  await signIn(page, 'shanghai.viewer');
  await page.goto('/console/figures?region=11&period=2026');
  const figures = page.getByRole('region', { name: '统计' });
  await expect(figures.getByRole('alert')).toContainText('未找到，或不在您的管辖范围内');
  await expect(figures).not.toContainText('北京甲创业孵化基地');
  for (const region of ['11', '1101', '110108']) {
    const answer = await page.request.get(`/console/api/figures?region=${region}&period=2026`);
    expect(answer.status()).toBe(404);
  }
  // Nor its findings: the shared credit code is listed with Shanghai's carrier alone.
  const codes = (await (await page.request.get('/console/api/findings/credit-codes')).json()) as { findings: { holders: { carrierCode: string }[] }[] };
  expect(codes.findings.flatMap((f) => f.holders.map((h) => h.carrierCode))).toEqual(['SH-C']);
  // Its own scope: one city, Shanghai's carrier only.
  const own = (await (await page.request.get('/console/api/figures?period=2026')).json()) as { rows: { key: string; carriers: number }[] };
  expect(own.rows).toEqual([expect.objectContaining({ key: '3101', carriers: 1 })]);
});

test('the findings worklist shows a province its own carriers, counts the others, masks ID numbers and links to the carrier', async ({ page }) => {
  await signIn(page, 'shanghai.viewer');
  await page.getByRole('menuitem', { name: '异常线索' }).click();
  const findings = page.getByRole('region', { name: '异常线索' });
  const codes = findings.getByRole('region', { name: '信用代码重复' });
  await expect(codes.getByRole('row')).toHaveCount(2);
  await expect(codes.getByRole('row').nth(1)).toContainText('上海丙孵化器 · 乙基地企业201');
  await expect(codes.getByRole('row').nth(1)).toContainText('另有 1 个辖区外载体');
  await expect(findings).not.toContainText('北京乙众创空间');
  await page.screenshot({ path: test.info().outputPath('findings-zh.png'), fullPage: true });

  await findings.getByRole('tab', { name: '创始人跨载体' }).click();
  const founders = findings.getByRole('region', { name: '创始人跨载体' });
  await expect(founders.getByRole('row').nth(1)).toContainText('110105********002X');
  await expect(founders.getByRole('row').nth(1)).toContainText('上海丙孵化器 · 周晓');
  await expect(founders).not.toContainText('11010519491231002X');
  await expect(founders).not.toContainText('北京甲创业孵化基地');
  // Straight at the API: the same, nothing of Beijing's carriers, no full ID number.
  const answer = JSON.stringify(await (await page.request.get('/console/api/findings/founders')).json());
  expect(answer).not.toContain('BJ-A');
  expect(answer).not.toContain('11010519491231002X');

  await choose(page, '界面语言', 'English');
  const inEnglish = page.getByRole('region', { name: 'Findings' });
  await inEnglish.getByRole('tab', { name: 'Shared credit codes' }).click();
  await expect(inEnglish.getByRole('region', { name: 'Shared credit codes' })).toContainText('Carriers outside your scope: 1');
  await page.screenshot({ path: test.info().outputPath('findings-en.png'), fullPage: true });
  await inEnglish.getByRole('region', { name: 'Shared credit codes' }).getByRole('button', { name: 'Open 上海丙孵化器' }).click();
  await expect(page.getByRole('region', { name: 'Residents' })).toContainText('乙基地企业201');
});
