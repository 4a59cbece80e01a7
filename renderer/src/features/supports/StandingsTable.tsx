import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupportRules } from '@core/supports';
import { navigate } from '../../shell/route';
import { amountText, PAGE_SIZE, statusColor, supportOf, whyText, type EligibleRow } from './supportsData';

/** Supports for applicants, with what each condition found; the incubator's list and a startup's file share it. */
export function StandingsTable({
  rows,
  rules,
  showStartup,
  onRecord,
  loading,
  page,
}: {
  rows: EligibleRow[] | undefined;
  rules: SupportRules;
  showStartup: boolean;
  onRecord: (row: EligibleRow) => void;
  loading?: boolean;
  /** Set where `rows` is one page of a longer list (the incubator's): which page, of how many rows. */
  page?: { current: number; total: number; onChange: (page: number) => void };
}) {
  const { t } = useTranslation();
  const name = (r: EligibleRow) => t(`supports.name.${r.support}`);
  return (
    <Table<EligibleRow>
      size="small"
      rowKey="key"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false, ...page }}
      locale={{ emptyText: <Empty description={t('supports.noneEligible')} /> }}
      columns={[
        ...(showStartup ? [{ title: t('supports.col.startup'), key: 'startup', render: (_: unknown, r: EligibleRow) => <a href={`#/startups/${r.startupId}`}>{r.startupName}</a> }] : []),
        { title: t('supports.col.applicant'), key: 'applicant', render: (_, r) => r.applicantName },
        { title: t('supports.col.support'), key: 'support', render: (_, r) => <Space direction="vertical" size={0}><span>{name(r)}</span><Typography.Text type="secondary">{supportOf(rules, r.support).clause}</Typography.Text></Space> },
        {
          title: t('supports.col.status'),
          key: 'status',
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Tag color={statusColor[r.status]}>{t(`supports.status.${r.status}`)}</Tag>
              {r.soonOn && <Typography.Text type="secondary">{t('supports.soonOn', { on: r.soonOn })}</Typography.Text>}
              {r.until && <Typography.Text type="secondary">{t('supports.until', { until: r.until })}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('supports.col.why'),
          key: 'why',
          render: (_, r) => (
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {r.checks.map((c) => (
                <li key={c.kind} style={{ color: c.met ? undefined : c.reachable ? '#ad6800' : '#8c8c8c' }}>
                  {c.met ? '✓ ' : '✗ '}
                  {whyText(c, t)}
                </li>
              ))}
            </ul>
          ),
        },
        { title: t('supports.col.amount'), key: 'amount', render: (_, r) => amountText(supportOf(rules, r.support), t, r.amount) },
        {
          title: '',
          key: 'act',
          render: (_, r) => (
            <Space>
              {r.status !== 'claimed' && (
                <Button size="small" onClick={() => onRecord(r)} aria-label={t('supports.recordFor', { applicant: r.applicantName, support: name(r) })}>
                  {t('supports.record')}
                </Button>
              )}
              <Button
                size="small"
                type="link"
                onClick={() => navigate('supports', 'checklist', r.startupId, r.support, ...(r.founderId ? [r.founderId] : []))}
                aria-label={t('supports.checklistFor', { applicant: r.applicantName, support: name(r) })}
              >
                {t('supports.checklist')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
