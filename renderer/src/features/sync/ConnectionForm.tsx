import { Alert, App, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { bridge } from '../../platform/bridge';
import { db } from '../../store/db';
import { setDeskName, setRosterUrl } from '../../store/syncState';
import { saveErrorText } from '../../shell/forms';

interface Values {
  url: string;
  token?: string;
  keep: boolean;
  deskName?: string;
}

/** The roster's address (a desk setting) and the carrier's token (a secret the bridge keeps). */
export function ConnectionForm({ carrier, rosterUrl, deskName, onSaved }: { carrier: Carrier; rosterUrl: string | undefined; deskName: string | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [hasToken, setHasToken] = useState(false);
  const typedToken = Form.useWatch('token', form);
  // Electron keeps the token encrypted with safeStorage; only the browser asks whether to keep it.
  const browser = bridge.platform === 'browser';

  useEffect(() => {
    void bridge.getSecret('rosterToken').then((token) => setHasToken(!!token));
  }, []);

  const submit = async ({ url, token, keep, deskName: name }: Values) => {
    try {
      await setRosterUrl(db, url.trim());
      if (name?.trim()) await setDeskName(db, name.trim());
      if (token?.trim()) await bridge.setSecret({ key: 'rosterToken', value: token.trim(), keep: !browser || keep });
      setHasToken(hasToken || !!token?.trim());
      form.setFieldValue('token', '');
      message.success(t('sync.connection.saved'));
      onSaved();
    } catch (error) {
      message.error(saveErrorText(error, t));
    }
  };

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }} initialValues={{ url: rosterUrl ?? '', keep: false, deskName: deskName ?? '' }} onFinish={submit}>
      {carrier.rosterCode ? (
        <Form.Item label={t('sync.connection.rosterCode')}>
          <Typography.Text strong>{carrier.rosterCode}</Typography.Text>
        </Form.Item>
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('sync.connection.rosterCodeMissing')}
          action={<Button size="small" href="#/settings">{t('sync.connection.goSettings')}</Button>}
        />
      )}
      <Form.Item
        name="url"
        label={t('sync.connection.url')}
        extra={t('sync.connection.urlHelp')}
        rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: t('sync.connection.urlInvalid') }]}
      >
        <Input inputMode="url" />
      </Form.Item>
      <Form.Item
        name="token"
        label={t('sync.connection.token')}
        extra={hasToken ? t('sync.connection.tokenKept') : t('sync.connection.tokenHelp')}
        rules={[{ required: !hasToken, message: t('v.required') }]}
      >
        <Input.Password autoComplete="off" />
      </Form.Item>
      <Form.Item name="deskName" label={t('sync.join.deskName')} extra={t('sync.join.deskNameHelp')} rules={[{ max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      {browser && typedToken && (
        <Form.Item name="keep" valuePropName="checked" extra={t('sync.connection.keepHelp')}>
          <Checkbox>{t('sync.connection.keep')}</Checkbox>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit">
        {t('sync.connection.save')}
      </Button>
    </Form>
  );
}
