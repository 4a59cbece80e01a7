import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '@core/validators/idNumber';
import { usePassphrase } from '../lock/PassphrasePrompt';

/**
 * An ID number shown masked; the full number only when the manager asks (with the passphrase while the
 * desk lock is set), and hidden again on request.
 */
export function MaskedId({ value, owner }: { value: string; owner: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [ask, prompt] = usePassphrase();
  const toggle = async () => setShown(!shown && (await ask(t('lock.askReveal'))));
  return (
    <Space size={4}>
      {prompt}
      <Typography.Text code>{shown ? value : maskIdNumber(value)}</Typography.Text>
      <Button
        size="small"
        type="text"
        icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        aria-label={`${shown ? t('startups.file.hide') : t('startups.file.reveal')} ${owner}`}
        onClick={() => void toggle()}
      />
    </Space>
  );
}
