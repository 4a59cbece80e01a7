import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { choose, fillDate, setUpCarrier, startupForm } from './support/desk';

/** A manager's day with one company, one record: the form and the import refuse copies, and re-imports change only what changed. */

const CODE_A = '914403001922038216';
const CODE_B = '9144030071526726XG';
const ID_WANG = '11010519491231002X';

async function admit(page: Page, name: string, code: string, founder: string, idNumber: string) {
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByRole('button', { name: '登记入驻' }).click();
  // Looked up in the form: the list's 名称 column header has the same name until the form replaces it.
  const form = startupForm(page);
  await form.getByLabel('名称', { exact: true }).fill(name);
  await form.getByLabel('统一社会信用代码').fill(code);
  await choose(form, '所属行业（GB/T 4754）', 'I 信息传输、软件和信息技术服务业');
  await fillDate(form, '入驻日期', '2025-03-01');
  await fillDate(form, '协议到期日', '2027-02-28');
  await form.getByLabel('使用面积（平方米）').fill('60');
  await form.getByLabel('姓名').fill(founder);
  await form.getByLabel('身份证号').fill(idNumber);
  await form.getByRole('button', { name: '保存', exact: true }).click();
}

async function writeSheet(testInfo: TestInfo, name: string, rows: unknown[][]) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  for (const row of rows) ws.addRow(row);
  const file = testInfo.outputPath(name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Opens the import dialog with a file and goes to its preview; returns the dialog. */
async function previewFile(page: Page, file: string) {
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles(file);
  // 面积（㎡） and the other headers are known: the dialog goes straight to the preview.
  await expect(dialog.getByText(/^共 \d+ 行/)).toBeVisible();
  return dialog;
}

/** The changes waiting for the roster, as the header's sync badge counts them. */
const expectPending = (page: Page, count: number) => expect(page.getByRole('banner').getByRole('button', { name: `同步状态：未配置同步 · 待上报 ${count}` })).toBeVisible();

test('the form refuses a second record of a company and one ID number for two people, with a link to the file that holds it', async ({ page }) => {
  await setUpCarrier(page);
  await admit(page, '杭州云帆数字科技有限公司', CODE_A, '王芳', ID_WANG);
  await expect(page.getByRole('heading', { name: '杭州云帆数字科技有限公司' })).toBeVisible();

  // The same credit code again: refused, naming the holder, with a link to its file.
  await admit(page, '云帆数字（重复）', CODE_A, '李四', '110105198001010016');
  await expect(page.getByRole('alert').filter({ hasText: '统一社会信用代码已属于在孵的 杭州云帆数字科技有限公司' })).toBeVisible();
  await expect(page.getByRole('link', { name: '打开 杭州云帆数字科技有限公司 的档案' })).toBeVisible();

  // Another code, but 王芳's ID number typed for 李四: refused on that founder's field.
  await page.getByLabel('名称', { exact: true }).fill('临安青禾农业科技有限公司');
  await page.getByLabel('统一社会信用代码').fill(CODE_B);
  await page.getByLabel('身份证号').fill(ID_WANG);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '身份证号与 杭州云帆数字科技有限公司 的 王芳 相同' })).toBeVisible();
  await expect(page.getByText('统一社会信用代码已属于')).toBeHidden();
  await expect(page.getByLabel('姓名')).toHaveValue('李四');

  // It was 王芳 herself, founding a second resident: allowed, and shown on both files.
  await page.getByLabel('姓名').fill('王芳');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '临安青禾农业科技有限公司' })).toBeVisible();
  const founders = page.locator('.ant-card').filter({ has: page.getByText('创始人', { exact: true }) });
  await founders.getByRole('link', { name: '杭州云帆数字科技有限公司' }).click();
  await expect(page.getByRole('heading', { name: '杭州云帆数字科技有限公司' })).toBeVisible();
  await expect(founders.getByRole('link', { name: '临安青禾农业科技有限公司' })).toBeVisible();

  // An exited or voided company's code comes back only as its re-admission, with its history.
  await page.getByRole('button', { name: '作废' }).click();
  await page.getByRole('dialog').getByLabel('作废原因').fill('暂停入驻');
  await page.getByRole('dialog').getByRole('button', { name: '作废' }).click();
  await expect(page.getByText('已作废：暂停入驻')).toBeVisible();
  await admit(page, '杭州云帆数字科技有限公司', CODE_A, '王芳', ID_WANG);
  await expect(page.getByRole('alert').filter({ hasText: '属于已退出或已作废的 杭州云帆数字科技有限公司' })).toBeVisible();
  await page.getByRole('link', { name: '打开 杭州云帆数字科技有限公司 的档案' }).click();
  await page.getByRole('button', { name: '重新入驻' }).click();
  const readmit = page.getByRole('dialog', { name: '重新入驻：杭州云帆数字科技有限公司' });
  await fillDate(page, '入驻日期', '2026-03-01');
  await fillDate(page, '协议到期日', '2029-02-28');
  await readmit.getByRole('button', { name: '重新入驻' }).click();
  await expect(readmit).toBeHidden();
  await expect(page.getByText('已作废：暂停入驻')).toBeHidden();
  await expect(page.getByText('2026-03-01')).toBeVisible();
  // The void stays in the file's history.
  await expect(page.getByText(/作废：暂停入驻/)).toBeVisible();

  await page.evaluate(() => localStorage.setItem('desk.language', 'en-US'));
  await page.reload();
  // An edit that gives 临安青禾 云帆's code is refused the same way, in English.
  await page.getByRole('menuitem', { name: 'Startups' }).click();
  await page.getByRole('link', { name: '临安青禾农业科技有限公司' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Unified social credit code').fill(CODE_A);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This credit code already belongs to 杭州云帆数字科技有限公司, a resident' })).toBeVisible();
});

