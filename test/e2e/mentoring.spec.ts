import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { setUpCarrier } from './support/desk';

/** A mentoring morning: add a mentor, book, record what happened, chase the follow-up, export. */
const today = new Date();
// Days as the browser sees them: the tests run in China time (playwright.config.ts), whatever the machine's zone.
const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const weekAgo = iso(new Date(Date.now() - 7 * 86_400_000));

async function setUp(page: Page) {
  await setUpCarrier(page);
  // Residents come from the startups screen; here they are put in place directly.
  await page.evaluate(async () => {
    const open = indexedDB.open('incubator-desk');
    const db: IDBDatabase = await new Promise((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction('startups', 'readwrite');
    const base = { updatedAt: new Date().toISOString(), entityType: 'team', industry: 'I', field: 'digital', stage: 'early', admittedOn: '2025-01-01', agreementEndsOn: '2027-12-31', area: 20, feeWaived: false, keyProject: false, status: 'resident' };
    tx.objectStore('startups').put({ ...base, id: 'e2e-s1', name: '云帆数字创业团队' });
    tx.objectStore('startups').put({ ...base, id: 'e2e-s2', name: '青禾农业创业团队' });
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  });
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  // A single select closes itself; an Escape here would close the dialog instead.
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** Multiple selects search as you type; Enter takes the match. */
async function choose(page: Page, label: string, option: string) {
  const box = page.getByRole('dialog').getByLabel(label);
  await box.fill(option);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).waitFor();
  await box.press('Enter');
  await box.press('Escape');
}

async function book(page: Page, at: string) {
  await page.getByRole('button', { name: '预约辅导' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, '导师', '陈立新');
  await choose(page, '企业', '云帆数字创业团队');
  await dialog.getByLabel('开始时间').fill(at);
  await dialog.getByLabel('开始时间').press('Enter');
  return dialog;
}

async function readBack(download: import('@playwright/test').Download) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  return { sheet, row };
}

test('add a mentor, book, record with action items, follow up, export', async ({ page }) => {
  await setUp(page);

  await page.getByRole('menuitem', { name: '创业导师' }).click();
  await page.getByRole('button', { name: '新增导师' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('姓名').fill('陈立新');
  await pick(page, '导师类别', '创业指导师');
  await pick(page, '职业技能等级', '3级');
  await form.getByLabel('工作单位').fill('浙江省创业导师协会');
  await form.getByLabel('擅长领域').fill('融资');
  await form.getByLabel('擅长领域').press('Enter');
  await form.getByLabel('联系电话').fill('13800138000');
  await form.getByRole('button', { name: /保\s?存/ }).click();
  const mentorRow = page.getByRole('row', { name: /陈立新/ });
  await expect(mentorRow).toContainText('创业指导师 · 3级');
  await expect(mentorRow).toContainText('低于每年 2 次');
  await expect(page.getByText('在孵企业 2 家，在库导师 1 位')).toBeVisible();

  await page.getByRole('menuitem', { name: '辅导记录' }).click();
  // Midnight today (China time): already past whenever the test runs, yet still in today's upcoming list.
  const first = await book(page, `${iso(today)} 00:00`);
  await first.getByRole('button', { name: /保\s?存/ }).click();
  await expect(first).toBeHidden();

  // The same mentor half an hour later: warned before saving, and the manager goes back.
  const second = await book(page, `${iso(today)} 00:30`);
  await expect(second.getByText('导师时间冲突')).toBeVisible();
  await expect(second.getByText(/陈立新 在 .* 00:00 已有辅导（云帆数字创业团队）/)).toBeVisible();
  await second.getByRole('button', { name: /保\s?存/ }).click();
  await page.getByRole('button', { name: '返回修改' }).click();
  await second.getByRole('button', { name: /取\s?消/ }).click();

  await page.getByRole('tab', { name: '近期安排' }).click();
  await page.getByRole('row', { name: /陈立新/ }).getByRole('button', { name: /记\s?录/ }).click();
  const record = page.getByRole('dialog', { name: '记录辅导情况' });
  await record.getByLabel('辅导纪要').fill('梳理了融资路演材料。明确了下一步计划。');
  await record.getByRole('radio').nth(3).click();
  await record.getByRole('button', { name: '添加待办事项' }).click();
  await record.getByLabel('待办事项 1', { exact: true }).fill('补充财务模型');
  await record.getByLabel('待办事项 1 负责人').fill('创始人');
  await record.getByLabel('待办事项 1 完成期限').fill(weekAgo);
  await record.getByLabel('待办事项 1 完成期限').press('Enter');
  await record.getByRole('button', { name: /保\s?存/ }).click();
  await expect(record).toBeHidden();

  await page.getByRole('tab', { name: '待跟进事项' }).click();
  const item = page.getByRole('row', { name: /补充财务模型/ });
  await expect(item).toContainText('逾期 7 天');
  await expect(item).toContainText('云帆数字创业团队');
  await item.getByRole('button', { name: '标记完成' }).click();
  await expect(page.getByText('没有逾期的待办事项。')).toBeVisible();

  await page.getByRole('tab', { name: '辅导覆盖' }).click();
  await expect(page.getByRole('row', { name: /青禾农业创业团队.*从未辅导.*冷落/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /云帆数字创业团队/ })).toHaveCount(0);

  const logDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出辅导记录' }).click();
  const log = await readBack(await logDownload);
  expect((await logDownload).suggestedFilename()).toMatch(/^辅导记录-\d{8}-\d{8}\.xlsx$/);
  expect(log.sheet.name).toBe('辅导记录');
  expect(log.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(log.row(1)).toEqual(['日期', '开始时间', '辅导形式', '导师', '企业', '方式', '时长（分钟）', '状态', '辅导主题', '辅导纪要', '待办事项', '企业评分']);
  expect(log.sheet.rowCount).toBe(2);
  expect(log.row(2)).toEqual([iso(today), '00:00', '预约辅导', '陈立新', '云帆数字创业团队', '现场', 60, '已举行', undefined, '梳理了融资路演材料。明确了下一步计划。', `补充财务模型（创始人，${weekAgo}，已完成）`, 4]);

  await page.getByRole('menuitem', { name: '创业导师' }).click();
  // One held session: counted, and still below the yearly minimum of two.
  await expect(mentorRow).toContainText(`在库1低于每年 2 次14.0${iso(today)}`);
  const rosterDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出导师花名册' }).click();
  const roster = await readBack(await rosterDownload);
  expect(roster.sheet.name).toBe('导师花名册');
  expect(roster.sheet.getColumn(5).width).toBeGreaterThan(20);
  expect(roster.row(1).slice(0, 8)).toEqual(['序号', '姓名', '导师类别', '职业技能等级', '工作单位', '擅长领域', '联系电话', '在库状态']);
  expect(roster.row(2)).toEqual([1, '陈立新', '创业指导师', '3级', '浙江省创业导师协会', '融资', '13800138000', '在库', 1, 1, 4, iso(today)]);
});
