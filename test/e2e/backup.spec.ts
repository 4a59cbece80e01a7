import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { loadDemo, setUpCarrier } from './support/desk';

/** Rows per table, read straight from IndexedDB as the browser holds them. */
const counts = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('incubator-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = ['carrier', 'startups', 'founders', 'mentors', 'sessions', 'reports', 'audit', 'startupIndex'];
    const tx = db.transaction(names);
    const result: Record<string, number> = {};
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => {
              result[name] = request.result;
              resolve();
            };
          }),
      ),
    );
    db.close();
    return result;
  });

const founders = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('incubator-desk');
      open.onsuccess = () => resolve(open.result);
    });
    const rows = await new Promise<{ idNumber: string; idSealed?: unknown }[]>((resolve) => {
      const request = db.transaction('founders').objectStore('founders').getAll();
      request.onsuccess = () => resolve(request.result as { idNumber: string; idSealed?: unknown }[]);
    });
    db.close();
    return rows;
  });

const restoreInput = (page: Page) => page.locator('input[type=file][accept*="json"]');

test('a backup brings the whole desk back after its database is lost; a tampered one is refused and changes nothing', async ({ page }, info) => {
  await setUpCarrier(page);
  await loadDemo(page);
  const before = await counts(page);
  expect(before.startups).toBe(40);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '立即备份' }).click();
  const file = info.outputPath('backup.json.gz');
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toMatch(/^孵化台备份-\d{4}-\d{2}-\d{2}-\d{4}\.json\.gz$/);
  // Format 2, gzip-compressed: JSON lines, a header, chunks of rows, and a last line with the counts and the checksum.
  const text = gunzipSync(await readFile(file)).toString('utf8');
  const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({ format: 'incubator-desk-backup', version: 2 });
  expect(lines.at(-1)).toHaveProperty('end.counts.startups', 40);
  await expect(page.getByText(/^上次备份：/)).toBeVisible();

  // The database is lost (a broken update, a full disk): the desk starts as new.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('incubator-desk');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: '欢迎使用孵化台' })).toBeVisible();

  // Restore is on the first-run screen too: a manager with a fresh desk needs it most.
  await restoreInput(page).setInputFiles(file);
  const confirm = page.getByRole('dialog', { name: '用这个备份替换当前全部数据？' });
  await expect(confirm.getByText('在孵企业')).toBeVisible();
  await expect(confirm.getByText('40 条').first()).toBeVisible();
  await confirm.getByRole('button', { name: '替换并恢复' }).click();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeVisible();
  expect(await counts(page)).toEqual(before);

  // A backup edited after the fact is refused with the reason; nothing is replaced.
  const tampered = info.outputPath('tampered.json.gz');
  await writeFile(tampered, gzipSync(text.replace(/"name":"([^"]+)有限公司"/, '"name":"$1股份有限公司"')));
  await page.getByRole('menuitem', { name: '设置' }).click();
  await restoreInput(page).setInputFiles(tampered);
  // Each refusal is found by its own name: the one before may still be closing when the next opens.
  const tamperedRefusal = page.getByRole('dialog', { name: '无法恢复：校验码不符：文件在备份后被改动或已损坏。当前数据未作任何改动。' });
  await expect(tamperedRefusal).toBeVisible();
  await tamperedRefusal.getByRole('button', { name: '知道了' }).click();
  await expect(tamperedRefusal).toBeHidden();
  expect(await counts(page)).toEqual(before);

  const foreign = info.outputPath('foreign.json');
  await writeFile(foreign, JSON.stringify({ hello: 'world' }));
  await restoreInput(page).setInputFiles(foreign);
  const foreignRefusal = page.getByRole('dialog', { name: '无法恢复：这不是孵化台的备份文件。当前数据未作任何改动。' });
  await expect(foreignRefusal).toBeVisible();
  await foreignRefusal.getByRole('button', { name: '知道了' }).click();
  await expect(foreignRefusal).toBeHidden();

  // A backup made before backups were compressed (the same lines, plain) still restores, over a changed desk.
  const old = info.outputPath('old.json');
  await writeFile(old, text);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('incubator-desk');
        request.onsuccess = () => {
          const tx = request.result.transaction('startups', 'readwrite');
          tx.objectStore('startups').delete('demo-s1');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  expect((await counts(page)).startups).toBe(39);
  await restoreInput(page).setInputFiles(old);
  const confirmOld = page.getByRole('dialog', { name: '用这个备份替换当前全部数据？' });
  await expect(confirmOld.getByText('40 条').first()).toBeVisible();
  await confirmOld.getByRole('button', { name: '替换并恢复' }).click();
  await expect(confirmOld).toBeHidden();
  await expect.poll(() => counts(page)).toEqual(before);
});

test('with a desk lock, ID numbers are sealed at rest and a wrong passphrase never shows or unlocks anything', async ({ page }) => {
  // Every passphrase check is 310,000 rounds of PBKDF2, on CPUs shared with other runs.
  test.slow();
  await setUpCarrier(page);
  await loadDemo(page);
  await page.getByLabel('口令', { exact: true }).fill('青山湖孵化 2026');
  await page.getByLabel('再次输入口令').fill('青山湖孵化 2026');
  await page.getByRole('button', { name: '设置桌面锁' }).click();
  await expect(page.getByText('桌面锁已设置，身份证号已加密保存。')).toBeVisible();

  const stored = await founders(page);
  expect(stored.length).toBeGreaterThan(0);
  for (const f of stored) {
    expect(f.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(f.idSealed).toBeTruthy();
  }

  await page.goto('/#/startups/demo-s1');
  const reveal = page.getByRole('button', { name: /^显示完整身份证号 / }).first();
  await reveal.click();
  const ask = page.getByRole('dialog', { name: '请输入桌面锁口令' });
  await ask.getByLabel('口令').fill('猜一个口令');
  await ask.getByRole('button', { name: '确定' }).click();
  await expect(ask.getByText('口令不正确')).toBeVisible();
  await expect(page.getByText(/^\d{17}[\dX]$/)).toHaveCount(0);
  await ask.getByLabel('口令').fill('青山湖孵化 2026');
  await ask.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(/^\d{17}[\dX]$/).first()).toBeVisible();

  // Locked on demand and after a reload; only the passphrase opens it.
  await page.getByRole('button', { name: '锁定' }).click();
  const lockScreen = page.getByRole('dialog', { name: '孵化台已锁定' });
  await expect(lockScreen).toBeVisible();
  await lockScreen.getByLabel('口令').fill('wrong passphrase');
  await lockScreen.getByRole('button', { name: '解锁' }).click();
  await expect(lockScreen.getByText('口令不正确')).toBeVisible();
  await page.reload();
  await expect(lockScreen).toBeVisible();
  await lockScreen.getByLabel('口令').fill('青山湖孵化 2026');
  await lockScreen.getByRole('button', { name: '解锁' }).click();
  await expect(lockScreen).toBeHidden();
  expect(await founders(page)).toEqual(stored);
});
