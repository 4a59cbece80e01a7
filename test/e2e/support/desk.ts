import { expect, type Locator, type Page } from '@playwright/test';

/** Where a step looks for its controls: the page, or (better) the dialog, drawer or form that holds them. */
export type Scope = Page | Locator;
const pageOf = (scope: Scope): Page => ('goto' in scope ? scope : scope.page());

/** First-run setup through the form, as a manager does it. */
export async function setUpCarrier(page: Page, name = '青山湖创业孵化基地') {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用孵化台' })).toBeVisible();
  await page.getByLabel('载体名称').fill(name);
  await page.getByLabel('归口条线').click();
  await page.getByTitle('人社条线').click();
  await page.getByLabel('载体类型').click();
  await page.getByTitle('创业孵化基地').click();
  await page.getByLabel('认定级别').click();
  await page.getByTitle('市级').click();
  await page.getByLabel('所在地区代码').fill('330185');
  await page.getByLabel('地址').fill('杭州市临安区科技大道 1 号');
  await page.getByLabel('场地面积（平方米）').fill('5000');
  await page.getByLabel('工位数').fill('80');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
}

export async function loadDemo(page: Page) {
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(page.getByText('当前已加载演示数据')).toBeVisible();
}

/**
 * Picks an option of an antd Select found by its accessible name within `scope`. The options open in a
 * popup at the end of the page, so they are looked up in the open popup, not in the scope.
 */
export async function choose(scope: Scope, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await pageOf(scope).locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

/** Types a date into an antd DatePicker found within `scope` and confirms it. */
export async function fillDate(scope: Scope, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The startup form (登记入驻 or 编辑), once it is open: its fields share names with the list's column headers. */
export function startupForm(page: Page, mode: 'new' | 'edit' = 'new'): Locator {
  return page.getByRole('form', { name: mode === 'new' ? '登记入驻企业' : '编辑企业信息' });
}

/** 登记入驻 of one startup with one founder, through the form, ending on its file. */
export async function admit(page: Page, name: string, creditCode: string) {
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByRole('button', { name: '登记入驻' }).click();
  const form = startupForm(page);
  await form.getByLabel('名称', { exact: true }).fill(name);
  await form.getByLabel('统一社会信用代码').fill(creditCode);
  await choose(form, '所属行业（GB/T 4754）', 'I 信息传输、软件和信息技术服务业');
  await fillDate(form, '入驻日期', '2025-03-01');
  await fillDate(form, '协议到期日', '2027-02-28');
  await form.getByLabel('使用面积（平方米）').fill('60');
  await form.getByLabel('姓名').fill('王芳');
  await form.getByLabel('身份证号').fill('11010519491231002x');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}
