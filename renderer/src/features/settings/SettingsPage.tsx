import { App, Button, Card, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { languages, setLanguage, type Language } from '../../i18n';
import { db } from '../../store/db';
import { hasDemoData, loadDemoData, removeDemoData } from '../../store/demo';
import { BackupCard } from '../backup/BackupCard';
import { CarrierForm } from '../carrier/CarrierForm';
import { LockCard } from '../lock/LockCard';
import { RulesForm } from './RulesForm';
import { SupportRulesCard } from '../supports/SupportRulesCard';
import { saveErrorText } from '../../shell/forms';

const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

export function SettingsPage({ carrier }: { carrier: Carrier }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const demo = useLiveQuery(() => hasDemoData(db), []);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error(saveErrorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('settings.language')}>
        <Select
          aria-label={t('settings.languageLabel')}
          value={i18n.language as Language}
          style={{ width: 200 }}
          options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
          onChange={(l: Language) => void setLanguage(l)}
        />
      </Card>
      <Card title={t('settings.demo')}>
        <Typography.Paragraph>{t('settings.demoIntro')}</Typography.Paragraph>
        <Space>
          {demo && <Tag color="blue">{t('settings.demoPresent')}</Tag>}
          <Button type="primary" disabled={demo !== false} loading={busy} onClick={() => void run(() => loadDemoData(db), t('settings.demoLoaded'))}>
            {t('settings.loadDemo')}
          </Button>
          <Popconfirm title={t('settings.removeDemoConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => run(() => removeDemoData(db), t('settings.demoRemoved'))}>
            <Button danger disabled={!demo} loading={busy}>
              {t('settings.removeDemo')}
            </Button>
          </Popconfirm>
        </Space>
      </Card>
      <Card title={t('backup.title')}>
        <BackupCard carrier={carrier} />
      </Card>
      <Card title={t('lock.title')}>
        <LockCard />
      </Card>
      <Card title={t('carrier.profile')}>
        <CarrierForm carrier={carrier} submitLabel={t('common.save')} />
      </Card>
      <Card title={t('rules.title')}>
        <RulesForm carrier={carrier} />
      </Card>
      <Card title={t('supports.rules.title')}>
        <SupportRulesCard carrier={carrier} />
      </Card>
    </Space>
  );
}
