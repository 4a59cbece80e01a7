import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, loadDemo, setUpCarrier } from './support/desk';

/** The quarter today falls in, as the period picker names it: demo reports stop at the quarter before. */
const thisQuarter = () => {
  const now = new Date();
  return `${now.getFullYear()}年第${Math.floor(now.getMonth() / 3) + 1}季度`;
};

test('a period’s figures from a CSV: read in a worker, checked row by row, the good rows imported', async ({ page }, testInfo) => {
  await setUpCarrier(page);
  await loadDemo(page);
  await page.getByRole('menuitem', { name: '经营数据' }).click();
  await choose(page, '报告期', thisQuarter());
  const resident = (await page.locator('.ant-table-tbody .ant-table-row').first().locator('.ant-table-cell').first().innerText()).trim();

  // GBK-free UTF-8 with a BOM, as Excel saves "CSV UTF-8"; a money cell in 万, an unknown startup.
  const file = testInfo.outputPath('经营数据.csv');
  writeFileSync(file, `\uFEFF企业名称,从业人员,参保人数,营业收入\r\n${resident},12,10,1.5万\r\n不存在的公司,3,3,100\r\n`);
  await page.getByRole('tab', { name: '从 Excel 导入' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('经营数据.csv：共 2 行：1 行可导入，1 行有错误')).toBeVisible();
  await expect(page.getByRole('row', { name: /不存在的公司/ })).toContainText('找不到在孵企业“不存在的公司”');
  await page.getByRole('button', { name: '导入 1 行' }).click();
  await expect(page.getByText('已导入 1 行')).toBeVisible();

  await page.getByRole('tab', { name: '快速录入' }).click();
  await expect(page.getByLabel(`${resident} 营业收入`, { exact: true })).toHaveValue(/15,?000/);
});
