import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupPage } from './features/carrier/SetupPage';
import { useReducedMotion } from './shell/reducedMotion';
import { Shell } from './shell/Shell';
import { getCarrier } from './store/carrier';
import { db } from './store/db';
import { setOperator } from './store/operator';
import { snapshotProgress } from './store/syncState';

function Desk() {
  const { t } = useTranslation();
  // undefined while loading; carrier null when there is none yet (first run). A desk joining a carrier
  // stays on the setup page until the carrier's records are in (its profile comes with the first page).
  const state = useLiveQuery(async () => ({ carrier: (await getCarrier(db)) ?? null, joining: !!(await snapshotProgress(db))?.joining }), []);
  const carrier = state?.carrier;
  useEffect(() => setOperator(carrier?.operator), [carrier?.operator]);
  if (state === undefined) return <Spin fullscreen tip={t('app.loading')} />;
  return carrier && !state.joining ? <Shell carrier={carrier} /> : <SetupPage joining={state.joining} />;
}

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const reducedMotion = useReducedMotion();
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1f4e9c', borderRadius: 4, motion: !reducedMotion } }}>
      <AntApp>
        <Desk />
      </AntApp>
    </ConfigProvider>
  );
}
