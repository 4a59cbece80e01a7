import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supportIds, type StandingStatus, type SupportId, type SupportRules } from '@core/supports';
import { saveErrorText } from '../../shell/forms';
import { ClaimDialog } from './ClaimDialog';
import { eligibleSheet, saveSheet } from './exportSupports';
import { StandingsTable } from './StandingsTable';
import { statusColor, today, useEligibility, type EligibleRow } from './supportsData';

const statuses: StandingStatus[] = ['qualifies', 'soon', 'claimed', 'not'];

/** 可申请的扶持: every resident's supports, filtered by support, status and name, with counts. */
export function EligibleView({ rules }: { rules: SupportRules }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const data = useEligibility(rules);
  const [support, setSupport] = useState<SupportId | 'all'>('all');
  const [status, setStatus] = useState<StandingStatus | 'all'>('qualifies');
  const [search, setSearch] = useState('');
  const [recording, setRecording] = useState<EligibleRow>();
  const bySupport = (data?.rows ?? []).filter((r) => (support === 'all' || r.support === support) && (!search || r.startupName.includes(search) || r.applicantName.includes(search)));
  const rows = bySupport.filter((r) => status === 'all' || r.status === status);
  const count = (s: StandingStatus) => bySupport.filter((r) => r.status === s).length;
  const exportRows = async () => {
    try {
      await saveSheet(eligibleSheet(rows, rules), 'supports.sheet.eligibleFile', today());
      message.success(t('supports.exported'));
    } catch (error) {
      message.error(saveErrorText(error, t));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('supports.intro', { version: rules.version })} />
      <Space wrap>
        <Select<SupportId | 'all'>
          aria-label={t('supports.filter.support')}
          value={support}
          onChange={setSupport}
          style={{ width: 280 }}
          options={[{ value: 'all', label: t('supports.filter.all') }, ...supportIds.map((s) => ({ value: s, label: t(`supports.name.${s}`) }))]}
        />
        <Select<StandingStatus | 'all'>
          aria-label={t('supports.filter.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 200 }}
          options={[{ value: 'all', label: t('supports.filter.all') }, ...statuses.map((s) => ({ value: s, label: `${t(`supports.status.${s}`)}（${count(s)}）` }))]}
        />
        <Input.Search aria-label={t('supports.filter.search')} placeholder={t('supports.filter.search')} allowClear onChange={(e) => setSearch(e.target.value.trim())} style={{ width: 220 }} />
        <Button icon={<DownloadOutlined />} onClick={() => void exportRows()} disabled={!data}>
          {t('supports.exportEligible')}
        </Button>
      </Space>
      <Space wrap role="status" aria-label={t('supports.counts')}>
        {statuses.map((s) => (
          <Tag key={s} color={statusColor[s]}>
            {t('supports.count', { status: t(`supports.status.${s}`), n: count(s) })}
          </Tag>
        ))}
      </Space>
      <StandingsTable rows={rows} rules={rules} showStartup loading={!data} onRecord={setRecording} />
      {recording && (
        <ClaimDialog startupId={recording.startupId} startupName={recording.startupName} rules={rules} support={recording.support} founderId={recording.founderId} onClose={() => setRecording(undefined)} />
      )}
    </Space>
  );
}
