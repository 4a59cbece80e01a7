import { expect, test, type Page } from '@playwright/test';
import { loadDemo, setUpCarrier } from './support/desk';
import { printedPdf } from './support/pdf';

/** The two whole quarters before today, oldest first. */
function lastTwoQuarters(): [string, string] {
  const now = new Date();
  let y = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  const prev = () => {
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
    return `${y}Q${q}`;
  };
  const last = prev();
  return [prev(), last];
}

/** Two finalized 不合格 evaluations for a resident, written as the evaluation screens would leave them. */
async function failTwice(page: Page, periods: [string, string]): Promise<{ id: string; name: string }> {
  return page.evaluate(async (periods) => {
    const open = indexedDB.open('incubator-desk');
    const db: IDBDatabase = await new Promise((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all = await new Promise<{ id: string; name: string; status: string }[]>((ok) => {
      const r = db.transaction('startups').objectStore('startups').getAll();
      r.onsuccess = () => ok(r.result);
    });
    const s = all.find((x) => x.status === 'resident')!;
    const tx = db.transaction('evaluations', 'readwrite');
    for (const period of periods) {
      tx.objectStore('evaluations').put({
        id: `demo-e2e-${period}`,
        updatedAt: new Date().toISOString(),
        startupId: s.id,
        period,
        templateId: 'demo-template',
        templateVersion: 1,
        revision: 1,
        items: [],
        total: 41,
        grade: 'fail',
        status: 'finalized',
        finalizedAt: new Date().toISOString(),
      });
    }
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
    return { id: s.id, name: s.name };
  }, periods);
}

test('a failing resident is proposed for eviction with evidence, approved, leaves the list, the numbers move, the notice prints', async ({ page }, testInfo) => {
  await setUpCarrier(page);
  await loadDemo(page);
  const periods = lastTwoQuarters();
  const victim = await failTwice(page, periods);

  await page.getByRole('menuitem', { name: '退出管理' }).click();
  await page.getByRole('tab', { name: '载体指标' }).click();
  const exitedCard = page.getByRole('button', { name: '退出', exact: true });
  const exitedBefore = Number(await exitedCard.locator('.ant-statistic-content-value').innerText());

  await page.getByRole('tab', { name: '退出建议' }).click();
  const row = page.getByRole('row').filter({ hasText: victim.name }).filter({ hasText: '连续两期评价不合格' });
  await expect(row).toContainText(`连续两期评价不合格（${periods[0]}、${periods[1]}）`);
  await row.getByRole('button', { name: `提出退出 ${victim.name}` }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('退出类型')).toBeVisible();
  await expect(dialog.getByText('清退', { exact: true })).toBeVisible();
  // The evaluations behind the rule come checked as evidence.
  await expect(dialog.getByRole('checkbox', { name: new RegExp(`绩效评价 ${periods[1]}`) })).toBeChecked();
  await dialog.getByLabel('说明').fill('连续两期不合格，经约谈仍未改善。');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已提出，等待审批')).toBeVisible();

  await page.getByRole('tab', { name: '退出决定' }).click();
  await page.getByRole('button', { name: `批准 ${victim.name}` }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已批准，企业已退出在孵名册')).toBeVisible();

  // The notice prints with the decision in it.
  await page.getByRole('button', { name: `决定书 ${victim.name}` }).click();
  await expect(page.getByRole('document', { name: '退出决定书' })).toContainText(victim.name);
  const pdf = await printedPdf(page, testInfo.outputPath('notice.pdf'));
  expect(pdf.pages).toBe(1);
  expect(pdf.text).toContain('退出决定书');
  expect(pdf.text).toContain(victim.name);
  expect(pdf.text).toContain('清退');
  await page.getByRole('button', { name: '返回' }).click();

  await page.getByRole('tab', { name: '载体指标' }).click();
  await expect(exitedCard.locator('.ant-statistic-content-value')).toHaveText(String(exitedBefore + 1));
  await exitedCard.click();
  await expect(page.getByRole('dialog').getByRole('link', { name: victim.name })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('menuitem', { name: '在孵企业' }).click();
  await page.getByLabel('搜索').fill(victim.name);
  await expect(page.getByText('共 0 家').or(page.getByText('找到 0 家'))).toBeVisible();
  await expect(page.getByRole('link', { name: victim.name })).toBeHidden();
});
