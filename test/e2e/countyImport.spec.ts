import { expect, test, type Page } from '@playwright/test';
import { compoundFile } from './support/compoundFile';
import { setUpCarrier } from './support/desk';
import { encodeGbk } from './support/gbk';

/** Sets up a carrier and opens the import dialog on 在孵企业; returns the dialog. */
async function openImport(page: Page) {
  await setUpCarrier(page);
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: '选择文件' })).toBeVisible();
  return dialog;
}

const pickFile = (page: Page, name: string, buffer: Buffer) => page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
// A select shows its chosen option as an item titled with the option's label.
const row = (dialog: ReturnType<Page['getByRole']>, n: number) => dialog.getByRole('row', { name: new RegExp(`^第 ${n} 行`) });

/** Opens a startup's file from the list and returns its profile card and founders card. */
async function openFile(page: Page, name: string) {
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  return { profile: page.locator('.ant-card').filter({ hasText: '基本信息' }), founders: page.locator('.ant-card').filter({ hasText: '创始人' }).first() };
}

test('a county roster as kept by hand: title rows, its own header words, footers, no agreement end, industry or area column', async ({ page }) => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('在孵企业');
  ws.addRow(['临安区青山湖创业孵化基地在孵企业名册']);
  ws.mergeCells('A1:I1');
  ws.addRow(['填报单位：青山湖创业孵化基地　　填报日期：2025年1月']);
  ws.mergeCells('A2:I2');
  ws.addRow(['序号', '企业名称', '统一社会信用代码', '法定代表人', '证件号码', '联系方式', '入园时间', '人员类别', '租赁面积（㎡）']);
  ws.addRow([1, '临安青禾农业科技有限公司', '９１３３０１８５ＭＡ２Ｃ３Ｒ１７７Ａ', '王 芳', '３３０１８５１９９５０３１２００２８', '138 0013 8000', '2023.5.6', '高校毕业生', 60]);
  // An Excel serial date: a cell typed as a number, not formatted as a date.
  ws.addRow([2, '杭州云帆软件有限公司', '91330185MA2D5T2779', '李　娟', '330185198807010042', '13900139000', 45052, '退役军人', 40]);
  ws.addRow([3, '昌化青山商贸商行', '92330185MA2E7U3775', '赵刚', '330185199202150039', '', '2023年5月6日', '', 20]);
  ws.addRow([4, '杭州青禾科技有限公司', '91330185MA2F9W4778', '陈明', '330185200001010051', '13700137000', '2023/05/06', '外星人', 30]);
  ws.addRow([]);
  ws.addRow(['填表人：张三', '', '', '', '审核人：李四']);
  ws.mergeCells('A9:C9');
  ws.addRow(['制表日期：2025年1月5日']);
  ws.addRow(['合计', '4 家']);
  ws.addRow(['注：本表由基地填写，面积单位为平方米']);
  const dialog = await openImport(page);
  await pickFile(page, '在孵企业名册.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));

  // Every column is known (序号 holds no field): straight to the preview.
  await expect(dialog.getByText('共 9 行：可导入 3 行，需留意 0 行，有错误 1 行，跳过 5 行（空行、表尾）')).toBeVisible();
  const first = row(dialog, 4);
  for (const text of ['可导入', '临安青禾农业科技有限公司', '91330185MA2C3R177A', '2023-05-06', '2026-05-06', '推算', '王芳', '330185********0028', '138 0013 8000', '高校毕业生', '待补充：领域和阶段']) await expect(first).toContainText(text);
  await expect(first).not.toContainText('330185199503120028');
  await expect(first.getByTitle('A 农、林、牧、渔业', { exact: true })).toBeVisible();
  await expect(first).toContainText('建议');
  await expect(first.getByText('创始人', { exact: true })).toBeVisible();
  await expect(row(dialog, 5)).toContainText('2023-05-06');
  await expect(row(dialog, 5)).toContainText('李娟');
  await expect(row(dialog, 5).getByTitle('I 信息传输、软件和信息技术服务业', { exact: true })).toBeVisible();
  await expect(row(dialog, 6).getByTitle('F 批发和零售业', { exact: true })).toBeVisible();
  // The error row still shows what it read, and its reasons name the columns as the file heads them.
  const wrong = row(dialog, 7);
  for (const text of ['有错误，不能导入', '杭州青禾科技有限公司', '91330185MA2F9W4778', '2023-05-06', '陈明', '330185********0051', '统一社会信用代码：校验码不正确', '人员类别：未知的重点群体“外星人”']) await expect(wrong).toContainText(text);
  await expect(row(dialog, 8)).toContainText('空行');
  await expect(row(dialog, 9)).toContainText('表尾：填表人：张三 审核人：李四');
  for (const n of [10, 11, 12]) await expect(row(dialog, n)).toContainText('已跳过');

  // Accept one proposal, change another, leave the third as proposed.
  await row(dialog, 4).getByRole('button', { name: '接受第 4 行的行业建议' }).click();
  await expect(row(dialog, 4)).not.toContainText('建议');
  await row(dialog, 5).getByLabel('第 5 行的所属行业').fill('科学研究');
  await page.getByTitle('M 科学研究和技术服务业', { exact: true }).click();
  await expect(row(dialog, 5)).not.toContainText('建议');
  await expect(row(dialog, 6)).toContainText('建议');
  await dialog.getByRole('button', { name: '导入 3 行' }).click();
  await expect(page.getByText('已导入：新增 3 家，更新 0 家')).toBeVisible();
  await expect(page.getByText('共 3 家')).toBeVisible();

  const qinghe = await openFile(page, '临安青禾农业科技有限公司');
  for (const text of ['A 农、林、牧、渔业', '2023-05-06', '2026-05-06', '60 m²']) await expect(qinghe.profile).toContainText(text);
  // The phone went to the founder (no contact column), the name lost its inner space.
  const founder = qinghe.founders.getByRole('row', { name: /王芳/ });
  await expect(founder).toContainText('13800138000');
  await expect(founder).toContainText('330185********0028');
  await expect(qinghe.profile).not.toContainText('13800138000');
  await page.getByRole('button', { name: '返回名册' }).click();
  const yunfan = await openFile(page, '杭州云帆软件有限公司');
  await expect(yunfan.profile).toContainText('M 科学研究和技术服务业');
  await expect(yunfan.founders).toContainText('李娟');
});

