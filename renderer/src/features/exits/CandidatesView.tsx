import { Alert, Button, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import type { Candidate } from '@core/exits/candidates';
import { ProposeDialog } from './ProposeDialog';
import { useCandidates } from './exitData';

export function CandidatesView({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const data = useCandidates(carrier);
  const [proposing, setProposing] = useState<Candidate>();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('exits.candidates.intro')} />
      <Table<Candidate>
        rowKey={(c) => `${c.startupId}-${c.rule}`}
        loading={!data}
        dataSource={data?.candidates}
        locale={{ emptyText: <Empty description={t('exits.candidates.none')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('exits.decisions.startup'), key: 'name', render: (_, c) => <a href={`#/startups/${c.startupId}`}>{data?.names.get(c.startupId)}</a> },
          { title: t('exits.candidates.rule'), key: 'rule', render: (_, c) => <Tag color={c.suggests === 'evicted' ? 'red' : c.suggests === 'graduated' ? 'green' : 'gold'}>{t(`enums.exitKind.${c.suggests}`)}</Tag> },
          { title: t('exits.candidates.facts'), key: 'facts', render: (_, c) => t(`exits.rule.${c.rule}`, c.facts) },
          {
            title: '',
            key: 'act',
            render: (_, c) => (
              <Button size="small" onClick={() => setProposing(c)} aria-label={`${t('exits.candidates.propose')} ${data?.names.get(c.startupId) ?? ''}`}>
                {t('exits.candidates.propose')}
              </Button>
            ),
          },
        ]}
      />
      {proposing && data && (
        <ProposeDialog
          startupId={proposing.startupId}
          name={data.names.get(proposing.startupId) ?? ''}
          kind={proposing.suggests}
          reasons={[ruleReason[proposing.rule]]}
          evidence={proposing.evidence}
          reports={data.reports.filter((r) => r.startupId === proposing.startupId)}
          evaluations={data.evaluations.filter((e) => e.startupId === proposing.startupId && e.status === 'finalized')}
          onClose={() => setProposing(undefined)}
        />
      )}
    </Space>
  );
}

const ruleReason = {
  graduationScience: 'criteriaMet',
  graduationEmployment: 'criteriaMet',
  periodEnded: 'periodEnded',
  agreementEnded: 'agreementEnded',
  failedEvaluations: 'failedEvaluations',
  noReports: 'noReports',
} as const;
