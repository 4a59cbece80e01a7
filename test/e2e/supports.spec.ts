import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { defaultSupportRules, type SupportRules } from '../../core/supports/rules';
import { startRosterProcess } from '../support/rosterProcess';
import { choose, fillDate, setUpCarrier } from './support/desk';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const quarterOf = (iso: string) => `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
const previousQuarter = (q: string) => (q.endsWith('Q1') ? `${Number(q.slice(0, 4)) - 1}Q4` : `${q.slice(0, 5)}${Number(q.slice(5)) - 1}`);

/** A sheet read back with ExcelJS: its name and its rows keyed by the header row. */
async function readSheet(file: string): Promise<{ name: string; rows: Record<string, unknown>[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let i = 2; i <= sheet.rowCount; i++) {
    const values = (sheet.getRow(i).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, j) => [h, values[j]])));
  }
  return { name: sheet.name, rows };
}

/** A resident registered a year ago, its founder a graduate of a year ago, one graduate hired but not yet insured. */
async function seedResident(page: Page) {
  const today = day(0);
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  await page.evaluate(
    async ({ yearAgo, period }) => {
      const open = indexedDB.open('incubator-desk');
      const db: IDBDatabase = await new Promise((ok, fail) => {
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const tx = db.transaction(['startups', 'founders', 'reports'], 'readwrite');
      const at = new Date().toISOString();
      tx.objectStore('startups').put({
        id: 'e2e-qinghe', updatedAt: at, name: '杭州青禾数字科技有限公司', entityType: 'enterprise', creditCode: '914403001922038216', registeredOn: yearAgo,
        industry: 'I', field: 'digital', stage: 'early', admittedOn: yearAgo, agreementEndsOn: '2029-12-31', area: 60, feeWaived: false, keyProject: false, status: 'resident',
      });
      tx.objectStore('founders').put({ id: 'e2e-wangfang', updatedAt: at, startupId: 'e2e-qinghe', name: '王芳', idNumber: '11010519491231002X', keyGroups: ['graduate'], graduatedOn: yearAgo, firstTime: true, trainingCertified: false });
      tx.objectStore('reports').put({
        id: `e2e-qinghe-${period}`, updatedAt: at, startupId: 'e2e-qinghe', period, employees: 3, keyGroupHires: 0, newGraduateHires: 1, insuredEmployees: 0,
        revenue: 0, netProfit: 0, taxPaid: 0, rdSpend: 0, ipApplied: 0, inventionPatentsGranted: 0, otherIpGranted: 0, financing: 0, guaranteeLoans: 0, equityFinancing: 0, subsidies: 0,
      });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    { yearAgo, period: previousQuarter(quarterOf(today)) },
  );
}

test('from eligibility through a granted claim to the dashboard, and the claims exported and read back', async ({ page }, testInfo) => {
  const today = day(0);
  await setUpCarrier(page);
  await seedResident(page);

  // The province pays 8,000: the local figure set in 设置 makes version 2 of the rule set.
  await page.getByRole('menuitem', { name: '设置' }).click();
  const supportRules = page.getByRole('form', { name: '扶持政策规则' });
  await expect(supportRules.getByText('第 1 版')).toBeVisible();
  await supportRules.getByLabel('一次性创业补贴：补贴金额（元）').fill('8000');
  await supportRules.getByRole('button', { name: '保存扶持政策规则' }).click();
  await expect(page.getByText('已保存为第 2 版')).toBeVisible();
  await expect(supportRules.getByText('第 2 版')).toBeVisible();

  await page.getByRole('menuitem', { name: '扶持政策' }).click();
  await expect(page.getByText('按本省扶持政策规则（第 2 版）')).toBeVisible();
  const subsidyRow = page.getByRole('row').filter({ hasText: '杭州青禾数字科技有限公司' }).filter({ hasText: '一次性创业补贴' });
  await expect(subsidyRow).toContainText('可申请');
  await expect(subsidyRow).toContainText('（十五）');
  await expect(subsidyRow).toContainText('8,000 元');

  // The list as shown (those who qualify), for the 人社 office, read back.
  const eligibleDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出可申请扶持（XLSX）' }).click();
  const eligibleFile = testInfo.outputPath('eligible.xlsx');
  await (await eligibleDownload).saveAs(eligibleFile);
  const eligible = await readSheet(eligibleFile);
  expect(eligible.name).toBe('可申请的扶持');
  expect(eligible.rows.map((r) => r['扶持项目'])).toEqual(['一次性创业补贴', '重点群体创业税收优惠', '创业担保贷款及贴息', '灵活就业人员社会保险补贴', '重点群体免费入驻']);
  expect(eligible.rows[0]).toMatchObject({ 企业: '杭州青禾数字科技有限公司', 申请人: '杭州青禾数字科技有限公司', 政策依据: '（十五）', 状态: '可申请', 金额: '8,000 元' });
  expect(eligible.rows[0]!['条件与依据']).toContain('已经营满 6 个月');
  expect(eligible.rows[1]).toMatchObject({ 申请人: '王芳', 金额: '最高 20,000 元' });

  // 社保补贴 is near: the report shows one graduate hired but nobody insured.
  await choose(page, '按状态筛选', '即将可申请（1）');
  const insuranceRow = page.getByRole('row').filter({ hasText: '社会保险补贴（招用重点群体）' });
  await expect(insuranceRow).toContainText('再招用 1 名就业困难人员或高校毕业生并为其缴纳社会保险');

  await choose(page, '按状态筛选', '可申请（5）');
  await subsidyRow.getByRole('button', { name: '为杭州青禾数字科技有限公司登记一次性创业补贴申请' }).click();
  const dialog = page.getByRole('dialog', { name: '扶持申请：杭州青禾数字科技有限公司' });
  await expect(dialog.getByText('申请人符合全部条件')).toBeVisible();
  // Above the cap: refused with the reason, the amount kept as typed.
  await expect(dialog.getByText('本项上限 8,000 元（规则第 2 版）')).toBeVisible();
  await dialog.getByLabel('申请金额（元）').fill('9000');
  await dialog.getByRole('checkbox', { name: '营业执照' }).check();
  await dialog.getByRole('checkbox', { name: '申请人身份证' }).check();
  await choose(dialog, '申请状态', '已提交');
  await fillDate(dialog, '提交日期', today);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('申请金额超过该项扶持的上限')).toBeVisible();
  await expect(dialog.getByLabel('申请金额（元）')).toHaveValue('9000');
  await dialog.getByLabel('申请金额（元）').fill('8000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(subsidyRow).toHaveCount(0);
  await choose(page, '按状态筛选', '已申请（1）');
  await expect(subsidyRow).toContainText('已申请');

  // Granted: a decision dated before the submission is refused, nothing typed lost.
  await page.getByRole('tab', { name: '申请记录' }).click();
  await page.getByRole('button', { name: '编辑杭州青禾数字科技有限公司的一次性创业补贴申请' }).click();
  const edit = page.getByRole('dialog', { name: '扶持申请：杭州青禾数字科技有限公司' });
  await choose(edit, '申请状态', '已批准');
  await fillDate(edit, '审批日期', day(-1));
  await edit.getByLabel('核定金额（元）').fill('8000');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByText('审批日期不能早于提交日期')).toBeVisible();
  await expect(edit.getByLabel('核定金额（元）')).toHaveValue('8000');
  await fillDate(edit, '审批日期', today);
  // The subsidy's reporting duty, a month from now: listed among the reminders once saved.
  await fillDate(edit, '提醒日期（贷款到期续贷、补贴报告义务）', day(30));
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '一次性创业补贴' })).toContainText('已批准');
  await expect(page.getByRole('region', { name: '近期提醒' })).toContainText(`${day(30)}：杭州青禾数字科技有限公司的一次性创业补贴`);

  // The claims file for the 人社 office, read back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出申请记录（XLSX）' }).click();
  const saved = testInfo.outputPath('claims.xlsx');
  await (await download).saveAs(saved);
  const claims = await readSheet(saved);
  expect(claims.name).toBe('扶持申请记录');
  expect(claims.rows).toHaveLength(1);
  expect(claims.rows[0]).toMatchObject({
    企业: '杭州青禾数字科技有限公司',
    扶持项目: '一次性创业补贴',
    政策依据: '（十五）',
    申请状态: '已批准',
    '申请金额（元）': 8000,
    '核定金额（元）': 8000,
    是否符合条件: '是',
    已备材料: '申请人身份证、营业执照',
  });

  // The dashboard counts the claim and the grant in this quarter.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const card = page.getByRole('region', { name: '扶持申请与批准（按季度）' });
  await card.getByRole('button', { name: '查看数据' }).click();
  await expect(card.getByRole('row').filter({ hasText: quarterOf(today) })).toHaveText(new RegExp(`${quarterOf(today)}\\s*1\\s*0\\.8\\s*1\\s*0\\.8`));
});

/** Zhejiang's rule set as the authority publishes it: its own startup subsidy. */
const published = (version: number, amount: number): SupportRules => ({
  ...defaultSupportRules,
  version,
  params: { ...defaultSupportRules.params, startupSubsidy: { ...defaultSupportRules.params.startupSubsidy, amount } },
});

test('the rule set the roster publishes for the province applies on the desk, shown read-only beside the local rules', async ({ page }) => {
  const adminToken = 'e2e-admin-token';
  const carrierCode = 'ZJ-330185-002';
  const dir = mkdtempSync(join(tmpdir(), 'desk-support-rules-e2e-'));
  const roster = await startRosterProcess(['--db', join(dir, 'roster.sqlite')], { ROSTER_ADMIN_TOKEN: adminToken });
  const admin = (path: string, body: unknown) =>
    fetch(`${roster.url}/v1/admin${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  try {
    const { token } = (await (await admin('/carriers', { code: carrierCode, name: '青山湖创业孵化基地' })).json()) as { token: string };
    // Zhejiang's (33, where the carrier is) and Jiangsu's: only the first is this desk's.
    expect((await admin('/support-rules', { province: '33', rules: published(7, 10_000) })).status).toBe(200);
    expect((await admin('/support-rules', { province: '32', rules: published(9, 3000) })).status).toBe(200);

    await setUpCarrier(page);
    await seedResident(page);
    await page.getByRole('menuitem', { name: '设置' }).click();
    const profile = page.locator('.ant-card').filter({ has: page.getByText('载体信息', { exact: true }) });
    await profile.getByLabel('名录编码').fill(carrierCode);
    await profile.getByRole('button', { name: '保存' }).click();
    await page.getByRole('menuitem', { name: '数据同步' }).click();
    await page.getByLabel('名录服务地址').fill(roster.url);
    await page.getByLabel('访问令牌').fill(token);
    await page.getByRole('button', { name: '保存连接设置' }).click();
    await expect(page.getByRole('banner').getByRole('button', { name: /同步状态：已同步/ })).toBeVisible();

    // 设置: the published set first, read-only, in force; the local rules below it, kept.
    await page.getByRole('menuitem', { name: '设置' }).click();
    const publishedRules = page.getByRole('region', { name: '名录服务发布的扶持政策规则' });
    await expect(publishedRules.getByText('名录服务为本省（行政区划代码 33）发布了扶持政策规则第 7 版')).toBeVisible();
    const subsidy = publishedRules.getByRole('region', { name: '发布的规则：一次性创业补贴' });
    await expect(subsidy).toContainText('10,000 元');
    await expect(subsidy).toContainText('补贴金额（元）：10,000');
    await expect(publishedRules.getByRole('spinbutton')).toHaveCount(0);
    const local = page.getByRole('form', { name: '扶持政策规则' });
    await expect(local.getByText('第 1 版')).toBeVisible();
    await expect(local.getByText('本载体的本地规则：已保留，但本省有发布的规则时不生效。')).toBeVisible();
    await expect(local.getByLabel('一次性创业补贴：补贴金额（元）')).toHaveValue('5000');

    // 可申请的扶持 is judged by it.
    await page.getByRole('menuitem', { name: '扶持政策' }).click();
    await expect(page.getByText('按本省扶持政策规则（第 7 版）')).toBeVisible();
    const subsidyRow = page.getByRole('row').filter({ hasText: '杭州青禾数字科技有限公司' }).filter({ hasText: '一次性创业补贴' });
    await expect(subsidyRow).toContainText('10,000 元');

    // A later version, pulled on the next sync, replaces it.
    expect((await admin('/support-rules', { province: '33', rules: published(8, 12_000) })).status).toBe(200);
    await page.getByRole('menuitem', { name: '数据同步' }).click();
    await page.getByRole('button', { name: '立即同步' }).click();
    await page.getByRole('menuitem', { name: '扶持政策' }).click();
    await expect(page.getByText('按本省扶持政策规则（第 8 版）')).toBeVisible();
    await expect(subsidyRow).toContainText('12,000 元');
  } finally {
    await roster.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
