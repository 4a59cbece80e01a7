import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../http/consoleApi';
import { api, errorText } from './api';

export function SignInPage({ onSignedIn, languageSelect }: { onSignedIn: (account: AccountView) => void; languageSelect: ReactNode }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api<AccountView>('POST', '/session', values));
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            {languageSelect}
          </Space>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          <Form layout="vertical" aria-label={t('signIn.title')} onFinish={submit} requiredMark={false}>
            <Form.Item name="login" label={t('signIn.login')} rules={[{ required: true, message: t('signIn.required', { field: t('signIn.login') }) }]}>
              <Input autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.required', { field: t('signIn.password') }) }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn.submit')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
