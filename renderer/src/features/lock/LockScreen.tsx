import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../store/db';
import { checkPassphrase, setUnlockedKey } from '../../store/sealing';
import { RestoreButton } from '../backup/RestoreButton';

/** Covers the whole desk until the passphrase is given; a wrong one changes nothing. */
export function LockScreen() {
  const { t } = useTranslation();
  const [wrong, setWrong] = useState(false);
  const [checking, setChecking] = useState(false);
  const [forgot, setForgot] = useState(false);

  const unlock = async ({ passphrase }: { passphrase?: string }) => {
    setChecking(true);
    const key = await checkPassphrase(db, passphrase ?? '').finally(() => setChecking(false));
    setWrong(!key);
    if (key) setUnlockedKey(key);
  };

  return (
    <Modal open closable={false} keyboard={false} mask={{ closable: false }} footer={null} centered styles={{ mask: { background: '#1f4e9c' } }} title={<Space><LockOutlined />{t('lock.locked')}</Space>}>
      <Typography.Paragraph>{t('lock.lockedIntro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={unlock}>
        <Form.Item name="passphrase" label={t('lock.passphrase')} validateStatus={wrong ? 'error' : undefined} help={wrong ? t('lock.wrong') : undefined}>
          <Input.Password autoFocus autoComplete="off" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={checking}>
            {t('lock.unlock')}
          </Button>
          <Button type="link" onClick={() => setForgot(!forgot)} aria-expanded={forgot}>
            {t('lock.forgot')}
          </Button>
        </Space>
      </Form>
      {forgot && <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('lock.forgotten')} action={<RestoreButton />} />}
    </Modal>
  );
}
