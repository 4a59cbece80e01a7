import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supportIds, type StandingStatus, type SupportId, type SupportRules } from '@core/supports';
import { saveErrorText } from '../../shell/forms';
import { ClaimDialog } from './ClaimDialog';
import { eligibleSheet, saveSheet } from './exportSupports';
import { StandingsTable } from './StandingsTable';
import { db } from '../../store/db';
import { filterEligibility, standingStatuses as statuses, standingsAt, type FilteredEligibility } from '../../store/eligibilityList';
import { PAGE_SIZE, statusColor, today, useEligibilityList, useStandingsAt, type EligibleRow } from './supportsData';

/** 可申请的扶持: every resident's supports, filtered by support, status and name, with counts. */
export function EligibleView({ rules }: { rules: SupportRules }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { list, judged, rejudge } = useEligibilityList(rules);
  const [support, setSupport] = useState<SupportId | 'all'>('all');
  const [status, setStatus] = useState<StandingStatus | 'all'>('qualifies');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<EligibleRow>();
  // Exact counts and the rows kept, over every standing of every resident, in one pass.
  const [filtered, setFiltered] = useState<FilteredEligibility>();
  useEffect(() => {
    if (!list) return;
    const stop = new AbortController();
    void filterEligibility(list, { support, status, search }, stop.signal).then((f) => f && setFiltered(f));
    return () => stop.abort();
  }, [list, support, status, search]);
  useEffect(() => setPage(1), [support, status, search]);
  const onPage = useMemo(() => filtered?.rows.subarray((page - 1) * PAGE_SIZE, page * PAGE_SIZE), [filtered, page]);
  const shown = useStandingsAt(list, onPage, rules);
  const count = (s: StandingStatus) => filtered?.counts[s] ?? 0;
  const exportRows = async () => {
    try {
      // Every row the filter keeps, judged again in full (the list holds their status alone).
      const rows = list && filtered ? await standingsAt(db, list, filtered.rows, rules, today()) : [];
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
        <Button icon={<DownloadOutlined />} onClick={() => void exportRows()} disabled={!filtered}>
          {t('supports.exportEligible')}
        </Button>
      </Space>
      <Space wrap role="status" aria-label={t('supports.counts')}>
        {!list && <span>{t('supports.judging', { n: judged ?? 0 })}</span>}
        {list && statuses.map((s) => (
          <Tag key={s} color={statusColor[s]}>
            {t('supports.count', { status: t(`supports.status.${s}`), n: count(s) })}
          </Tag>
        ))}
      </Space>
      <StandingsTable
        rows={shown}
        rules={rules}
        showStartup
        loading={!shown}
        onRecord={setRecording}
        page={{ current: page, total: filtered?.rows.length ?? 0, onChange: setPage }}
      />
      {recording && (
        <ClaimDialog
          startupId={recording.startupId}
          startupName={recording.startupName}
          rules={rules}
          support={recording.support}
          founderId={recording.founderId}
          onClose={() => {
            // The claim shows in the list at once; the rescan its save starts follows.
            rejudge(recording.startupId);
            setRecording(undefined);
          }}
        />
      )}
    </Space>
  );
}
