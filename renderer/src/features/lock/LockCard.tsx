import { Alert, App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../store/db';
import { removeLock, setIdleMinutes, setLock } from '../../store/sealing';
import { useLock } from './useLock';
import { saveErrorText } from '../../shell/forms';

const MIN_LENGTH = 8;

/** 设置 → 桌面锁: set it (sealing every ID number), change the idle minutes, or remove it with the passphrase. */
export function LockCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useLock();
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      message.error(saveErrorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const create = (v: { passphrase: string; idleMinutes: number }) =>
    run(async () => {
      await setLock(db, v.passphrase, v.idleMinutes);
      message.success(t('lock.done'));
    });
  const remove = (v: { current: string }) =>
    run(async () => {
      const removed = await removeLock(db, v.current ?? '');
      setWrong(!removed);
      if (removed) message.success(t('lock.removed'));
    });

  if (settings === undefined) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <Typography.Paragraph>{t('lock.intro')}</Typography.Paragraph>
      <Alert type="warning" showIcon title={t('lock.forgotten')} />
      {settings === null ? (
        <Form layout="vertical" initialValues={{ idleMinutes: 10 }} onFinish={create}>
          <Form.Item name="passphrase" label={t('lock.passphrase')} rules={[{ required: true, message: t('v.required') }, { min: MIN_LENGTH, message: t('lock.tooShort') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('lock.repeat')}
            dependencies={['passphrase']}
            rules={[{ required: true, message: t('v.required') }, ({ getFieldValue }) => ({ validator: async (_, v) => { if (v && v !== getFieldValue('passphrase')) throw new Error(t('lock.mismatch')); } })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="idleMinutes" label={t('lock.idleMinutes')} rules={[{ required: true, message: t('v.required') }]}>
            <InputNumber min={1} max={240} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {busy ? t('lock.setting') : t('lock.set')}
          </Button>
        </Form>
      ) : (
        <>
          <Alert type="success" showIcon title={t('lock.isSet')} />
          <Space align="center">
            <Typography.Text>{t('lock.idleMinutes')}</Typography.Text>
            <InputNumber aria-label={t('lock.idleMinutes')} min={1} max={240} precision={0} value={settings.idleMinutes} onChange={(v) => v && void setIdleMinutes(db, v)} />
          </Space>
          <Form layout="vertical" onFinish={remove}>
            <Typography.Paragraph type="secondary">{t('lock.removeIntro')}</Typography.Paragraph>
            <Form.Item name="current" label={t('lock.passphrase')} validateStatus={wrong ? 'error' : undefined} help={wrong ? t('lock.wrong') : undefined}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button danger htmlType="submit" loading={busy}>
              {t('lock.remove')}
            </Button>
          </Form>
        </>
      )}
    </Space>
  );
}
