import { expect, test } from '@playwright/test';
import { loadDemo, setUpCarrier } from './support/desk';
import { printedPdf } from './support/pdf';

test('the dashboard draws every chart from demo data, shows the figures behind one, and prints on A4', async ({ page }, testInfo) => {
  await setUpCarrier(page, '青山湖创业孵化基地');
  await loadDemo(page);
  await page.goto('/#/dashboard/2025-01-01/2026-11-28');

  const charts = ['在孵企业（按阶段）', '在孵企业（按行业）', '在孵企业（按创始人重点群体）', '带动就业（按季度）', '营业收入与融资（万元，按季度）', '导师辅导（按月）', '退出情况'];
  for (const name of charts) {
    const region = page.getByRole('region', { name });
    // Drawn, not blank: recharts has put bars or lines into the chart's SVG.
    await expect(region.locator('.recharts-bar-rectangle path, .recharts-line-curve').first()).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

  // The figures behind the jobs chart, as a table.
  const jobs = page.getByRole('region', { name: '带动就业（按季度）' });
  await jobs.getByRole('button', { name: '查看数据' }).click();
  await expect(jobs.getByRole('columnheader', { name: '从业人员' })).toBeVisible();
  await expect(jobs.getByRole('cell', { name: '2025Q1' })).toBeVisible();
  await expect(page.getByRole('region', { name: '载体指标与标准' }).getByRole('cell', { name: '带动就业（人）' })).toBeVisible();

  // In English the charts speak English.
  await page.evaluate(() => localStorage.setItem('desk.language', 'en-US'));
  await page.reload();
  await expect(page.getByRole('region', { name: 'Jobs by quarter' }).locator('.recharts-line-curve').first()).toBeVisible();
  await page.evaluate(() => localStorage.setItem('desk.language', 'zh-CN'));
  await page.reload();

  await page.getByRole('button', { name: '打印工作台' }).click();
  await expect(page.getByRole('document', { name: '工作台报告' })).toContainText('统计期间：2025-01-01 至 2026-11-28');
  await expect(page.getByRole('document', { name: '工作台报告' }).locator('.recharts-bar-rectangle path').first()).toBeVisible();
  const pdf = await printedPdf(page, testInfo.outputPath('dashboard.pdf'));
  expect(pdf.pages).toBeGreaterThanOrEqual(2);
  expect(pdf.text).toContain('青山湖创业孵化基地工作台报告');
  expect(pdf.text).toContain('2025-01-01');
  expect(pdf.text).toContain('带动就业（按季度）');
});
