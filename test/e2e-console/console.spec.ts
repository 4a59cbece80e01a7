import { expect, test } from '@playwright/test';
import { aFounder } from '../../core/testing/records';
import { createCarrierInScope, rotateTokenInScope } from '../../roster/auth/scopedRoster';
import { joinCarrier, syncClient } from '../../roster/client';
import type { OpenStore } from '../../roster/db/open';
import { startupRecord } from '../../roster/fixtures';
import { choose } from '../e2e/support/desk';
import type { RosterProcess } from '../support/rosterProcess';
import { type ConsoleService, signIn, startConsoleService } from './service';

let service: ConsoleService;
let roster: RosterProcess;
let store: OpenStore;
let passwords: Record<string, string>;

test.beforeAll(async () => {
  service = await startConsoleService([
    ['beijing.officer', '11', 'officer'],
    ['shanghai.officer', '31', 'officer'],
    ['guangdong.officer', '44', 'officer'],
  ]);
  ({ roster, store, passwords } = service);
  const seeder = { login: 'seed', scope: 'nation', role: 'officer' } as const;
  await createCarrierInScope(store, seeder, { code: 'SH-1', name: '上海某创业孵化基地', regionCode: '310101', line: 'hrss', level: 'provincial' });
  await createCarrierInScope(store, seeder, { code: 'BJ-1', name: '北京某众创空间', regionCode: '110108', line: 'science', level: 'national' });
});
test.afterAll(() => service?.stop());

test('a province officer sees only its carriers, and another province’s is not found by URL or by API', async ({ page }) => {
  await signIn(page, 'beijing.officer', passwords['beijing.officer']!);
  await expect(page.getByRole('button', { name: '查看 北京某众创空间' })).toBeVisible();
  await expect(page.getByText('上海某创业孵化基地')).toHaveCount(0);
  await expect(page.getByRole('row', { name: /北京某众创空间/ })).toContainText('北京市海淀区（110108）');
  await expect(page.getByRole('banner')).toContainText('beijing.officer（北京市 · 经办）');
  await page.screenshot({ path: test.info().outputPath('carriers-zh.png') });
  const filters = page.getByRole('form', { name: '载体名录' });
  // The region filter finds regions by name inside the scope (not Shanghai's 朝阳… none, Beijing's 朝阳区 yes).
  const region = filters.getByRole('combobox', { name: '按地区名称或代码筛选' });
  await region.fill('朝阳');
  await page.screenshot({ path: test.info().outputPath('carriers-filter-zh.png') });
  await page.locator('.ant-select-dropdown:visible').getByText('北京市朝阳区（110105）', { exact: true }).click();
  await expect(region).toHaveValue('北京市朝阳区（110105）');
  await expect(page.getByRole('button', { name: '查看 北京某众创空间' })).toHaveCount(0);
  // A typed code filters as typed.
  await region.fill('1101');
  await expect(page.getByRole('button', { name: '查看 北京某众创空间' })).toBeVisible();
  await region.fill('110105');
  await expect(page.getByRole('button', { name: '查看 北京某众创空间' })).toHaveCount(0);
  await region.fill('');
  await expect(page.getByRole('button', { name: '查看 北京某众创空间' })).toBeVisible();
  await choose(page, '界面语言', 'English');
  await expect(page.getByRole('row', { name: /北京某众创空间/ })).toContainText('北京市海淀区 (Beijing) · 110108');
  await expect(page.getByRole('banner')).toContainText('beijing.officer · 北京市 (Beijing) · officer');
  await page.screenshot({ path: test.info().outputPath('carriers-en.png') });
  await choose(page, 'Language', '中文');
  await choose(filters, '归口条线', '人社条线');
  await expect(page.getByRole('button', { name: '查看 北京某众创空间' })).toHaveCount(0);
  await choose(filters, '归口条线', '科技条线');
  await expect(page.getByRole('button', { name: '查看 北京某众创空间' })).toBeVisible();

  await page.goto('/console/carriers/SH-1');
  await expect(page.getByRole('alert')).toContainText('未找到，或不在您的管辖范围内');
  await expect(page.getByText('上海某创业孵化基地')).toHaveCount(0);
  // The same cookie, straight at the API: refused too, and nothing changes.
  const api = await page.request.get('/console/api/carriers/SH-1');
  expect(api.status()).toBe(404);
  const csrf = ((await (await page.request.get('/console/api/session')).json()) as { csrf: string }).csrf;
  const status = await page.request.post('/console/api/carriers/SH-1/status', {
    headers: { 'x-console-csrf': csrf },
    data: { status: 'removed', reason: '越权尝试' },
  });
  expect(status.status()).toBe(404);
  const shanghai = await store.db.selectFrom('carriers').select('status').where('code', '=', 'SH-1').executeTakeFirstOrThrow();
  expect(shanghai.status).toBe('listed');
});

