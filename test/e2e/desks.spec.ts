import { expect, type Page, test } from '@playwright/test';
import { admit, setUpCarrier, startupForm } from './support/desk';
import { type E2eRoster, startCarrierRoster } from './support/roster';

const carrierCode = 'ZJ-330185-021';
const company = '杭州云帆数字科技有限公司';
let roster: E2eRoster;

test.beforeAll(async () => {
  roster = await startCarrierRoster(carrierCode);
});
test.afterAll(() => roster.stop());

const badge = (page: Page, state: RegExp) => page.getByRole('banner').getByRole('button', { name: state });
const syncPage = (page: Page) => page.getByRole('menuitem', { name: '数据同步' }).click();
const syncNow = async (page: Page) => {
  await syncPage(page);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(badge(page, /同步状态：已同步/)).toBeVisible();
};
const openFile = async (page: Page) => {
  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByRole('link', { name: company }).click();
  await expect(page.getByRole('heading', { name: company })).toBeVisible();
};
async function editPhone(page: Page, phone: string) {
  await openFile(page);
  await page.getByRole('button', { name: '编辑' }).click();
  const form = startupForm(page, 'edit');
  await form.getByLabel('联系电话').fill(phone);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: company })).toBeVisible();
}

test('a second desk joins with a code from the first, shares its records, settles a conflict, and keeps its data when revoked', async ({ browser }) => {
  // Two desks' whole day in one story, on a machine shared with other runs.
  test.setTimeout(480_000);
  // Two computers: two browser contexts, each with its own IndexedDB.
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();

  await setUpCarrier(a);
  await a.getByRole('menuitem', { name: '设置' }).click();
  const profile = a.locator('.ant-card').filter({ has: a.getByText('载体信息', { exact: true }) });
  await profile.getByLabel('名录编码').fill(carrierCode);
  await profile.getByRole('button', { name: '保存' }).click();
  await syncPage(a);
  await a.getByLabel('名录服务地址').fill(roster.url);
  await a.getByLabel('访问令牌').fill(roster.token);
  await a.getByLabel('在本机保存令牌').check();
  await a.getByLabel('本机名称').fill('主管电脑');
  await a.getByRole('button', { name: '保存连接设置' }).click();
  await expect(badge(a, /同步状态：已同步/)).toBeVisible();
  await admit(a, company, '914403001922038216');
  await syncNow(a);

  // The manager makes a join code on the first desk.
  const desks = a.locator('.ant-card').filter({ has: a.getByText('本载体的电脑', { exact: true }) });
  await desks.getByRole('button', { name: '生成加入码' }).click();
  const codeDialog = a.getByRole('dialog').filter({ hasText: '加入码' });
  const code = (await codeDialog.getByLabel('加入码').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await codeDialog.getByRole('button', { name: '确定' }).click();

  // The field laptop starts empty and joins instead of setting up a carrier.
  await b.goto('/');
  await b.getByRole('button', { name: '用加入码加入…' }).click();
  const join = b.getByRole('form', { name: '加入已有载体' });
  await join.getByLabel('名录服务地址').fill(roster.url);
  await join.getByLabel('加入码').fill(code.toLowerCase().replaceAll('-', ''));
  await join.getByLabel('本机名称').fill('外勤笔记本');
  await join.getByLabel('在本机保存令牌').check();
  await join.getByRole('button', { name: '加入' }).click();
  await expect(b.getByRole('navigation', { name: '主菜单' })).toBeVisible();
  await openFile(b);

  // Both offline, both change the phone: the later to reach the roster wins, the other is a conflict.
  await first.setOffline(true);
  await second.setOffline(true);
  await editPhone(a, '13800138001');
  await editPhone(b, '13800138002');
  await first.setOffline(false);
  await syncNow(a);
  await second.setOffline(false);
  await syncNow(b);
  await syncNow(a);
  await openFile(a);
  const conflicts = a.getByRole('region', { name: '修改冲突' });
  await expect(conflicts).toContainText('13800138001');
  await expect(conflicts).toContainText('13800138002');
  await syncPage(a);
  const list = a.locator('.ant-card').filter({ has: a.getByText('待裁定的冲突', { exact: true }) });
  await expect(list.getByRole('row').filter({ hasText: '联系电话' })).toContainText('外勤笔记本');
  await a.screenshot({ path: 'test-results/desks-sync-zh.png', fullPage: true });
  await list.getByRole('link', { name: `查看 ${company} 的冲突` }).click();
  await a.getByRole('button', { name: '联系电话 改用被替换的值' }).click();
  await expect(conflicts).toBeHidden();
  await syncNow(a);
  await syncNow(b);
  await openFile(b);
  await expect(b.getByText('13800138001')).toBeVisible();
  await expect(b.getByRole('region', { name: '修改冲突' })).toBeHidden();

  // The laptop is lost: the manager revokes it; its next sync is refused with the reason, its data stays.
  await syncPage(a);
  await desks.getByRole('button', { name: '吊销 外勤笔记本' }).click();
  const confirm = a.getByRole('dialog').filter({ hasText: '吊销“外勤笔记本”？' });
  await confirm.getByRole('button', { name: '吊销' }).click();
  await expect(desks.getByRole('row').filter({ hasText: '外勤笔记本' })).toContainText('已吊销');
  await syncPage(b);
  await b.getByRole('button', { name: '立即同步' }).click();
  await expect(b.getByRole('alert').filter({ hasText: '本机已被吊销' })).toBeVisible();
  await openFile(b);

  // The sync page in English too, for a look.
  await a.getByRole('menuitem', { name: '设置' }).click();
  await a.getByLabel('选择语言').click();
  await a.locator('.ant-select-dropdown:visible').getByTitle('English').click();
  await a.getByRole('menuitem', { name: 'Roster sync' }).click();
  await expect(a.getByText('This carrier’s desks')).toBeVisible();
  await a.screenshot({ path: 'test-results/desks-sync-en.png', fullPage: true });
  await syncPage(b);
  await b.screenshot({ path: 'test-results/desks-revoked-zh.png', fullPage: true });
  await first.close();
  await second.close();
});