const HEADER = ['企业名称', '统一社会信用代码', '主体类型', '所属行业', '领域', '阶段', '入孵日期', '协议到期', '面积（㎡）', '负责人', '身份证号码', '重点群体'];
const ROSTER = [
  HEADER,
  ['杭州云帆数字科技有限公司', CODE_A, '企业', 'I', '数字经济', '初创期', '2025-03-01', '2027-02-28', 60, '王芳', ID_WANG, '退役军人'],
  ['临安青禾农业科技有限公司', CODE_B, '企业', 'A', '现代农业', '成长期', '2024-05-06', '2027-05-05', 80, '赵刚', '110105198001010016', ''],
  ['山泉养殖创业团队', '', '未注册团队', 'A', '现代农业', '初创期', '2025-06-01', '2028-05-31', 20, '李娟', '11010519850505002X', '返乡创业农民工'],
  ['青禾电商创业团队', '', '未注册团队', 'F', '数字经济', '初创期', '2025-07-01', '2028-06-30', 15, '陈明', '320102199003030031', '高校毕业生'],
];

test('a roster imported twice adds no copies, a re-import that changes nothing writes nothing, and a change is shown field by field', async ({ page }, testInfo) => {
  await setUpCarrier(page);
  const file = await writeSheet(testInfo, '名册.xlsx', ROSTER);
  let dialog = await previewFile(page, file);
  await dialog.getByRole('button', { name: '导入 4 行' }).click();
  await expect(page.getByText('已导入：新增 4 家，更新 0 家')).toBeVisible();
  await expect(page.getByText('共 4 家')).toBeVisible();
  // The carrier profile, then four startups and four founders.
  await expectPending(page, 9);

  // The same file again: every row is found (the teams by their founders), and nothing changes.
  dialog = await previewFile(page, file);
  await expect(dialog.getByText('其中 0 行将更新台账中已有的企业，4 行无变化')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^第 4 行/ })).toContainText('无变化');
  await expect(dialog.getByRole('row', { name: /^第 4 行/ })).toContainText('已在台账：山泉养殖创业团队');
  await expect(dialog.getByRole('button', { name: '导入 0 行' })).toBeDisabled();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expectPending(page, 9);

  // A team's name retyped, a company's area changed, and one ID number typed for a second person.
  const edited = await writeSheet(testInfo, '名册-修改.xlsx', [
    HEADER,
    ROSTER[1]!,
    [...ROSTER[2]!.slice(0, 8), 95, ...ROSTER[2]!.slice(9)],
    ['山泉养殖团队', ...ROSTER[3]!.slice(1)],
    ROSTER[4]!,
    ['新来的创业团队', '', '未注册团队', 'I', '其他', '初创期', '2025-08-01', '2028-07-31', 10, '王方', ID_WANG, ''],
  ]);
  dialog = await previewFile(page, edited);
  await expect(dialog.getByText('其中 2 行将更新台账中已有的企业，2 行无变化')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^第 3 行/ })).toContainText('面积：80 → 95');
  await expect(dialog.getByRole('row', { name: /^第 4 行/ })).toContainText('已在台账：山泉养殖创业团队');
  await expect(dialog.getByRole('row', { name: /^第 4 行/ })).toContainText('企业名称：山泉养殖创业团队 → 山泉养殖团队');
  await expect(dialog.getByRole('row', { name: /^第 6 行/ })).toContainText('身份证号与 杭州云帆数字科技有限公司 的 王芳 相同');

  // Updates declined: the preview and the summary say those rows are skipped, not updated.
  await dialog.getByRole('checkbox', { name: '更新台账中已有的企业' }).uncheck();
  await expect(dialog.getByText('其中 4 行已在台账中，不更新，跳过')).toBeVisible();
  await expect(dialog.getByText('将更新')).toBeHidden();
  await expect(dialog.getByRole('row', { name: /^第 3 行/ })).toContainText('已在台账：临安青禾农业科技有限公司（不更新，跳过）');
  await expect(dialog.getByRole('button', { name: '导入 0 行' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: '更新台账中已有的企业' }).check();
  await dialog.getByRole('button', { name: '导入 2 行' }).click();
  await expect(page.getByText('已导入：新增 0 家，更新 2 家')).toBeVisible();
  await expect(page.getByText('共 4 家')).toBeVisible();
  await expectPending(page, 11);

  // The file's history holds the one real change, and no empty one.
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByRole('link', { name: '临安青禾农业科技有限公司' }).click();
  const history = page.locator('.ant-card').filter({ has: page.getByText('全部记录', { exact: true }) });
  await expect(history.getByText(/修改：/)).toHaveCount(1);
  await expect(page.getByText('· 95 m²')).toBeVisible();
});

