import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { choose, loadDemo, setUpCarrier } from './support/desk';

/** The quarter today falls in, as the period picker names it: demo reports stop at the quarter before. */
function thisQuarter() {
  const now = new Date();
  return { label: `${now.getFullYear()}年第${Math.floor(now.getMonth() / 3) + 1}季度` };
}

async function fillRow(page: Page, startup: string, figures: Record<string, string>) {
  for (const [field, value] of Object.entries(figures)) await page.getByLabel(`${startup} ${field}`, { exact: true }).fill(value);
}

test('a quarter: enter reports, run a round, score, finalize, export Excel and PDF', async ({ page }) => {
  await setUpCarrier(page);
  await loadDemo(page);
  const { label } = thisQuarter();

  // 经营数据: the quarter's grid, every resident not yet filed.
  await page.getByRole('menuitem', { name: '经营数据' }).click();
  await choose(page, '报告期', label);
  const rows = page.locator('.ant-table-tbody .ant-table-row');
  await expect(rows.first()).toContainText('未填报');
  const first = (await rows.nth(0).locator('.ant-table-cell').first().innerText()).trim();
  const second = (await rows.nth(1).locator('.ant-table-cell').first().innerText()).trim();
  await fillRow(page, first, { 从业人员: '10', 其中重点群体: '3', 参保人数: '9', 营业收入: '500000', 纳税额: '20000', 融资总额: '600000' });
  // A row that does not balance is marked as it is typed and kept when the rest is saved.
  await fillRow(page, second, { 从业人员: '2', 参保人数: '5' });
  await expect(page.getByText('参保人数不能超过从业人员总数')).toBeVisible();
  await page.getByRole('button', { name: '保存修改（2 行）' }).click();
  await expect(page.getByText('已保存 1 行')).toBeVisible();
  await expect(page.getByText('参保人数不能超过从业人员总数')).toBeVisible();
  await fillRow(page, second, { 参保人数: '2' });
  await page.getByRole('button', { name: '保存修改（1 行）' }).click();
  await expect(page.getByRole('button', { name: '保存修改（0 行）' })).toBeDisabled();

  // 绩效评价: a round for the quarter with the employment line's default template.
  await page.getByRole('menuitem', { name: '绩效评价' }).click();
  await choose(page, '报告期', label);
  await expect(page.getByLabel('评价模板')).toBeVisible();
  await expect(page.locator('.ant-select').filter({ hasText: '在孵企业绩效评价·默认' })).toBeVisible();
  await page.getByRole('button', { name: '生成/更新评价草稿' }).click();
  await expect(page.getByText(/已生成或更新 \d+ 份草稿/)).toBeVisible({ timeout: 60_000 });

  // One startup: where the points came from, the manual item, finalize.
  await page.getByRole('link', { name: first, exact: true }).click();
  const item = (name: string) => page.locator('.ant-table-row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await expect(item('带动就业')).toContainText('从业人员 10 人');
  await expect(item('带动就业').locator('td').nth(4)).toHaveText('15');
  await expect(item('重点群体吸纳').locator('td').nth(4)).toHaveText('10');
  await expect(item('纳税').locator('td').nth(4)).toHaveText('2');
  await expect(item('社保').locator('td').nth(4)).toHaveText('5');
  await expect(item('融资').locator('td').nth(4)).toHaveText('2');
  await page.getByRole('button', { name: '定稿' }).click();
  await expect(page.getByText('还有人工评分项未评分：团队与规范经营')).toBeVisible();
  await page.getByLabel('团队与规范经营 得分').fill('3');
  await page.getByRole('button', { name: '保存评分' }).click();
  await expect(page.getByText('得分低于满分一半，必须填写评语').first()).toBeVisible();
  await page.getByLabel('团队与规范经营 得分').fill('8');
  await page.getByRole('button', { name: '保存评分' }).click();
  await expect(page.getByText('已保存评分')).toBeVisible();
  await expect(item('团队与规范经营').locator('td').nth(4)).toHaveText('8');
  const total = Number(await page.getByTestId('evaluation-total').innerText());
  await page.getByRole('button', { name: '定稿' }).click();
  await expect(page.getByText('此评价已定稿，只读。如需修改请“更正”。')).toBeVisible();
  await expect(page.getByLabel('团队与规范经营 得分')).toBeDisabled();

  // Export the round to Excel and read it back.
  await page.getByRole('button', { name: '返回评价轮次' }).click();
  await expect(page.getByRole('link', { name: first, exact: true })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers.slice(0, 3)).toEqual(['名次', '企业名称', '统一社会信用代码']);
  expect(headers).toContain('带动就业（20分）');
  expect(headers).toContain('团队与规范经营（10分）');
  const col = (header: string) => headers.indexOf(header) + 1;
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(col('企业名称')).value === first) found = row;
  });
  expect(found).toBeTruthy();
  expect(found!.getCell(col('带动就业（20分）')).value).toBe(15);
  expect(found!.getCell(col('团队与规范经营（10分）')).value).toBe(8);
  expect(found!.getCell(col('总分')).value).toBe(total);
  expect(found!.getCell(col('状态')).value).toBe('已定稿');
  expect(sheet.rowCount).toBeGreaterThan(10);

  // The print view, printed by headless Chromium as the browser bridge's window.print() would.
  const rounds = sheet.rowCount - 1;
  await page.getByRole('button', { name: '打印评价表（PDF）' }).click();
  await expect(page.getByRole('heading', { name: /在孵企业绩效评价汇总表/ })).toBeVisible();
  const dir = mkdtempSync(join(tmpdir(), 'desk-pdf-'));
  const roundPdf = join(dir, 'round.pdf');
  await page.pdf({ path: roundPdf, preferCSSPageSize: true, printBackground: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [roundPdf], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThanOrEqual(rounds + 1);
  const text = execFileSync('pdftotext', ['-layout', roundPdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('在孵企业绩效评价汇总表');
  expect(text).toContain(first);
  expect(text).toContain('评价人（签字）');
  expect(text).toContain('孵化载体（盖章）');

  // One startup's sheet is one A4 page.
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('link', { name: first, exact: true }).click();
  await page.getByRole('button', { name: '打印本企业评价表' }).click();
  await expect(page.getByRole('heading', { name: /在孵企业绩效评价表/ })).toBeVisible();
  const sheetPdf = join(dir, 'sheet.pdf');
  await page.pdf({ path: sheetPdf, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [sheetPdf], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+1\b/);
  expect(info).toMatch(/Page size:.*\(A4\)/);
  const sheetText = execFileSync('pdftotext', ['-layout', sheetPdf, '-'], { encoding: 'utf8' });
  expect(sheetText).toContain(first);
  expect(sheetText).toContain('从业人员 10 人');
  expect(sheetText).toContain('企业负责人（签字）');
});

test('a correction keeps the finalized evaluation and starts a new revision', async ({ page }) => {
  await setUpCarrier(page);
  await loadDemo(page);
  await page.getByRole('menuitem', { name: '绩效评价' }).click();
  await page.getByRole('button', { name: '生成/更新评价草稿' }).click();
  await expect(page.getByText(/已生成或更新 \d+ 份草稿/)).toBeVisible({ timeout: 60_000 });
  await page.locator('a[href^="#/evaluations/e/"]').first().click();
  await page.getByLabel('团队与规范经营 得分').fill('9');
  await page.getByRole('button', { name: '保存评分' }).click();
  await expect(page.getByText('已保存评分')).toBeVisible();
  await page.getByRole('button', { name: '定稿' }).click();
  await page.getByRole('button', { name: '更正（生成新版本）' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已生成第 2 次评价草稿，原评价保留')).toBeVisible();
  await expect(page.locator('.ant-descriptions')).toContainText('第 2 次评价');
  await expect(page.getByLabel('团队与规范经营 得分')).toHaveValue(/^9(\.0)?$/);
  // The original is still there, read-only, pointing at its correction.
  const url = page.url().replace(/~2$/, '~1');
  await page.goto(url);
  await expect(page.getByText('此评价已被第 2 次评价更正，仅供查阅。')).toBeVisible();
});
