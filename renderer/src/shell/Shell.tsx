import {
  AuditOutlined,
  BarChartOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  ExportOutlined,
  FileTextOutlined,
  FundOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { navigate, pages, useRoute, type Page } from './route';
import { PageView } from './PageView';
import { SyncBadge } from '../features/sync/SyncBadge';
import { DeskGuard } from '../features/lock/DeskGuard';

const icons: Record<Page, ReactNode> = {
  dashboard: <DashboardOutlined />,
  startups: <ShopOutlined />,
  mentors: <TeamOutlined />,
  sessions: <FileTextOutlined />,
  reports: <BarChartOutlined />,
  evaluations: <AuditOutlined />,
  exits: <ExportOutlined />,
  supports: <FundOutlined />,
  sync: <CloudSyncOutlined />,
  settings: <SettingOutlined />,
};

export function Shell({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const { page, rest } = useRoute();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '18px 20px', fontWeight: 700, fontSize: 18, color: '#1f4e9c' }}>{t('app.name')}</div>
        <nav aria-label={t('nav.menu')}>
          <Menu
            mode="inline"
            selectedKeys={[page]}
            items={pages.map((p) => ({ key: p, icon: icons[p], label: t(`nav.${p}`) }))}
            onClick={({ key }) => navigate(key as Page)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', gap: 12, paddingInline: 24 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {carrier.name}
          </Typography.Text>
          <Tag>{t(`carrier.levels.${carrier.level}`)}</Tag>
          <Tag color="geekblue">{t(`carrier.types.${carrier.type}`)}</Tag>
          <SyncBadge />
          <DeskGuard />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t(`nav.${page}`)}
          </Typography.Title>
          <PageView page={page} rest={rest} carrier={carrier} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
