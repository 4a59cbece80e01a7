import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupFolder } from './backups';
import { SecretStore } from './secrets';
import { deskServices, type ServiceDeps } from './services';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-services-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function setup(savePath: string | undefined) {
  const window = {} as BrowserWindow;
  const deps = {
    dialog: {
      showSaveDialog: vi.fn(async () => ({ canceled: savePath === undefined, filePath: savePath ?? '' })),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    net: { fetch: vi.fn(async () => new Response('{"ok":true}', { status: 201 })) },
    windowOf: () => window,
    documentsDir: '/home/manager/Documents',
    secrets: new SecretStore(join(dir, 'secrets.json'), {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    }),
    backups: new BackupFolder(join(dir, 'backups')),
  } satisfies ServiceDeps;
  return { deps, window, services: deskServices(deps as unknown as ServiceDeps) };
}

const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7'));
const sender = { printToPDF } as unknown as WebContents;

describe('saveFile', () => {
  it('writes the bytes where the manager chose', async () => {
    const target = join(dir, 'startups.xlsx');
    const { services, deps, window } = setup(target);
    const outcome = await services.saveFile({ suggestedName: 'startups.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) }, sender);
    expect(outcome).toEqual({ saved: true, where: target });
    expect([...(await readFile(target))]).toEqual([80, 75, 3, 4]);
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({
      defaultPath: join('/home/manager/Documents', 'startups.xlsx'),
    }));
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { services } = setup(undefined);
    expect(await services.saveFile({ suggestedName: 'a.csv', bytes: new Uint8Array([1]) }, sender)).toEqual({ saved: false });
  });
});

describe('printToPdf', () => {
  it('prints A4 with backgrounds and saves the PDF', async () => {
    const target = join(dir, 'report.pdf');
    const { services } = setup(target);
    expect(await services.printToPdf({ suggestedName: 'report.pdf' }, sender)).toEqual({ saved: true, where: target });
    expect(printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7');
  });
});

describe('openExternal', () => {
  it('opens allow-listed https pages in the system browser', async () => {
    const { services, deps } = setup(undefined);
    await services.openExternal('https://www.mohrss.gov.cn/');
    expect(deps.shell.openExternal).toHaveBeenCalledWith('https://www.mohrss.gov.cn/');
  });

  it('refuses any other address without touching the shell', async () => {
    const { services, deps } = setup(undefined);
    await expect(services.openExternal('https://evil.example/')).rejects.toThrow(/not on the list/);
    await expect(services.openExternal('http://www.gov.cn/')).rejects.toThrow(/not on the list/);
    expect(deps.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('rosterRequest', () => {
  it('goes through net.fetch with the token and returns status and body', async () => {
    const { services, deps } = setup(undefined);
    const reply = await services.rosterRequest({ method: 'POST', url: 'https://roster.example.cn/push', token: 'T', body: '[]' });
    expect(reply).toEqual({ status: 201, body: '{"ok":true}' });
    expect(deps.net.fetch).toHaveBeenCalledWith('https://roster.example.cn/push', expect.objectContaining({
      method: 'POST',
      body: '[]',
      credentials: 'omit',
      headers: { accept: 'application/json', authorization: 'Bearer T', 'content-type': 'application/json' },
    }));
  });

  it('refuses a non-http address even if it slipped past the schema', async () => {
    const { services, deps } = setup(undefined);
    await expect(services.rosterRequest({ method: 'GET', url: 'file:///etc/passwd' })).rejects.toThrow(/http or https/);
    expect(deps.net.fetch).not.toHaveBeenCalled();
  });
});

describe('secrets', () => {
  it('keeps a session-only token and refuses to keep one without OS encryption', async () => {
    const { services } = setup(undefined);
    await services.setSecret({ key: 'rosterToken', value: 'abc', keep: false });
    expect(await services.getSecret('rosterToken')).toBe('abc');
    await expect(services.setSecret({ key: 'rosterToken', value: 'abc', keep: true })).rejects.toThrow();
  });
});

describe('backups', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('writes a backup in parts to the desk\'s own folder, lists it and reads it back', async () => {
    const { services, deps } = setup(undefined);
    const id = (await services.beginBackup({ to: 'kept', keep: 10, reason: 'manual' }, sender))!;
    await services.appendBackup({ id, bytes: bytes('{"x":') });
    await services.appendBackup({ id, bytes: bytes('1}\n') });
    const outcome = await services.finishBackup(id);
    const [stored] = await services.listBackups();
    expect(outcome).toEqual({ saved: true, where: stored!.name });
    expect(stored).toMatchObject({ reason: 'manual', size: 8 });
    expect(Buffer.from(await services.readBackup({ name: stored!.name, offset: 5, length: 100 })).toString()).toBe('1}\n');
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('writes a backup where the manager chose, and nothing when the dialog is cancelled', async () => {
    const target = join(dir, '孵化台备份.json');
    const { services, deps, window } = setup(target);
    const id = (await services.beginBackup({ to: 'chosen', suggestedName: '孵化台备份.json' }, sender))!;
    await services.appendBackup({ id, bytes: bytes('{}\n') });
    expect(await services.finishBackup(id)).toEqual({ saved: true, where: target });
    expect(await readFile(target, 'utf8')).toBe('{}\n');
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: join('/home/manager/Documents', '孵化台备份.json') }));
    expect(await services.listBackups()).toEqual([]);
    expect(await setup(undefined).services.beginBackup({ to: 'chosen', suggestedName: 'a.json' }, sender)).toBeNull();
  });

  it('leaves nothing behind when a backup is dropped', async () => {
    const target = join(dir, 'dropped.json');
    const { services } = setup(target);
    const id = (await services.beginBackup({ to: 'chosen', suggestedName: 'dropped.json' }, sender))!;
    await services.appendBackup({ id, bytes: bytes('{"half":') });
    await services.abortBackup(id);
    expect((await readdir(dir)).filter((n) => n.startsWith('dropped'))).toEqual([]);
  });
});
