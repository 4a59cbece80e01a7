import type { DeskBridge, SecretKey } from '@core/bridge';

/** Secrets kept for this browser session (sessionStorage) unless the manager chooses to keep them on this machine. */
const storageKey = (key: SecretKey) => `desk.secret.${key}`;

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Backups being downloaded, their parts kept as Blobs (the browser holds them out of the JS heap). */
const backupDownloads = new Map<string, { name: string; parts: Blob[] }>();

function backupDownload(id: string) {
  const download = backupDownloads.get(id);
  if (!download) throw new Error('no backup is being written under this id');
  return download;
}

/** Plain Chromium: downloads for files, the print dialog for PDFs, fetch for the roster. */
export const browserBridge: DeskBridge = {
  platform: 'browser',
  async saveFile({ suggestedName, bytes }) {
    download(suggestedName, new Blob([bytes as Uint8Array<ArrayBuffer>]));
    return { saved: true, where: suggestedName };
  },
  async printToPdf({ suggestedName }) {
    const title = document.title;
    document.title = suggestedName.replace(/\.pdf$/, '');
    window.print();
    document.title = title;
    return { saved: true, where: suggestedName };
  },
  async openExternal(url) {
    if (!url.startsWith('https://')) throw new Error('Only https links open outside the desk');
    window.open(url, '_blank', 'noopener,noreferrer');
  },
  async rosterRequest({ method, url, token, body }) {
    const res = await fetch(url, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    return { status: res.status, body: await res.text() };
  },
  async getSecret(key) {
    return sessionStorage.getItem(storageKey(key)) ?? localStorage.getItem(storageKey(key));
  },
  async setSecret({ key, value, keep }) {
    sessionStorage.setItem(storageKey(key), value);
    if (keep) localStorage.setItem(storageKey(key), value);
    else localStorage.removeItem(storageKey(key));
  },
  // A page cannot write to disk unasked: the desk reminds the manager to download a backup instead.
  async beginBackup(target) {
    if (target.to === 'kept') return null;
    const id = crypto.randomUUID();
    backupDownloads.set(id, { name: target.suggestedName, parts: [] });
    return id;
  },
  async appendBackup({ id, bytes }) {
    backupDownload(id).parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  },
  async finishBackup(id) {
    const { name, parts } = backupDownload(id);
    backupDownloads.delete(id);
    download(name, new Blob(parts, { type: 'application/json' }));
    return { saved: true, where: name };
  },
  async abortBackup(id) {
    backupDownloads.delete(id);
  },
  listBackups: async () => [],
  async readBackup() {
    throw new Error('The browser keeps no backups of its own; restore from a downloaded file');
  },
};
