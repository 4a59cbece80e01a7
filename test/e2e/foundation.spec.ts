import { expect, test } from '@playwright/test';
import { setUpCarrier } from './support/desk';

/** A manager's first morning: set up the carrier, come back later, switch language, try the demo. */
test('first-run setup marks bad fields, keeps what was typed, and the profile survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('载体名称').fill('青山湖创业孵化基地');
  await page.getByLabel('所在地区代码').fill('3301');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('应为 6 位数字的行政区划代码')).toBeVisible();
  await expect(page.getByLabel('载体名称')).toHaveValue('青山湖创业孵化基地');

  await page.reload();
  await setUpCarrier(page);
  await page.reload();
  await expect(page.getByText('青山湖创业孵化基地')).toBeVisible();
  for (const item of ['工作台', '在孵企业', '创业导师', '辅导记录', '经营数据', '绩效评价', '退出管理', '扶持政策', '数据同步', '设置']) {
    await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
  }
});

test('the language switches to English and stays after a reload', async ({ page }) => {
  await setUpCarrier(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByLabel('选择语言').click();
  await page.getByTitle('English').click();
  await expect(page.getByRole('menuitem', { name: 'Startups' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load demo data' })).toBeVisible();
});

test('demo data loads a living desk and is removed without trace', async ({ page }) => {
  await setUpCarrier(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: '加载演示数据' }).click();
  await expect(page.getByText('当前已加载演示数据')).toBeVisible();
  const counts = () =>
    page.evaluate(async () => {
      const open = indexedDB.open('incubator-desk');
      const db: IDBDatabase = await new Promise((ok, fail) => {
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const names = ['startups', 'founders', 'mentors', 'sessions', 'reports', 'audit', 'outbox'];
      const tx = db.transaction(names);
      const out: Record<string, number> = {};
      await Promise.all(
        names.map((n) => new Promise<void>((ok) => { const r = tx.objectStore(n).count(); r.onsuccess = () => { out[n] = r.result; ok(); }; })),
      );
      db.close();
      return out;
    });
  const loaded = await counts();
  expect(loaded.startups).toBe(40);
  expect(loaded.mentors).toBe(12);
  expect(loaded.sessions).toBe(300);
  expect(loaded.reports).toBeGreaterThan(150);
  // The carrier profile is the only record of the manager's own: demo data never enters the outbox.
  expect(loaded.outbox).toBe(1);

  await page.getByRole('button', { name: '清除演示数据' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('演示数据已清除')).toBeVisible();
  expect(await counts()).toEqual({ startups: 0, founders: 0, mentors: 0, sessions: 0, reports: 0, audit: 1, outbox: 1 });
});
