import { expect, test, type Page } from '@playwright/test';
import { fillDate, setUpCarrier, startupForm, type Scope } from './support/desk';

/** Completing what a roster left out: the 待补充 view, a bulk edit of what it lists, and its undo. */

/** Clears a select or date with its clear icon (shown on hover). */
async function clear(scope: Scope, label: string) {
  const page = 'page' in scope ? scope.page() : scope;
  const control = scope.locator('.ant-select, .ant-picker').filter({ has: page.getByLabel(label, { exact: true }) });
  await control.hover();
  await control.locator('.ant-select-clear, .ant-picker-clear').click();
}

/** Picks an option of a select in the open form (dialog or page), waiting for its list to close. */
async function pick(page: Page, scope: Scope, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}


/** Admits an unregistered team through the form, leaving its industry (and, if asked, its stage) to complete later. */
async function admitTeam(page: Page, name: string, { industry, clearStage, founder }: { industry?: string; clearStage?: boolean; founder?: boolean } = {}) {
  await page.getByRole('button', { name: '登记入驻' }).click();
  // The list's 名称 column header has the same name until the form replaces the list.
  await expect(startupForm(page)).toBeVisible();
  await page.getByLabel('名称', { exact: true }).fill(name);
  await pick(page, page, '主体类型', '未注册团队');
  if (industry) await pick(page, page, '所属行业（GB/T 4754）', industry);
  if (clearStage) await clear(page, '发展阶段');
  await fillDate(page, '入驻日期', '2025-03-01');
  await fillDate(page, '协议到期日', '2027-02-28');
  await page.getByLabel('使用面积（平方米）').fill('30');
  if (founder) {
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('身份证号').fill('11010519491231002X');
  } else {
    await page.getByRole('button', { name: '移除此创始人' }).click();
  }
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: '返回名册' }).click();
}

/** A row of the list (a virtual table: its rows are not table rows to the accessibility tree). */
const listRow = (page: Page, name: string) => page.locator('.ant-table-row').filter({ has: page.getByRole('link', { name, exact: true }) });

/** A history entry of a change to both, in either order. */
const industryAndStage = /修改：(所属行业（GB\/T 4754）、发展阶段|发展阶段、所属行业（GB\/T 4754）)/;

async function openGaps(page: Page) {
  await pick(page, page, '待补充', '任一项待补充');
}

