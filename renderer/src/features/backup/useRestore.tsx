import { App, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Backup } from '@core/backup/format';
import { openBackup, restoreBackup } from '../../store/backup';
import { db } from '../../store/db';
import { problemText, shownTime, tableLabel } from './actions';

/**
 * Restores a backup's text: checks it completely first (a refused file changes nothing), shows what it
 * holds and asks, then replaces everything in one transaction. Resolves true when restored.
 */
export function useRestore(): (text: string) => Promise<boolean> {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  return async (text) => {
    let backup: Backup;
    try {
      backup = await openBackup(db, text);
    } catch (error) {
      modal.error({ title: t('backup.refused', { reason: problemText(error, t) }) });
      return false;
    }
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
    await restoreBackup(db, backup);
    message.success(t('backup.restored'));
    return true;
  };
}