test('the list export, edited and imported back, updates the same startups with a preview of each change', async ({ page }, testInfo) => {
  await setUpCarrier(page);
  // One company with two founders (a row each), as a roster often lists them.
  const file = await writeSheet(testInfo, '名册.xlsx', [...ROSTER, ['杭州云帆数字科技有限公司', CODE_A, '企业', 'I', '数字经济', '初创期', '2025-03-01', '2027-02-28', 60, '周强', '440304199208080041', '']]);
  const dialog = await previewFile(page, file);
  await dialog.getByRole('button', { name: '导入 5 行' }).click();
  await expect(page.getByText('已导入：新增 4 家，更新 0 家')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const saved = testInfo.outputPath('export.xlsx');
  await (await download).saveAs(saved);

  // Edited as a manager would in Excel: a stage, an area, a founder's phone. ID numbers stay masked.
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const sheet = wb.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const col = (name: string) => header.indexOf(name);
  let edits = 0;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const name = row.getCell(col('企业名称')).value;
    const founder = row.getCell(col('创始人')).value;
    expect(String(row.getCell(col('身份证号')).value)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const edit = (column: string, value: string | number) => {
      row.getCell(col(column)).value = value;
      edits++;
    };
    if (name === '青禾电商创业团队') edit('阶段', '成长期');
    if (name === '临安青禾农业科技有限公司') edit('面积', 120);
    if (founder === '周强') edit('创始人电话', '13800138000');
  });
  expect(edits).toBe(3);
  const back = testInfo.outputPath('export-edited.xlsx');
  await wb.xlsx.writeFile(back);

  const again = await previewFile(page, back);
  await expect(again.getByText('其中 3 行将更新台账中已有的企业，2 行无变化')).toBeVisible();
  await expect(again.getByText('阶段：初创期 → 成长期')).toBeVisible();
  await expect(again.getByText('面积：80 → 120')).toBeVisible();
  await expect(again.getByText('创始人电话：（空） → 13800138000')).toBeVisible();
  await expect(again.getByText('有错误 0 行')).toBeVisible();
  await again.getByRole('button', { name: '导入 3 行' }).click();
  // Three startups changed: two of their own fields, one a founder's.
  await expect(page.getByText('已导入：新增 0 家，更新 3 家')).toBeVisible();
  await expect(page.getByText('共 4 家')).toBeVisible();
  await page.getByRole('link', { name: '青禾电商创业团队' }).click();
  await expect(page.getByText('成长期')).toBeVisible();
});
