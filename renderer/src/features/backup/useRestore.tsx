import { App, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckedBackup } from '@core/backup/format';
import { openBackup, restoreBackup } from '../../store/backup';
import { db } from '../../store/db';
import { problemText, shownTime, tableLabel } from './actions';

const PROGRESS = 'backup-progress';

/**
 * Restores a backup file: checks it completely first (a refused file changes nothing), shows what it
 * holds and asks, then replaces everything in one transaction. Resolves true when restored.
 */
export function useRestore(): (file: Blob) => Promise<boolean> {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const refused = (error: unknown) => {
    message.destroy(PROGRESS);
    modal.error({ title: t('backup.refused', { reason: problemText(error, t) }) });
    return false;
  };
  return async (file) => {
    let backup: CheckedBackup;
    // A large desk's file takes a while to check and restore; the manager sees that it is under way.
    message.loading({ key: PROGRESS, content: t('backup.checking'), duration: 0 });
    try {
      backup = await openBackup(db, file);
    } catch (error) {
      return refused(error);
    }
    message.destroy(PROGRESS);
    const confirmed = await modal.confirm({
      title: t('backup.confirmTitle'),
      width: 560,
      content: (
        <>
          <p>{t('backup.confirmIntro', { at: shownTime(backup.createdAt) })}</p>
          <Descriptions size="small" bordered column={2}>
            {Object.entries(backup.counts).map(([table, count]) => (
              <Descriptions.Item key={table} label={tableLabel(table, t)}>
                {t('backup.records', { count })}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </>
      ),
      okText: t('backup.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return false;
    message.loading({ key: PROGRESS, content: t('backup.restoring'), duration: 0 });
    try {
      await restoreBackup(db, backup);
    } catch (error) {
      // The restore is one transaction: when it fails, the desk is as it was.
      return refused(error);
    }
    message.success({ key: PROGRESS, content: t('backup.restored') });
    return true;
  };
}
