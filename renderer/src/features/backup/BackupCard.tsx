import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, List, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { bridge } from '../../platform/bridge';
import { backupDue, lastBackupAt, unbackedSince } from '../../store/backup';
import { db } from '../../store/db';
import { backUpToFile, shownTime, storedBackup } from './actions';
import { RestoreButton } from './RestoreButton';
import { useRestore } from './useRestore';

/** 设置 → 备份与恢复: back up now, restore from a file, and (Electron) the backups kept on this computer. */
export function BackupCard({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const restore = useRestore();
  const last = useLiveQuery(async () => (await lastBackupAt(db)) ?? null, []);
  const due = useLiveQuery(async () => backupDue(await unbackedSince(db), new Date()), [last]);
  const kept = useLiveQuery(() => bridge.listBackups(), [last]);
  const [busy, setBusy] = useState(false);
  const electron = bridge.platform === 'electron';

  const backUp = async () => {
    setBusy(true);
    try {
      const outcome = await backUpToFile(t);
      if (outcome.saved) message.success(t('backup.saved', { where: outcome.where }));
    } catch (error) {
      message.error(String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('backup.intro')}</Typography.Paragraph>
      {due && !electron && <Alert type="warning" showIcon title={t('backup.due')} />}
      <Typography.Text type="secondary">{last ? t('backup.last', { at: shownTime(last) }) : t('backup.never')}</Typography.Text>
      <Space>
        <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void backUp()}>
          {t('backup.now')}
        </Button>
        <RestoreButton />
      </Space>
      <Typography.Paragraph type="secondary">{electron ? t('backup.auto', { count: carrier.rules.backupsKept }) : t('backup.autoBrowser')}</Typography.Paragraph>
      {electron && (kept?.length ?? 0) > 0 && (
        <List
          size="small"
          header={t('backup.kept')}
          dataSource={kept}
          renderItem={(b) => (
            <List.Item
              actions={[
                <Button key="restore" size="small" aria-label={t('backup.restoreThisOf', { at: shownTime(b.createdAt) })} onClick={() => void storedBackup(b.name).then(restore, (error: unknown) => message.error(t('backup.readFailed', { reason: String(error) })))}>
                  {t('backup.restoreThis')}
                </Button>,
              ]}
            >
              <Space>
                {shownTime(b.createdAt)}
                <Tag>{t(`backup.reasons.${b.reason}`)}</Tag>
                <Typography.Text type="secondary">{(b.size / 1_048_576).toFixed(1)} MB</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
