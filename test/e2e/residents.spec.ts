import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { choose, fillDate, setUpCarrier, startupForm } from './support/desk';

/** Writes a sheet of these rows, sets up a carrier and hands the file to the import dialog; returns the file. */
async function importFile(page: Page, testInfo: TestInfo, rows: unknown[][]) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  for (const row of rows) ws.addRow(row);
  const file = testInfo.outputPath('名册.xlsx');
  await wb.xlsx.writeFile(file);
  await setUpCarrier(page);
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  return file;
}

test('admit a startup with a founder, find it, edit it with history, void it', async ({ page }) => {
  await setUpCarrier(page);
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByRole('button', { name: '登记入驻' }).click();

  const form = startupForm(page);
  await form.getByLabel('名称', { exact: true }).fill('杭州云帆数字科技有限公司');
  // A wrong check character is caught as it is typed.
  await form.getByLabel('统一社会信用代码').fill('914403001922038217');
  await expect(form.getByText('校验码不正确，请核对')).toBeVisible();
  await form.getByLabel('统一社会信用代码').fill('９１４４０３００１９２２０３８２１６');
  await expect(form.getByText('校验码不正确，请核对')).toBeHidden();
  await fillDate(form, '注册日期', '2024-05-06');
  await choose(form, '所属行业（GB/T 4754）', 'I 信息传输、软件和信息技术服务业');
  await fillDate(form, '入驻日期', '2025-03-01');
  await fillDate(form, '协议到期日', '2027-02-28');
  await form.getByLabel('使用面积（平方米）').fill('60');

  await form.getByLabel('姓名').fill('王芳');
  await form.getByLabel('身份证号').fill('11010519491231002x');
  await expect(form.getByText('出生日期 1949-12-31，女')).toBeVisible();
  await form.getByLabel('重点群体').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('退役军人').click();
  await page.keyboard.press('Escape');
  await expect(form.getByText('符合免费入驻条件（注册未满三年且创始人属于重点群体，第十条）')).toBeVisible();
  await form.getByRole('button', { name: '保存', exact: true }).click();

  // The file opens: masked ID, revealable on purpose.
  await expect(page.getByRole('heading', { name: '杭州云帆数字科技有限公司' })).toBeVisible();
  await expect(page.getByText('110105********002X')).toBeVisible();
  await page.getByRole('button', { name: '显示完整身份证号 王芳' }).click();
  await expect(page.getByText('11010519491231002X')).toBeVisible();

  // Search by founder name and by credit code prefix.
  await page.getByRole('button', { name: '返回名册' }).click();
  await page.getByLabel('搜索').fill('王芳');
  await expect(page.getByRole('link', { name: '杭州云帆数字科技有限公司' })).toBeVisible();
  await page.getByLabel('搜索').fill('91440300');
  await expect(page.getByRole('link', { name: '杭州云帆数字科技有限公司' })).toBeVisible();
  await page.getByLabel('搜索').fill('没有这家');
  await expect(page.getByRole('link', { name: '杭州云帆数字科技有限公司' })).toBeHidden();
  await page.getByLabel('搜索').fill('');

  // Edit: the change lands in the file's history.
  await page.getByRole('link', { name: '杭州云帆数字科技有限公司' }).click();
  await page.getByRole('button', { name: '编辑' }).click();
  const edit = startupForm(page, 'edit');
  await choose(edit, '发展阶段', '成长期');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/修改：发展阶段/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/修改：发展阶段/)).toBeVisible();

  // Void: it leaves the resident list and stays under the voided filter.
  await page.getByRole('button', { name: '作废' }).click();
  const voiding = page.getByRole('dialog');
  await voiding.getByLabel('作废原因').fill('重复录入');
  await voiding.getByRole('button', { name: '作废' }).click();
  await expect(page.getByText('已作废：重复录入')).toBeVisible();
  await page.getByRole('button', { name: '返回名册' }).click();
  await expect(page.getByText('共 0 家')).toBeVisible();
  await choose(page, '名册', '已作废');
  await expect(page.getByRole('link', { name: '杭州云帆数字科技有限公司' })).toBeVisible();
});

test('a save that fails keeps everything typed and marks the founder field', async ({ page }) => {
  await setUpCarrier(page);
  await page.goto('/#/startups/new');
  const form = startupForm(page);
  await form.getByLabel('名称', { exact: true }).fill('临安青禾农业科技有限公司');
  await form.getByLabel('统一社会信用代码').fill('9144030071526726XG');
  await form.getByLabel('姓名').fill('赵刚');
  await form.getByLabel('身份证号').fill('110105194912310021');
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form.getByText('身份证号校验码不正确，请核对')).toBeVisible();
  await expect(form.getByLabel('名称', { exact: true })).toHaveValue('临安青禾农业科技有限公司');
  await expect(form.getByLabel('姓名')).toHaveValue('赵刚');
});

