import { expect, test, type Page } from '@playwright/test';
import { loadDemo, setUpCarrier } from './support/desk';

/** The three whole quarters before today, oldest first: the demo finalizes the first two and drafts the last. */
function demoQuarters(): [string, string, string] {
  const now = new Date();
  let y = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
    out.unshift(`${y}Q${q}`);
  }
  return out as [string, string, string];
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

const TABLES = ['startups', 'founders', 'startupIndex', 'mentors', 'sessions', 'reports', 'evaluations', 'exits', 'claims', 'templates', 'audit', 'outbox'] as const;

/** How many records each table of the desk's own IndexedDB holds. */
const counts = (page: Page) =>
  page.evaluate(async (names) => {
    const open = indexedDB.open('incubator-desk');
    const db: IDBDatabase = await new Promise((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction(names);
    const out: Record<string, number> = {};
    await Promise.all(
      names.map(
        (n) =>
          new Promise<void>((ok) => {
            const r = tx.objectStore(n).count();
            r.onsuccess = () => {
              out[n] = r.result;
              ok();
            };
          }),
      ),
    );
    db.close();
    return out;
  }, [...TABLES]);

test('the demo looks like a running incubator: grades spread, exits to review, busy and quiet mentors; removed, it leaves nothing', async ({ page }) => {
  const [earlier, previous] = demoQuarters();
  await setUpCarrier(page);
  const own = await counts(page);
  await loadDemo(page);
  const loaded = await counts(page);
  expect(loaded.startups).toBe(40);
  expect(loaded.evaluations).toBeGreaterThan(100);
  expect(loaded.exits).toBeGreaterThan(1);
  expect(loaded.claims).toBeGreaterThanOrEqual(5);
  // Demo records never enter the outbox (nor the audit log): only the carrier profile is there.
  expect(loaded.outbox).toBe(own.outbox);
  expect(loaded.audit).toBe(own.audit);

  // 工作台: the grade chart has both finalized rounds; the standards show some met, some missed.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const grades = page.getByRole('region', { name: '评价等级分布（按轮次）' });
  await expect(grades.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await grades.getByRole('button', { name: '查看数据' }).click();
  for (const period of [earlier, previous]) await expect(grades.getByRole('cell', { name: period, exact: true })).toBeVisible();
  // The supports card has claims and grants to draw.
  await expect(page.getByRole('region', { name: '扶持申请与批准（按季度）' }).locator('.recharts-bar-rectangle path').first()).toBeVisible();
  const standards = page.getByRole('region', { name: '载体指标与标准' });
  await expect(standards.getByText('达到标准').first()).toBeVisible();
  await expect(standards.getByText(/低于标准/).first()).toBeVisible();

  // 绩效评价: the latest quarter is drafted with every manual item scored, and every grade is given.
  await page.getByRole('menuitem', { name: '绩效评价' }).click();
  const distribution = page.getByRole('figure', { name: '等级分布' });
  const gradeCounts = async () => (await distribution.locator('.recharts-label-list text').allTextContents()).map(Number);
  // The chart draws zeros until the round is read.
  await expect.poll(async () => sum(await gradeCounts())).toBeGreaterThan(0);
  const drafted = await gradeCounts();
  expect(drafted.every((n) => n > 0)).toBe(true);
  const residents = sum(drafted);
  // 不合格 is the exception, not the rule (the issue: 39 of 40 were).
  expect(drafted[3]! / residents).toBeLessThanOrEqual(0.2);
  await expect(page.getByRole('cell', { name: '草稿', exact: true }).first()).toBeVisible();

  // 退出管理: residents failing both finalized rounds are suggested for 清退; decisions and a follow-up to look at.
  await page.getByRole('menuitem', { name: '退出管理' }).click();
  await expect(page.getByRole('row').filter({ hasText: `连续两期评价不合格（${earlier}、${previous}）` }).first()).toBeVisible();
  await page.getByRole('tab', { name: '退出决定' }).click();
  await expect(page.getByRole('tabpanel').getByRole('button', { name: /^批准 / })).toHaveCount(1);
  await expect(page.getByRole('tabpanel').getByRole('button', { name: /^决定书 / }).first()).toBeVisible();
  await page.getByRole('tab', { name: '再创业帮扶' }).click();
  await expect(page.getByRole('tabpanel').getByRole('button', { name: /^帮扶记录 / })).toHaveCount(1);

  // 扶持政策: the claims list, with a loan's renewal among the reminders.
  await page.getByRole('menuitem', { name: '扶持政策' }).click();
  await page.getByRole('tab', { name: '申请记录' }).click();
  await expect(page.getByRole('tabpanel').getByText(/创业担保贷款.*（贷款到期续贷或补贴报告义务）/)).toBeVisible();

  // 创业导师: some mentors coach often, one fell below the yearly minimum.
  await page.getByRole('menuitem', { name: '创业导师' }).click();
  await expect(page.getByText(/位在库导师本年度辅导次数低于 2 次/)).toBeVisible();

  // 辅导记录: overdue action items, and a few quiet residents among many coached.
  await page.getByRole('menuitem', { name: '辅导记录' }).click();
  await page.getByRole('tab', { name: '待跟进事项' }).click();
  await expect(page.getByRole('tabpanel').getByText(/逾期 \d+ 天/).first()).toBeVisible();
  await page.getByRole('tab', { name: '辅导覆盖' }).click();
  await expect(page.getByText(/^\d+ 家在孵企业超过 30 天未接受辅导$/)).toBeVisible();

  // 设置: removed, the demo leaves nothing.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '清除演示数据' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('演示数据已清除')).toBeVisible();
  expect(await counts(page)).toEqual({ ...Object.fromEntries(TABLES.map((t) => [t, 0])), audit: own.audit, outbox: own.outbox });
});

test('a new manager drafting the latest round with the default template sees the demo evaluator’s spread of grades', async ({ page }) => {
  const [, , latest] = demoQuarters();
  await setUpCarrier(page);
  await loadDemo(page);
  await page.getByRole('menuitem', { name: '绩效评价' }).click();
  await expect(page.getByLabel('报告期', { exact: true })).toBeVisible();
  await expect(page.locator('.ant-select').filter({ hasText: `${latest.slice(0, 4)}年第${latest.slice(5)}季度` })).toBeVisible();
  const distribution = page.getByRole('figure', { name: '等级分布' });
  const gradeCounts = async () => (await distribution.locator('.recharts-label-list text').allTextContents()).map(Number);
  // The chart draws zeros until the round is read.
  await expect.poll(async () => sum(await gradeCounts())).toBeGreaterThan(0);
  const before = await gradeCounts();
  await page.getByRole('button', { name: '生成/更新评价草稿' }).click();
  // Every demo draft is already scored as the demo's evaluator scores it: drafting again changes none.
  await expect(page.getByText(`已生成或更新 0 份草稿，${sum(before)} 份无变化`)).toBeVisible({ timeout: 30_000 });
  expect(await gradeCounts()).toEqual(before);
});