test('a GBK CSV roster with full-width digits and no area: one area for all rows, then proposals accepted for all rows, at 1366×768', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const csv = [
    '青山湖基地在孵企业名单（2024年）,,,,,,,,',
    '序号,单位名称,社会统一信用代码,负责人,身份证,手机,入孵时间,合同到期,备注',
    '1,杭州数字文化传媒有限公司,91330185MA2D5T2779,李 娟,330185198807010042,13900139000,2024-03-01,2026年2月28日,',
    '2,天目山养殖场,92330185MA2E7U3775,赵刚,330185199202150039,0571-63712345,20240315,,老客户',
    '3,杭州青禾科技有限公司,９１３３０１８５ＭＡ２Ｃ３Ｒ１７７Ａ,王芳,３３０１８５１９９５０３１２００２８,,２０２４／４／１,,',
    ',,,,,,,,',
    '填表人：张三,,审核人：李四,,,,,,',
  ].join('\r\n');
  const bytes = encodeGbk(csv);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  const dialog = await openImport(page);
  await pickFile(page, '名单.csv', Buffer.from(bytes));

  // 备注 is no field and the file gives no area: the mapping step asks; its warning goes once a value is chosen.
  await expect(dialog.getByText('缺少“面积”：请指定对应的列，或为所有行选择一个值')).toBeVisible();
  await expect(dialog.getByText('文件中没有所属行业')).toBeVisible();
  await expect(dialog.getByText('文件中没有领域')).toBeVisible();
  await expect(dialog.getByText('文件中没有协议到期日')).toHaveCount(0);
  const toPreview = dialog.getByRole('button', { name: '检查数据' });
  await expect(toPreview).toBeInViewport();
  await expect(toPreview).toBeDisabled();
  await dialog.getByLabel('“面积”统一填写').fill('0');
  await expect(dialog.getByText('缺少“面积”')).toHaveCount(0);
  await expect(dialog.getByText('所有行的“面积”：')).toBeVisible();
  await toPreview.click();

  await expect(dialog.getByText('共 5 行：可导入 3 行，需留意 0 行，有错误 0 行，跳过 2 行（空行、表尾）')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '导入 3 行' })).toBeInViewport();
  await expect(row(dialog, 3)).toContainText('李娟');
  await expect(row(dialog, 3)).toContainText('2026-02-28');
  await expect(row(dialog, 3)).not.toContainText('推算');
  await expect(row(dialog, 3).getByTitle('R 文化、体育和娱乐业', { exact: true })).toBeVisible();
  await expect(row(dialog, 4)).toContainText('2024-03-15');
  await expect(row(dialog, 4)).toContainText('2027-03-15');
  await expect(row(dialog, 4).getByTitle('A 农、林、牧、渔业', { exact: true })).toBeVisible();
  await expect(row(dialog, 5)).toContainText('91330185MA2C3R177A');
  await expect(row(dialog, 5)).toContainText('2024-04-01');
  await expect(row(dialog, 5)).toContainText('330185********0028');
  await expect(row(dialog, 5)).not.toContainText('建议');
  await expect(row(dialog, 7)).toContainText('表尾：填表人：张三 审核人：李四');

  await dialog.getByRole('button', { name: '接受全部行业建议（2 行）' }).click();
  await expect(dialog.getByText('建议', { exact: true })).toHaveCount(0);
  await dialog.getByLabel('未定行业的行统一设为…').fill('科学研究');
  await page.getByTitle('M 科学研究和技术服务业', { exact: true }).click();
  await expect(row(dialog, 5).getByTitle('M 科学研究和技术服务业', { exact: true })).toBeVisible();
  await expect(row(dialog, 3).getByTitle('R 文化、体育和娱乐业', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: '导入 3 行' }).click();
  await expect(page.getByText('已导入：新增 3 家，更新 0 家')).toBeVisible();

  const farm = await openFile(page, '天目山养殖场');
  for (const text of ['个体工商户', 'A 农、林、牧、渔业', '2024-03-15', '2027-03-15', '0 m²']) await expect(farm.profile).toContainText(text);
  await expect(farm.founders.getByRole('row', { name: /赵刚/ })).toContainText('057163712345');
  await page.getByRole('button', { name: '返回名册' }).click();
  const qinghe = await openFile(page, '杭州青禾科技有限公司');
  for (const text of ['91330185MA2C3R177A', 'M 科学研究和技术服务业', '2024-04-01', '2027-04-01']) await expect(qinghe.profile).toContainText(text);
});