test('import a messy spreadsheet: preview every row, import the good ones, export and read back', async ({ page }, testInfo) => {
  const ExcelJS = (await import('exceljs')).default;
  const file = await importFile(page, testInfo, [
    ['临安区创业孵化基地在孵企业名册（2025年）'],
    ['企业名称', '统一社会信用代码', '所属行业', '领域', '阶段', '入孵日期', '协议到期', '面积（㎡）', '负责人', '身份证号码', '重点群体', '备注栏'],
    ['杭州云帆数字科技有限公司', '９１４４０３００１９２２０３８２１６', 'I', '数字经济', '初创期', 45052, '2027年5月6日', '６０', '王芳', '11010519491231002X', '退役军人、高校毕业生', ''],
    ['临安青禾农业科技有限公司', '9144030071526726XG', '农、林、牧、渔业', '现代农业', '成长期', '2023.5.6', '2026/05/06', 80, '', '', '', '老客户'],
    ['坏校验码有限公司', '914403001922038217', 'I', '其他', '初创期', '2024-01-01', '2026-01-01', 20, '', '', '', ''],
    ['', '91330185MA2AXXXX0X', 'I', '其他', '初创期', '2024-01-01', '2026-01-01', 20, '', '', '', ''],
    ['重复代码有限公司', '914403001922038216', 'I', '其他', '初创期', '2024-01-01', '2026-01-01', 20, '', '', '', ''],
    ['未知群体有限公司', '', 'I', '其他', '初创期', '2024-01-01', '2026-01-01', 20, '李四', '11010519491231002X', '外星人', ''],
  ]);

  // 备注栏 is not a field: the mapping step asks, the manager leaves it out.
  await expect(page.getByText('以下列名与台账字段不完全一致')).toBeVisible();
  await page.getByRole('button', { name: '检查数据' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('共 6 行：可导入')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^第 3 行/ })).toContainText('可导入');
  await expect(dialog.getByRole('row', { name: /^第 4 行/ })).toContainText('可导入，请留意');
  await expect(dialog.getByRole('row', { name: /^第 4 行/ })).toContainText('未填写创始人');
  await expect(dialog.getByRole('row', { name: /^第 5 行/ })).toContainText('校验码不正确');
  await expect(dialog.getByRole('row', { name: /^第 6 行/ })).toContainText('企业名称：必填');
  await expect(dialog.getByRole('row', { name: /^第 7 行/ })).toContainText('与第 3 行重复');
  await expect(dialog.getByRole('row', { name: /^第 8 行/ })).toContainText('未知的重点群体“外星人”');
  await dialog.getByRole('button', { name: '导入 2 行' }).click();
  await expect(page.getByText('已导入：新增 2 家，更新 0 家')).toBeVisible();
  await expect(page.getByText('共 2 家')).toBeVisible();

  await page.getByRole('link', { name: '杭州云帆数字科技有限公司' }).click();
  await expect(page.getByText('2023-05-06')).toBeVisible();
  await expect(page.getByText('2027-05-06')).toBeVisible();
  await page.getByRole('button', { name: '返回名册' }).click();

  // Export the list and read the file back: masked ID numbers by default.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const saved = testInfo.outputPath('export.xlsx');
  await (await download).saveAs(saved);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(saved);
  const sheet = back.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('企业名称');
  const rows = [2, 3].map((n) => sheet.getRow(n).values as unknown[]);
  const yunfan = rows.find((r) => r[1] === '杭州云帆数字科技有限公司')!;
  expect(yunfan[2]).toBe('914403001922038216');
  expect(yunfan[17]).toBe('110105********002X');
  expect(yunfan[22]).toBe('退役军人、高校毕业生');

  // Importing the same file again finds both, never doubles, and writes nothing: nothing changed.
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: '检查数据' }).click();
  await expect(dialog.getByText('其中 0 行将更新台账中已有的企业，2 行无变化')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '导入 0 行' })).toBeDisabled();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('共 2 家')).toBeVisible();
});

test('a search matching more than a thousand startups counts them exactly, and scrolling still reaches the last of them', async ({ page }, testInfo) => {
  const names = Array.from({ length: 1100 }, (_, i) => `青禾测试创业团队${String(i + 1).padStart(4, '0')}`);
  await importFile(page, testInfo, [
    ['企业名称', '主体类型', '所属行业', '领域', '阶段', '入孵日期', '协议到期', '面积（㎡）'],
    ...names.map((name) => [name, '未注册团队', 'I', '其他', '初创期', '2025-01-01', '2027-01-01', 20]),
  ]);
  await page.getByRole('dialog').getByRole('button', { name: '导入 1100 行' }).click();
  await expect(page.getByText('已导入：新增 1100 家，更新 0 家')).toBeVisible({ timeout: 120_000 });
  // Counts are exact, a search's too.
  await expect(page.getByText('共 1100 家')).toBeVisible();
  await page.getByLabel('搜索').fill('测试');
  await expect(page.getByText('共 1100 家')).toBeVisible();
  await page.getByLabel('搜索').fill('测试创业团队100');
  await expect(page.getByText('共 10 家')).toBeVisible();
  await page.getByLabel('搜索').fill('测试');

  // The list grows page by page as it scrolls, to the last of them.
  const last = page.getByRole('link', { name: names.at(-1)! });
  await page.getByRole('link', { name: names[0]! }).hover();
  for (let i = 0; i < 60 && !(await last.isVisible()); i++) await page.mouse.wheel(0, 4000);
  await expect(last).toBeVisible();
});
