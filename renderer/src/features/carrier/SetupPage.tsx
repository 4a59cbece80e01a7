import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RestoreButton } from '../backup/RestoreButton';
import { JoinCard } from '../sync/JoinCard';
import { CarrierForm } from './CarrierForm';

/** First run: record the carrier here, restore a backup, or join a carrier another desk already keeps. */
export function SetupPage({ joining }: { joining: boolean }) {
  const { t } = useTranslation();
  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '48px 16px', minHeight: '100vh', background: '#f5f7fa' }}>
      <Space direction="vertical" size="large" style={{ width: 720 }}>
        {!joining && (
          <Card>
            <Typography.Title level={2}>{t('carrier.setupTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('carrier.setupIntro')}</Typography.Paragraph>
            <CarrierForm submitLabel={t('carrier.setupSubmit')} />
            <RestoreButton label={t('backup.setupRestore')} />
          </Card>
        )}
        <JoinCard />
      </Space>
    </main>
  );
}