test('a file the import cannot read says why and what to do, and the desk stays as it was', async ({ page }) => {
  const ExcelJS = (await import('exceljs')).default;
  const noHeader = new ExcelJS.Workbook();
  noHeader.addWorksheet('Sheet1').addRows([['2025年工作计划'], ['一季度', '走访企业'], ['二季度', '举办沙龙']]);
  const padded = (text: string) => new TextEncoder().encode(text.repeat(40));
  const files: [string, Buffer, string][] = [
    ['名册.xlsx', Buffer.alloc(0), '文件是空的：请选择填写了名册的文件'],
    ['名册.xlsx', Buffer.from('这是一份说明，不是名册。\r\n请勿导入。\r\n', 'utf8'), '没有找到表头（应有 企业名称 等列）'],
    ['名册.xlsx', Buffer.from(compoundFile([{ name: 'EncryptionInfo', bytes: padded('info') }, { name: 'EncryptedPackage', bytes: padded('secret') }])), '文件设有打开密码，无法读取：请用 Excel 或 WPS 打开它，取消密码后保存，再导入'],
    ['名册.xls', Buffer.from(compoundFile([{ name: 'Workbook', bytes: padded('BIFF') }])), '这是旧版 Excel 文件（.xls），无法直接读取：请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入'],
    ['名册.csv', Buffer.from([0x41, 0x2c, 0x42, 0x0d, 0x0a, 0xc6, 0xf3, 0xff, 0xff, 0x0d, 0x0a]), '文件无法读取：不是 XLSX，也不是 UTF-8 或 GBK 文本'],
    ['名册.xlsx', Buffer.from(await noHeader.xlsx.writeBuffer()), '没有找到表头（应有 企业名称 等列）'],
  ];
  const dialog = await openImport(page);
  for (const [name, buffer, says] of files) {
    await pickFile(page, name, buffer);
    await expect(dialog.getByRole('alert')).toContainText(says);
    await expect(dialog.getByText('只能导入 XLSX 或 CSV 文件')).toHaveCount(0);
    // Still on the first step: another file can be chosen at once.
    await expect(dialog.getByRole('button', { name: '选择文件' })).toBeVisible();
  }
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('共 0 家')).toBeVisible();

  // In English, in English.
  await page.evaluate(() => localStorage.setItem('desk.language', 'en-US'));
  await page.reload();
  await page.getByRole('menuitem', { name: 'Startups' }).click();
  await page.getByRole('button', { name: 'Import from Excel' }).click();
  await pickFile(page, '名册.xls', files[3]![1]);
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('This is an old Excel file (.xls), which cannot be read directly: open it in Excel or WPS, save it as .xlsx and import that');
});