test('an officer’s decisions reach the carrier’s desk on its next pull, and are in the audit log', async ({ page }) => {
  await signIn(page, 'guangdong.officer', passwords['guangdong.officer']!);
  await page.getByRole('button', { name: '新建载体' }).click();
  const create = page.getByRole('dialog', { name: '新建载体' });
  await create.getByLabel('名录编码').fill('GD-1');
  await create.getByLabel('载体名称').fill('深圳某科技企业孵化器');
  await create.getByLabel('地区代码').fill('440305');
  await expect(create).toContainText('广东省深圳市南山区');
  await choose(create, '归口条线', '科技条线');
  await choose(create, '认定级别', '国家级');
  await create.getByRole('button', { name: '创建' }).click();

  const tokenDialog = page.getByRole('dialog', { name: '载体接入令牌' });
  await expect(tokenDialog).toContainText('只显示这一次');
  const token = (await tokenDialog.locator('code').textContent()) ?? '';
  expect(token).toMatch(/^rst_/);
  await page.screenshot({ path: test.info().outputPath('token-zh.png') });
  await tokenDialog.getByRole('button', { name: '我已交付，关闭' }).click();

  // The carrier's desk (the Node sync client) reports a startup and its founder.
  const desk = syncClient(roster.url, token);
  await desk.push({
    carrierCode: 'GD-1',
    clientId: 'desk-gd-0001',
    mutations: [
      { mutationId: 1, entity: 'startup', recordId: 's1', op: 'upsert', record: startupRecord('s1', 1, '深圳某智能科技有限公司'), createdAt: '2026-03-01T08:00:00Z' },
      { mutationId: 2, entity: 'founder', recordId: 'f1', op: 'upsert', record: aFounder('f1', 's1', { name: '林晓' }), createdAt: '2026-03-01T08:00:00Z' },
    ],
  });
  const { cursor } = await desk.pull(0);

  await page.getByRole('button', { name: '查看 深圳某科技企业孵化器' }).click();
  await expect(page.getByText('广东省深圳市南山区（440305）')).toBeVisible();
  const residents = page.getByRole('region', { name: '在孵企业' });
  await expect(residents).toContainText('深圳某智能科技有限公司');
  await expect(residents).toContainText('110105********002X');
  await expect(residents).not.toContainText('11010519491231002X');
  await residents.getByRole('button', { name: '显示 林晓 的完整身份证号' }).click();
  await expect(residents).toContainText('11010519491231002X');

  await residents.getByRole('button', { name: '标记不一致：深圳某智能科技有限公司' }).click();
  const mismatch = page.getByRole('dialog', { name: '核验不一致：深圳某智能科技有限公司' });
  await mismatch.getByLabel('不一致说明').fill('名称与市场主体登记不一致');
  await mismatch.getByRole('button', { name: '确定' }).click();
  await expect(residents).toContainText('核验不一致');
  await residents.getByRole('button', { name: '设为重点项目：深圳某智能科技有限公司' }).click();
  await expect(residents.getByRole('button', { name: '取消重点项目：深圳某智能科技有限公司' })).toBeVisible();

  await page.getByRole('button', { name: '调整名录状态' }).click();
  const status = page.getByRole('dialog', { name: '调整名录状态' });
  await choose(status, '新状态', '整改');
  await status.getByRole('button', { name: '确定' }).click();
  await expect(status).toContainText('请填写理由');
  await status.getByLabel('理由').fill('年度评价不合格，限期整改');
  await status.getByRole('button', { name: '确定' }).click();
  await expect(status).toBeHidden();
  await expect(page.getByText('整改', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('carrier-zh.png'), fullPage: true });

  const pulled = await desk.pull(cursor);
  expect(pulled.changes.map(({ seq: _seq, ...c }) => c)).toEqual([
    { kind: 'verification', startupId: 's1', result: 'mismatch', note: '名称与市场主体登记不一致' },
    { kind: 'keyProject', startupId: 's1', designated: true },
    { kind: 'carrierStatus', rosterCode: 'GD-1', status: 'rectify' },
  ]);

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const log = page.getByRole('region', { name: '操作日志' });
  // Header row + create, reveal, verification, key project, status.
  await expect(log.getByRole('row')).toHaveCount(6);
  await expect(log).toContainText('年度评价不合格，限期整改');
  await expect(log).toContainText('查看完整身份证号');
  await expect(log).toContainText('广东省深圳市南山区（440305）');
  await expect(log).not.toContainText('11010519491231002X');
  await choose(page, '界面语言', 'English');
  const logInEnglish = page.getByRole('region', { name: 'Audit log' });
  await expect(logInEnglish).toContainText('Change roster status');
  await page.screenshot({ path: test.info().outputPath('audit-en.png'), fullPage: true });
});

