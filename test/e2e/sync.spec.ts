import { expect, type Page, test } from '@playwright/test';
import { admit, setUpCarrier, startupForm } from './support/desk';
import { type E2eRoster, startCarrierRoster } from './support/roster';

const carrierCode = 'ZJ-330185-001';
let roster: E2eRoster;

test.beforeAll(async () => {
  roster = await startCarrierRoster(carrierCode);
});
test.afterAll(() => roster.stop());

const badge = (page: Page, state: RegExp) => page.getByRole('banner').getByRole('button', { name: state });

test('offline edits wait in the outbox and sync when the network is back; a refused startup is fixed and re-sent', async ({ page, context }) => {
  await setUpCarrier(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  const profile = page.locator('.ant-card').filter({ has: page.getByText('载体信息', { exact: true }) });
  await profile.getByLabel('名录编码').fill(carrierCode);
  await profile.getByRole('button', { name: '保存' }).click();

  // Before it is set up, the badge says so, and the page says what is missing.
  await page.getByRole('menuitem', { name: '数据同步' }).click();
  await expect(badge(page, /未配置同步/)).toBeVisible();
  await page.getByLabel('名录服务地址').fill(roster.url);
  await page.getByLabel('访问令牌').fill(roster.token);
  // Kept on this machine, so the token outlives a reload.
  await page.getByLabel('在本机保存令牌').check();
  await page.getByRole('button', { name: '保存连接设置' }).click();
  await expect(badge(page, /同步状态：已同步/)).toBeVisible();
  await expect(page.getByText('尚未成功同步')).toBeHidden();

  // A day without network: the admission is kept and counted as waiting.
  await context.setOffline(true);
  await admit(page, '杭州云帆数字科技有限公司', '914403001922038216');
  await expect(badge(page, /离线 · 待上报 \d+/)).toBeVisible();
  await context.setOffline(false);
  await expect(badge(page, /同步状态：已同步/)).toBeVisible();
  // The roster numbered the startup; the desk shows its roster id read-only in the file.
  await page.reload();
  await expect(page.getByText(/RS\d{8}/)).toBeVisible();

  // A record from an older desk that did not check the check character yet, still waiting to be sent.
  await page.evaluate(async () => {
    const open = indexedDB.open('incubator-desk');
    const db: IDBDatabase = await new Promise((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction(['startups', 'outbox', 'meta'], 'readwrite');
    const get = <T,>(store: string, key: string) =>
      new Promise<T>((ok) => {
        const r = tx.objectStore(store).get(key);
        r.onsuccess = () => ok(r.result as T);
      });
    const startups = await new Promise<{ id: string; name: string }[]>((ok) => {
      const r = tx.objectStore('startups').getAll();
      r.onsuccess = () => ok(r.result as { id: string; name: string }[]);
    });
    const record = { ...startups[0]!, creditCode: '914403001922038217', updatedAt: new Date().toISOString() };
    const clientId = (await get<{ value: string }>('meta', 'clientId')).value;
    const mutationId = (await get<{ value: number }>('meta', 'nextMutationId')).value;
    tx.objectStore('startups').put(record);
    tx.objectStore('meta').put({ key: 'nextMutationId', value: mutationId + 1 });
    tx.objectStore('outbox').add({ clientId, mutationId, entity: 'startup', recordId: record.id, op: 'upsert', record, createdAt: record.updatedAt });
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  });

  // Written behind the desk's back, so no change is noticed: the manager presses 立即同步.
  await page.getByRole('menuitem', { name: '数据同步' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByText('统一社会信用代码：校验码不正确，请核对')).toBeVisible();
  await expect(badge(page, /1 条需处理/)).toBeVisible();
  await page.getByRole('link', { name: '修改 杭州云帆数字科技有限公司' }).click();
  const edit = startupForm(page, 'edit');
  await edit.getByLabel('统一社会信用代码').fill('914403001922038216');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '杭州云帆数字科技有限公司' })).toBeVisible();

  await expect(badge(page, /同步状态：已同步/)).toBeVisible();
  await page.getByRole('menuitem', { name: '数据同步' }).click();
  await expect(page.getByText('没有被退回的记录')).toBeVisible();
  await expect(page.getByText('统一社会信用代码：校验码不正确，请核对')).toBeHidden();
});
