import { ApiOutlined, CheckCircleOutlined, CloudUploadOutlined, DisconnectOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../shell/route';
import { badgeState, type BadgeState } from './badge';
import { useSync } from './useSync';

const colors: Record<BadgeState, string> = {
  unconfigured: 'default',
  offline: 'default',
  syncing: 'processing',
  error: 'error',
  attention: 'warning',
  pending: 'blue',
  synced: 'success',
};

const icons: Record<BadgeState, ReactNode> = {
  unconfigured: <ApiOutlined />,
  offline: <DisconnectOutlined />,
  syncing: <SyncOutlined spin />,
  error: <ExclamationCircleOutlined />,
  attention: <ExclamationCircleOutlined />,
  pending: <CloudUploadOutlined />,
  synced: <CheckCircleOutlined />,
};

/** Always in the header: the sync state in a word, with what is still to send; opens 数据同步. */
export function SyncBadge() {
  const { t } = useTranslation();
  const view = useSync();
  const state = badgeState(view);
  const pending = view.status?.pending ?? 0;
  const word = t(`sync.badge.${state}`, { count: state === 'attention' ? view.status?.attention : pending });
  const text = pending && state !== 'pending' && state !== 'synced' ? t('sync.badge.withPending', { state: word, count: pending }) : word;
  return (
    <Button type="text" size="small" style={{ marginLeft: 'auto' }} aria-label={t('sync.badge.label', { state: text })} onClick={() => navigate('sync')}>
      <Tag color={colors[state]} icon={icons[state]} style={{ marginInlineEnd: 0, fontSize: 13, paddingBlock: 2 }}>
        {text}
      </Tag>
    </Button>
  );
}
