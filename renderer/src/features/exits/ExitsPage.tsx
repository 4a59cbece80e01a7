import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { navigate } from '../../shell/route';
import { CandidatesView } from './CandidatesView';
import { DecisionsView } from './DecisionsView';
import { NoticeView } from './NoticeView';
import { NumbersView } from './NumbersView';

const tabs = ['candidates', 'decisions', 'followUps', 'numbers'] as const;
type Tab = (typeof tabs)[number];

/** #/exits[/<tab>], #/exits/notice/<exitId> */
export function ExitsPage({ rest, carrier }: { rest: string[]; carrier: Carrier }) {
  const { t } = useTranslation();
  if (rest[0] === 'notice' && rest[1]) return <NoticeView carrier={carrier} exitId={rest[1]} />;
  const tab: Tab = (tabs as readonly string[]).includes(rest[0] ?? '') ? (rest[0] as Tab) : 'candidates';
  const views: Record<Tab, ReactNode> = {
    candidates: <CandidatesView carrier={carrier} />,
    decisions: <DecisionsView />,
    followUps: <DecisionsView only="followUps" />,
    numbers: <NumbersView carrier={carrier} />,
  };
  return <Tabs activeKey={tab} onChange={(key) => navigate('exits', key)} items={tabs.map((k) => ({ key: k, label: t(`exits.tabs.${k}`), children: views[k] }))} destroyOnHidden />;
}
