import { Alert, Badge, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { AttentionList } from './AttentionList';
import { ConflictsList } from './ConflictsList';
import { DesksCard } from './DesksCard';
import { describeFailure } from './failureText';
import { ConnectionForm } from './ConnectionForm';
import { formatTime } from './time';
import { useSync } from './useSync';

/** 数据同步: where the desk stands with the national roster, what it refused, and how to reach it. */
export function SyncPage({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const { online, runner, status, syncNow } = useSync();

  const revoked = status?.lastError?.kind === 'revoked' ? status.lastError : undefined;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {revoked && <Alert type="error" showIcon role="alert" title={t('sync.status.revokedTitle')} description={describeFailure(revoked, t)} />}
      <Card
        title={t('sync.status.title')}
        extra={
          <Button type="primary" loading={runner.syncing} onClick={() => void syncNow()}>
            {t('sync.status.syncNow')}
          </Button>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('sync.status.network')}>
            <Badge status={online ? 'success' : 'default'} text={t(online ? 'sync.status.online' : 'sync.status.offline')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.status.pending')}>{t('sync.status.count', { count: status?.pending ?? 0 })}</Descriptions.Item>
          <Descriptions.Item label={t('sync.status.lastSuccess')}>
            {status?.lastSuccessAt ? formatTime(status.lastSuccessAt) : t('sync.status.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.status.attention')}>{t('sync.status.count', { count: status?.attention ?? 0 })}</Descriptions.Item>
          <Descriptions.Item label={t('sync.status.lastError')} span={2}>
            {status?.lastError ? (
              <Typography.Text type="danger">
                {formatTime(status.lastError.at)} · {describeFailure(status.lastError, t)}
              </Typography.Text>
            ) : (
              t('sync.status.none')
            )}
          </Descriptions.Item>
          {runner.nextAttemptAt && runner.failures > 0 && (
            <Descriptions.Item label={t('sync.status.nextAttempt')}>{formatTime(runner.nextAttemptAt)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('sync.attention.title')}>
        <AttentionList />
      </Card>
      <Card title={t('sync.conflicts.title')}>
        <ConflictsList />
      </Card>
      {status?.rosterUrl && !revoked && <DesksCard />}
      <Card title={t('sync.connection.title')}>
        {status && <ConnectionForm carrier={carrier} rosterUrl={status.rosterUrl} deskName={status.deskName} onSaved={() => void syncNow()} />}
      </Card>
    </Space>
  );
}
