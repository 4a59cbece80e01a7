import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { BackupError } from '@core/backup/format';
import type { SaveOutcome } from '@core/bridge';
import { bridge } from '../../platform/bridge';
import { backupBeforeUpgrade, createBackup, noteBackup } from '../../store/backup';
import { getCarrier } from '../../store/carrier';
import { db } from '../../store/db';

export const shownTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
export const tableLabel = (name: string, t: TFunction) => t(`backup.tables.${name}`, { defaultValue: name });

/** A backup where the manager chooses (the browser downloads it); noted as the last backup once saved. */
export async function backUpToFile(t: TFunction): Promise<SaveOutcome> {
  const at = new Date();
  const text = await createBackup(db, at);
  const outcome = await bridge.saveFile({ suggestedName: t('backup.fileName', { date: dayjs(at).format('YYYY-MM-DD-HHmm') }), bytes: new TextEncoder().encode(text) });
  if (outcome.saved) await noteBackup(db, at);
  return outcome;
}

/** A backup the desk keeps by itself (Electron only), rotated to the rule set's number. */
export async function keepBackup(): Promise<void> {
  const at = new Date();
  const keep = (await getCarrier(db))?.rules.backupsKept ?? 10;
  await bridge.writeBackup({ text: await createBackup(db, at), keep, reason: 'scheduled' });
  await noteBackup(db, at);
}

/**
 * Before the database opens at a newer schema, Electron keeps the data as it is in its backup folder.
 * The browser has no folder of its own; its daily reminder is the safety there.
 */
export async function backUpBeforeUpgrade(): Promise<void> {
  if (bridge.platform !== 'electron') return;
  const pending = await backupBeforeUpgrade();
  if (pending) await bridge.writeBackup({ text: pending.text, keep: pending.keep, reason: 'upgrade' });
}

export function problemText(error: unknown, t: TFunction): string {
  if (!(error instanceof BackupError)) return String(error);
  const { table, index, issue } = error.detail;
  return t(`backup.problem.${error.problem}`, { table: table && tableLabel(table, t), index: (index ?? 0) + 1, issue: issue ?? '' });
}