test('the verification queue lists new startups in scope oldest first, and a decision there reaches the desk', async ({ page }) => {
  const seeder = { login: 'seed', scope: 'nation', role: 'officer' } as const;
  const { token } = await rotateTokenInScope(store, seeder, 'BJ-1');
  const desk = syncClient(roster.url, token);
  for (const [n, id, name] of [[1, 'b1', '北京甲科技有限公司'], [2, 'b2', '北京乙科技有限公司']] as const) {
    await desk.push({
      carrierCode: 'BJ-1',
      clientId: 'desk-bj-0001',
      mutations: [{ mutationId: n, entity: 'startup', recordId: id, op: 'upsert', record: startupRecord(id, 10 + n, name), createdAt: '2026-03-01T08:00:00Z' }],
    });
  }
  const { cursor } = await desk.pull(0);

  await signIn(page, 'beijing.officer', passwords['beijing.officer']!);
  await page.getByRole('menuitem', { name: '核验队列' }).click();
  const queue = page.getByRole('region', { name: '核验队列' });
  // Header row + the two startups, the first pushed first; nothing from another province.
  await expect(queue.getByRole('row')).toHaveCount(3);
  await expect(queue.getByRole('row').nth(1)).toContainText('北京甲科技有限公司');
  await expect(queue.getByRole('row').nth(2)).toContainText('北京乙科技有限公司');
  await expect(queue).toContainText('新报送');
  await page.screenshot({ path: '/tmp/console2-queue-zh.png', fullPage: true });

  await queue.getByRole('button', { name: '核验一致：北京甲科技有限公司' }).click();
  await expect(queue).not.toContainText('北京甲科技有限公司');
  await queue.getByRole('button', { name: '标记不一致：北京乙科技有限公司' }).click();
  const mismatch = page.getByRole('dialog', { name: '核验不一致：北京乙科技有限公司' });
  await mismatch.getByLabel('不一致说明').fill('信用代码与登记不符');
  await mismatch.getByRole('button', { name: '确定' }).click();
  await expect(queue).toContainText('没有待核验的企业');

  const pulled = await desk.pull(cursor);
  expect(pulled.changes.map(({ seq: _seq, ...c }) => c)).toEqual([
    { kind: 'verification', startupId: 'b1', result: 'verified' },
    { kind: 'verification', startupId: 'b2', result: 'mismatch', note: '信用代码与登记不符' },
  ]);
  // The desk corrects b2: it is back, as a change whose last result was a mismatch.
  await desk.push({
    carrierCode: 'BJ-1',
    clientId: 'desk-bj-0001',
    mutations: [{ mutationId: 3, entity: 'startup', recordId: 'b2', op: 'upsert', record: startupRecord('b2', 12, '北京乙科技有限公司'), createdAt: '2026-03-02T08:00:00Z' }],
  });
  await page.reload();
  await choose(page, '界面语言', 'English');
  const inEnglish = page.getByRole('region', { name: 'Verification queue' });
  await expect(inEnglish).toContainText('Changed (last: Mismatch)');
  await expect(inEnglish.getByRole('button', { name: 'Verified: 北京乙科技有限公司' })).toBeVisible();
  await page.screenshot({ path: '/tmp/console2-queue-en.png', fullPage: true });
});

test('an officer hands a carrier a join code once: a new desk joins with it, a second use is refused', async ({ page }) => {
  await signIn(page, 'shanghai.officer', passwords['shanghai.officer']!);
  await page.getByRole('button', { name: '查看 上海某创业孵化基地' }).click();
  await page.getByRole('button', { name: '生成加入码' }).click();
  const dialog = page.getByRole('dialog', { name: '孵化台加入码' });
  await expect(dialog).toContainText('只能使用一次');
  const code = (await dialog.locator('code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await dialog.getByRole('button', { name: '我已交付，关闭' }).click();

  const joined = await joinCarrier(roster.url, code, 'desk-sh-laptop-01', '外出笔记本');
  expect(joined.carrierCode).toBe('SH-1');
  expect(joined.token).toMatch(/^rsd_/);
  await expect(joinCarrier(roster.url, code, 'desk-sh-laptop-02', '另一台')).rejects.toThrow(/join_code_invalid|403/);

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const log = page.getByRole('region', { name: '操作日志' });
  await expect(log).toContainText('生成加入码');
  // Only the code's hash is kept: the audit log never shows it.
  await expect(log).not.toContainText(code);
});

// Last: it locks this address out, as it should, for every sign-in in the next 15 minutes.
test('five wrong passwords lock the account out, and then the right one is refused too', async ({ page }) => {
  await page.goto('/console/');
  const form = page.getByRole('form', { name: '登录名录管理台' });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await form.getByLabel('账号').fill('shanghai.officer');
    await form.getByLabel('密码').fill(`guess-${attempt}`);
    await form.getByRole('button', { name: '登录' }).click();
    await expect(form.getByRole('alert')).toHaveText('账号或密码不正确。');
    // Each failure is counted before the next try (the alert stays between tries, so wait on the count).
    await expect.poll(() => failures('login:shanghai.officer')).toBe(attempt);
  }
  await form.getByLabel('密码').fill(passwords['shanghai.officer']!);
  await form.getByRole('button', { name: '登录' }).click();
  await expect(form.getByRole('alert')).toContainText('登录失败次数过多');
  await page.screenshot({ path: test.info().outputPath('locked-zh.png') });
  await expect(page.getByRole('menuitem', { name: '载体' })).toHaveCount(0);
});

async function failures(subject: string): Promise<number> {
  const rows = await store.db.selectFrom('console_login_failures').select('id').where('subject', '=', subject).execute();
  return rows.length;
}
