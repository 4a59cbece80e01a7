import { Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { navigate } from '../../shell/route';
import { ChecklistView } from './ChecklistView';
import { ClaimsView } from './ClaimsView';
import { EligibleView } from './EligibleView';
import { useSupportRules } from './supportsData';

const tabs = ['eligible', 'claims'] as const;
type Tab = (typeof tabs)[number];

/** #/supports[/<tab>], #/supports/checklist/<startupId>/<support>[/<founderId>] */
export function SupportsPage({ rest, carrier }: { rest: string[]; carrier: Carrier }) {
  const { t } = useTranslation();
  const rules = useSupportRules(carrier)?.rules;
  if (!rules) return <Spin />;
  if (rest[0] === 'checklist' && rest[1] && rest[2]) return <ChecklistView carrier={carrier} rules={rules} startupId={rest[1]} support={rest[2]} founderId={rest[3]} />;
  const tab: Tab = (tabs as readonly string[]).includes(rest[0] ?? '') ? (rest[0] as Tab) : 'eligible';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => navigate('supports', key)}
      destroyOnHidden
      items={[
        { key: 'eligible', label: t('supports.tabs.eligible'), children: <EligibleView rules={rules} /> },
        { key: 'claims', label: t('supports.tabs.claims'), children: <ClaimsView rules={rules} /> },
      ]}
    />
  );
}
