import { expect, type Page, test } from '@playwright/test';
import { createCarrierInScope } from '../../roster/auth/scopedRoster';
import { syncClient } from '../../roster/client';
import { choose } from '../e2e/support/desk';
import { type ConsoleService, signIn as signInWith, startConsoleService } from './service';

let service: ConsoleService;
let token: string;
const signIn = (page: Page, login: string) => signInWith(page, login, service.passwords[login]!);

test.beforeAll(async () => {
  service = await startConsoleService([
    ['nation.officer', 'nation', 'officer'],
    ['beijing.officer', '11', 'officer'],
  ]);
  ({ token } = await createCarrierInScope(service.store, { login: 'seed', scope: 'nation', role: 'officer' }, { code: 'BJ-1', name: '北京某创业孵化基地', regionCode: '110108', line: 'hrss', level: 'city' }));
});
test.afterAll(() => service?.stop());

test('a national officer previews and publishes a template version, then retires it; the desk pulls both', async ({ page }) => {
  const desk = syncClient(service.roster.url, token);
  const { cursor } = await desk.pull(0);
  await signIn(page, 'nation.officer');
  await page.getByRole('menuitem', { name: '评价模板' }).click();
  const templates = page.getByRole('region', { name: '评价模板' });
  await expect(templates).toContainText('名录尚未发布模板');
  await templates.getByRole('button', { name: '发布新版本' }).click();

  const dialog = page.getByRole('dialog', { name: '发布新版本' });
  const definition = dialog.getByLabel('模板定义（JSON）');
  await expect(definition).toHaveValue(/"id": "resident@2"/);
  // A broken definition is refused on the page, in words, and nothing can be published.
  const good = await definition.inputValue();
  await definition.fill(good.replace('"version": 2', '"version": "二"'));
  await expect(dialog.getByRole('alert')).toContainText('模板不符合格式');
  await expect(dialog.getByRole('button', { name: '发布新版本' })).toBeDisabled();
  await definition.fill(good.replace('在孵企业绩效评价·默认', '在孵企业绩效评价·2027版'));

  // The preview scores a sample with the desk's own rules: more employees, more points.
  const preview = dialog.getByRole('region', { name: '评分预览' });
  await expect(preview.getByRole('status')).toContainText('等级：不合格');
  const before = await preview.getByRole('status').textContent();
  await preview.getByLabel('样例：从业人员数').fill('50');
  await expect(preview.getByRole('status')).not.toHaveText(before ?? '');
  await page.screenshot({ path: test.info().outputPath('template-publish-zh.png'), fullPage: true });
  await dialog.getByRole('button', { name: '发布新版本' }).click();
  await expect(dialog).toBeHidden();
  await expect(templates.getByRole('row', { name: /resident@2/ })).toContainText('在用');

  const published = await desk.pull(cursor);
  expect(published.changes).toEqual([expect.objectContaining({ kind: 'template', template: expect.objectContaining({ id: 'resident@2', name: '在孵企业绩效评价·2027版', published: true }) })]);

  await templates.getByRole('button', { name: '停用：在孵企业绩效评价·2027版' }).click();
  const retire = page.getByRole('dialog', { name: '停用模板：在孵企业绩效评价·2027版' });
  await retire.getByRole('button', { name: '确定' }).click();
  await expect(retire).toContainText('请填写停用理由');
  await retire.getByLabel('停用理由').fill('指标口径调整');
  await retire.getByRole('button', { name: '确定' }).click();
  await expect(retire).toBeHidden();
  await expect(templates.getByRole('row', { name: /resident@2/ })).toContainText('已停用');
  const retired = await desk.pull(published.cursor);
  expect(retired.changes).toEqual([expect.objectContaining({ kind: 'template', template: expect.objectContaining({ id: 'resident@2', retired: true }) })]);

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const log = page.getByRole('region', { name: '操作日志' });
  await expect(log).toContainText('发布评价模板');
  await expect(log).toContainText('指标口径调整');
  await choose(page, '界面语言', 'English');
  await page.getByRole('menuitem', { name: 'Templates' }).click();
  await expect(page.getByRole('region', { name: 'Evaluation templates' }).getByRole('row', { name: /resident@2/ })).toContainText('Retired');
  await page.screenshot({ path: test.info().outputPath('templates-en.png'), fullPage: true });
});

test('a province officer sees the templates but cannot publish or retire one, on the page or by API', async ({ page }) => {
  await signIn(page, 'beijing.officer');
  await page.getByRole('menuitem', { name: '评价模板' }).click();
  const templates = page.getByRole('region', { name: '评价模板' });
  await expect(templates.getByRole('row', { name: /resident@2/ })).toBeVisible();
  await expect(templates.getByRole('button', { name: /发布新版本|停用/ })).toHaveCount(0);
  const csrf = ((await (await page.request.get('/console/api/session')).json()) as { csrf: string }).csrf;
  const publish = await page.request.post('/console/api/templates', { headers: { 'x-console-csrf': csrf }, data: { id: 'resident@3' } });
  expect(publish.status()).toBe(403);
  const retire = await page.request.post('/console/api/templates/resident%402/retire', { headers: { 'x-console-csrf': csrf }, data: { reason: '越权' } });
  expect(retire.status()).toBe(403);
});
