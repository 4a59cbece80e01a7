import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { navigate } from '../../shell/route';
import { lastQuarter } from '../reports/PeriodSelect';
import { EvaluationDetail } from './EvaluationDetail';
import { PrintView } from './PrintView';
import { RoundView } from './RoundView';
import { TemplateEditor } from './TemplateEditor';
import { TemplatesView } from './TemplatesView';

/** #/evaluations, #/evaluations/templates[/<id>], #/evaluations/e/<id>, #/evaluations/print/<period>[/<id>] */
export function EvaluationsPage({ rest, carrier }: { rest: string[]; carrier: Carrier }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(lastQuarter);
  const [section, id, sub] = rest;
  if (section === 'e' && id) return <EvaluationDetail id={id} />;
  if (section === 'print' && id) return <PrintView carrier={carrier} period={id} evaluationId={sub} />;
  if (section === 'templates' && id) return <TemplateEditor id={decodeURIComponent(id)} />;
  return (
    <Tabs
      activeKey={section === 'templates' ? 'templates' : 'round'}
      onChange={(key) => (key === 'templates' ? navigate('evaluations', 'templates') : navigate('evaluations'))}
      items={[
        { key: 'round', label: t('evaluations.tabs.round'), children: <RoundView period={period} onPeriod={setPeriod} line={carrier.line} /> },
        { key: 'templates', label: t('evaluations.tabs.templates'), children: <TemplatesView /> },
      ]}
    />
  );
}
