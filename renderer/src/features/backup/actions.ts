import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { BackupError } from '@core/backup/format';
import { BACKUP_PART_BYTES, type BackupTarget, type SaveOutcome } from '@core/bridge';
import { bridge } from '../../platform/bridge';
import { backupBeforeUpgrade, createBackup, noteBackup } from '../../store/backup';
import { getCarrier } from '../../store/carrier';
import { db } from '../../store/db';

export const shownTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
export const tableLabel = (name: string, t: TFunction) => t(`backup.tables.${name}`, { defaultValue: name });

/** Hands a backup file to the bridge a part at a time; a failure midway leaves nothing behind. */
async function send(file: Blob, target: BackupTarget): Promise<SaveOutcome> {
  const id = await bridge.beginBackup(target);
  if (id === null) return { saved: false };
  try {
    for (let at = 0; at < file.size; at += BACKUP_PART_BYTES) {
      await bridge.appendBackup({ id, bytes: new Uint8Array(await file.slice(at, at + BACKUP_PART_BYTES).arrayBuffer()) });
    }
    return await bridge.finishBackup(id);
  } catch (error) {
    await bridge.abortBackup(id).catch(() => {});
    throw error;
  }
}

/** A backup the desk keeps (Electron), read back a part at a time. */
export async function storedBackup(name: string): Promise<Blob> {
  const parts: Blob[] = [];
  for (let offset = 0; ; offset += BACKUP_PART_BYTES) {
    const bytes = await bridge.readBackup({ name, offset, length: BACKUP_PART_BYTES });
    parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    if (bytes.length < BACKUP_PART_BYTES) return new Blob(parts);
  }
}

/** A backup where the manager chooses (the browser downloads it); noted as the last backup once saved. */
export async function backUpToFile(t: TFunction): Promise<SaveOutcome> {
  const at = new Date();
  const file = await createBackup(db, at);
  const outcome = await send(file, { to: 'chosen', suggestedName: t('backup.fileName', { date: dayjs(at).format('YYYY-MM-DD-HHmm') }) });
  if (outcome.saved) await noteBackup(db, at);
  return outcome;
}

/** A backup the desk keeps by itself (Electron only), rotated to the rule set's number. */
export async function keepBackup(): Promise<void> {
  const at = new Date();
  const keep = (await getCarrier(db))?.rules.backupsKept ?? 10;
  await send(await createBackup(db, at), { to: 'kept', keep, reason: 'scheduled' });
  await noteBackup(db, at);
}

/**
 * Before the database opens at a newer schema, Electron keeps the data as it is in its backup folder.
 * The browser has no folder of its own; its daily reminder is the safety there.
 */
export async function backUpBeforeUpgrade(): Promise<void> {
  if (bridge.platform !== 'electron') return;
  const pending = await backupBeforeUpgrade();
  if (pending) await send(pending.file, { to: 'kept', keep: pending.keep, reason: 'upgrade' });
}

export function problemText(error: unknown, t: TFunction): string {
  if (!(error instanceof BackupError)) return String(error);
  const { table, index, issue } = error.detail;
  return t(`backup.problem.${error.problem}`, { table: table && tableLabel(table, t), index: (index ?? 0) + 1, issue: issue ?? '' });
}
