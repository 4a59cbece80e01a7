import { App, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../platform/bridge';
import { backupDue, unbackedSince } from '../../store/backup';
import { db } from '../../store/db';
import { backUpToFile, keepBackup } from './actions';

const HOUR = 3_600_000;
// The browser reminds once per session, not every hour: a reminder ignored all day is just noise.
let reminded = false;

/**
 * The daily backup, checked at start and every hour. Electron writes it to disk by itself; a browser
 * cannot, so it reminds the manager to download one.
 */
export function BackupSchedule() {
  const { t } = useTranslation();
  const { notification, message } = App.useApp();
  useEffect(() => {
    const check = async () => {
      if (!backupDue(await unbackedSince(db), new Date())) return;
      if (bridge.platform === 'electron') return keepBackup();
      if (reminded) return;
      reminded = true;
      notification.warning({
        key: 'backup-reminder',
        title: t('backup.reminder.title'),
        description: t('backup.reminder.body'),
        duration: 0,
        // Bottom right, so it never covers the header's 锁定 button or the page title.
        placement: 'bottomRight',
        actions: (
          <Button
            type="primary"
            size="small"
            onClick={() => {
              notification.destroy('backup-reminder');
              void backUpToFile(t).catch((error: unknown) => message.error(String(error)));
            }}
          >
            {t('backup.reminder.action')}
          </Button>
        ),
      });
    };
    const run = () => void check().catch((error: unknown) => console.error('scheduled backup failed', error));
    run();
    const timer = setInterval(run, HOUR);
    return () => {
      clearInterval(timer);
      notification.destroy('backup-reminder');
    };
  }, [t, notification, message]);
  return null;
}
