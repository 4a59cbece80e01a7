import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '@core/validators/idNumber';

/** An ID number shown masked; the full number only when the manager asks, and hidden again on request. */
export function MaskedId({ value, owner }: { value: string; owner: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Space size={4}>
      <Typography.Text code>{shown ? value : maskIdNumber(value)}</Typography.Text>
      <Button
        size="small"
        type="text"
        icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        aria-label={`${shown ? t('startups.file.hide') : t('startups.file.reveal')} ${owner}`}
        onClick={() => setShown(!shown)}
      />
    </Space>
  );
}