test('the 待补充 view lists what is missing; a bulk edit completes it, each file keeps its entry, and a second bulk edit undoes it', async ({ page }) => {
  // Three admissions through the form and three bulk edits: long on a shared two-core machine.
  test.setTimeout(600_000);
  await setUpCarrier(page);
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await admitTeam(page, '青禾农业创业团队', { clearStage: true, founder: true });
  await admitTeam(page, '云帆数字创业团队');
  await admitTeam(page, '晨光软件创业团队', { industry: 'I 信息传输、软件和信息技术服务业' });

  // The whole list names industries by section, and says 待补充 where none is given.
  await expect(page.getByText('共 3 家')).toBeVisible();
  await expect(listRow(page, '晨光软件创业团队')).toContainText('I 信息传输、软件和信息技术服务业');
  await expect(listRow(page, '青禾农业创业团队')).toContainText('待补充');

  await openGaps(page);
  await expect(page.getByText('共 2 家')).toBeVisible();
  await expect(listRow(page, '青禾农业创业团队')).toContainText('缺行业');
  await expect(listRow(page, '青禾农业创业团队')).toContainText('缺阶段');
  await expect(listRow(page, '云帆数字创业团队')).toContainText('缺行业');
  await expect(listRow(page, '晨光软件创业团队')).toHaveCount(0);

  // Select both and set industry, stage and a key group in one action.
  await page.getByRole('checkbox', { name: '选择 青禾农业创业团队' }).check();
  await page.getByRole('checkbox', { name: '选择 云帆数字创业团队' }).check();
  await expect(page.getByText('已选 2 家')).toBeVisible();
  await page.getByRole('button', { name: '批量修改' }).click();
  const dialog = page.getByRole('dialog', { name: '批量修改' });
  await expect(dialog.getByRole('radio', { name: '所选的 2 家' })).toBeChecked();
  await pick(page, dialog, '所属行业（GB/T 4754）', 'A 农、林、牧、渔业');
  await pick(page, dialog, '发展阶段', '成长期');
  await pick(page, dialog, '为创始人添加重点群体', '农民工（返乡创业农民工）');
  await dialog.getByRole('button', { name: '开始修改' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '已修改 2 家；0 家原本即为此值，未改动' })).toBeVisible();

  // The view empties; the list counts them under their new values.
  await expect(page.getByText('共 0 家')).toBeVisible();
  await clear(page, '待补充');
  await pick(page, page, '行业', 'A 农、林、牧、渔业');
  await expect(page.getByText('共 2 家')).toBeVisible();

  // Each file shows the values and keeps the change in its history, the founder's too.
  await page.getByRole('link', { name: '青禾农业创业团队' }).click();
  await expect(page.getByText('A 农、林、牧、渔业')).toBeVisible();
  await expect(page.getByText(industryAndStage)).toBeVisible();
  await expect(page.getByText('修改创始人 王芳')).toBeVisible();
  await expect(page.getByText('农民工（返乡创业农民工）', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '返回名册' }).click();
  await page.getByRole('link', { name: '云帆数字创业团队' }).click();
  await expect(page.getByText(industryAndStage)).toBeVisible();
  await page.getByRole('button', { name: '返回名册' }).click();

  // Undone by a second bulk edit: the values as they were, each with an entry of its own.
  await page.getByRole('status').getByRole('button', { name: '撤销这次修改' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已撤销：2 家恢复为修改前的值' })).toBeVisible();
  await openGaps(page);
  await expect(page.getByText('共 2 家')).toBeVisible();
  await expect(listRow(page, '青禾农业创业团队')).toContainText('缺阶段');
  await page.getByRole('link', { name: '青禾农业创业团队' }).click();
  await expect(page.getByText(industryAndStage)).toHaveCount(2);
  await expect(page.getByText('修改创始人 王芳')).toHaveCount(2);
  await expect(page.getByText('待补充：行业、阶段')).toBeVisible();
  await page.getByRole('button', { name: '返回名册' }).click();

  // Everything the filter lists, without selecting: a startup that already has the value is not written.
  await openGaps(page);
  await page.getByRole('button', { name: '批量修改' }).click();
  await dialog.getByRole('radio', { name: '当前筛选的全部 2 家' }).check();
  await pick(page, dialog, '领域', '数字经济');
  await dialog.getByRole('button', { name: '开始修改' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已修改 0 家；2 家原本即为此值，未改动' })).toBeVisible();
  await page.getByRole('button', { name: '批量修改' }).click();
  await dialog.getByRole('radio', { name: '当前筛选的全部 2 家' }).check();
  await pick(page, dialog, '所属行业（GB/T 4754）', 'I 信息传输、软件和信息技术服务业');
  await fillDate(dialog, '协议到期日', '2024-12-31');
  await dialog.getByRole('button', { name: '开始修改' }).click();
  // An agreement ending before admission: nothing is written, and the manager is told which and why.
  await expect(page.getByText(/未作任何修改。.*创业团队：协议到期日不能早于入驻日期/)).toBeVisible();
  await expect(dialog).toBeVisible();
  await clear(dialog, '协议到期日');
  await dialog.getByRole('button', { name: '开始修改' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已修改 2 家；0 家原本即为此值，未改动' })).toBeVisible();
  await expect(listRow(page, '青禾农业创业团队')).toContainText('缺阶段');
  await expect(page.getByText('共 1 家')).toBeVisible();
});
