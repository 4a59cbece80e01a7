import { App as AntApp, Button, ConfigProvider, Layout, Menu, Select, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReducedMotion } from '../../../renderer/src/shell/reducedMotion';
import type { AccountView } from '../../http/consoleApi';
import { api, ApiError, rememberSession } from './api';
import { AuditPage } from './AuditPage';
import { CarrierPage } from './CarrierPage';
import { CarriersPage } from './CarriersPage';
import { FiguresPage } from './FiguresPage';
import { FindingsPage } from './FindingsPage';
import { TemplatesPage } from './TemplatesPage';
import { QueuePage } from './QueuePage';
import { type Language, languages, setLanguage } from './i18n';
import { navigate, parseRoute, usePathname } from './route';
import { SignInPage } from './SignInPage';
import { useRegions } from './useRegions';

function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('app.language')}
      value={i18n.language as Language}
      onChange={(lang) => void setLanguage(lang)}
      options={languages.map((l) => ({ value: l, label: l === 'zh-CN' ? '中文' : 'English' }))}
      style={{ width: 110 }}
    />
  );
}

function Console({ account, onSignOut }: { account: AccountView; onSignOut: () => void }) {
  const { t } = useTranslation();
  const route = parseRoute(usePathname());
  const regions = useRegions();
  const scope = account.scope === 'nation' ? t('scope.nation') : regions.name(account.scope);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#1f4e9c' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          aria-label={t('app.menu')}
          style={{ flex: 1, background: 'transparent' }}
          selectedKeys={[route.page === 'carrier' ? 'carriers' : route.page]}
          onClick={({ key }) => navigate({ page: key as 'carriers' | 'figures' | 'findings' | 'templates' | 'queue' | 'audit' })}
          items={[
            { key: 'carriers', label: t('nav.carriers') },
            { key: 'figures', label: t('nav.figures') },
            { key: 'findings', label: t('nav.findings') },
            { key: 'templates', label: t('nav.templates') },
            { key: 'queue', label: t('nav.queue') },
            { key: 'audit', label: t('nav.audit') },
          ]}
        />
        <Space>
          <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            {t('nav.account', { login: account.login, scope, role: t(`roles.${account.role}`) })}
          </Typography.Text>
          <LanguageSelect />
          <Button onClick={onSignOut}>{t('nav.signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        {route.page === 'carrier' ? (
          <CarrierPage key={route.code} code={route.code} account={account} />
        ) : route.page === 'figures' ? (
          <FiguresPage account={account} />
        ) : route.page === 'findings' ? (
          <FindingsPage />
        ) : route.page === 'templates' ? (
          <TemplatesPage account={account} />
        ) : route.page === 'queue' ? (
          <QueuePage account={account} />
        ) : route.page === 'audit' ? (
          <AuditPage />
        ) : (
          <CarriersPage account={account} />
        )}
      </Layout.Content>
    </Layout>
  );
}

function Session() {
  const { t } = useTranslation();
  // undefined while asking the service whether the cookie still holds a session.
  const [account, setAccount] = useState<AccountView | null | undefined>(undefined);
  const signedIn = useCallback((a: AccountView) => {
    rememberSession(a);
    setAccount(a);
  }, []);
  useEffect(() => {
    api<AccountView>('GET', '/session').then(signedIn, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) setAccount(null);
      else throw error;
    });
  }, [signedIn]);
  if (account === undefined) return <Spin fullscreen tip={t('app.loading')} />;
  if (account === null) return <SignInPage onSignedIn={signedIn} languageSelect={<LanguageSelect />} />;
  const signOut = () => void api('POST', '/session/end').finally(() => setAccount(null));
  return <Console account={account} onSignOut={signOut} />;
}

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1f4e9c', borderRadius: 4, motion: !reducedMotion } }}>
      <AntApp>
        <Session />
      </AntApp>
    </ConfigProvider>
  );
}
