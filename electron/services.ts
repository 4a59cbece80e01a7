import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, Dialog, FileFilter, Net, Shell, WebContents } from 'electron';
import type { SaveOutcome } from '@core/bridge';
import { BackupWrites, type BackupFolder } from './backups';
import type { DeskServices } from './ipc';
import type { SecretStore } from './secrets';
import { isAllowedExternal } from './security';

export interface ServiceDeps {
  readonly dialog: Pick<Dialog, 'showSaveDialog'>;
  readonly shell: Pick<Shell, 'openExternal'>;
  readonly net: Pick<Net, 'fetch'>;
  readonly windowOf: (contents: WebContents) => BrowserWindow | null;
  /** Where save dialogs open first (the manager's Documents folder). */
  readonly documentsDir: string;
  readonly secrets: SecretStore;
  readonly backups: BackupFolder;
}

const ROSTER_TIMEOUT_MS = 60_000;

export function deskServices(deps: ServiceDeps): DeskServices {
  /** The save dialog, over the page's window; null when the manager cancels. */
  async function choosePath(sender: WebContents, suggestedName: string, filters: FileFilter[]): Promise<string | null> {
    const defaultPath = join(deps.documentsDir, suggestedName);
    const window = deps.windowOf(sender);
    const options = { defaultPath, filters };
    const choice = await (window ? deps.dialog.showSaveDialog(window, options) : deps.dialog.showSaveDialog(options));
    return choice.canceled || choice.filePath === undefined || choice.filePath === '' ? null : choice.filePath;
  }

  async function saveAs(
    sender: WebContents,
    suggestedName: string,
    filters: FileFilter[],
    bytes: () => Promise<Uint8Array>,
  ): Promise<SaveOutcome> {
    const path = await choosePath(sender, suggestedName, filters);
    if (path === null) return { saved: false };
    await writeFile(path, await bytes());
    return { saved: true, where: path };
  }

  const backupWrites = new BackupWrites();

  return {
    saveFile: (request, sender) => saveAs(sender, request.suggestedName, [], async () => request.bytes),
    // The PDF is rendered before the dialog opens, so it shows the page exactly as the manager saw it.
    async printToPdf(request, sender) {
      // The print view's @page rules decide: A4 portrait sheets, a landscape round summary.
      const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return saveAs(sender, request.suggestedName, [{ name: 'PDF', extensions: ['pdf'] }], async () => pdf);
    },
    async openExternal(url) {
      if (!isAllowedExternal(url)) throw new Error('this address is not on the list of sites the desk may open');
      await deps.shell.openExternal(url);
    },
    // net.fetch goes through Chromium's network stack, so the office's system proxy and certificates apply.
    async rosterRequest(request) {
      const protocol = new URL(request.url).protocol;
      if (protocol !== 'https:' && protocol !== 'http:') throw new Error('roster address must be http or https');
      const headers: Record<string, string> = { accept: 'application/json' };
      if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const response = await deps.net.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        credentials: 'omit',
        signal: AbortSignal.timeout(ROSTER_TIMEOUT_MS),
      });
      return { status: response.status, body: await response.text() };
    },
    getSecret: (key) => deps.secrets.get(key),
    setSecret: (request) => deps.secrets.set(request.key, request.value, request.keep),
    async beginBackup(target, sender) {
      if (target.to === 'kept') return backupWrites.begin(await deps.backups.next(target.keep, target.reason));
      const path = await choosePath(sender, target.suggestedName, [{ name: 'JSON', extensions: ['json'] }]);
      return path === null ? null : backupWrites.begin({ path, placed: async () => ({ saved: true, where: path }) });
    },
    appendBackup: (part) => backupWrites.append(part.id, part.bytes),
    finishBackup: (id) => backupWrites.finish(id),
    abortBackup: (id) => backupWrites.abort(id),
    listBackups: () => deps.backups.list(),
    readBackup: (range) => deps.backups.read(range.name, range.offset, range.length),
  };
}
