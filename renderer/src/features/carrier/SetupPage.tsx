import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RestoreButton } from '../backup/RestoreButton';
import { CarrierForm } from './CarrierForm';

export function SetupPage() {
  const { t } = useTranslation();
  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '48px 16px', minHeight: '100vh', background: '#f5f7fa' }}>
      <Card style={{ width: 720 }}>
        <Typography.Title level={2}>{t('carrier.setupTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('carrier.setupIntro')}</Typography.Paragraph>
        <CarrierForm submitLabel={t('carrier.setupSubmit')} />
        <RestoreButton label={t('backup.setupRestore')} />
      </Card>
    </main>
  );
}
