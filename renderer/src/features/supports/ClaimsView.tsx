import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Claim } from '@core/records';
import { dueReminders, type SupportRules } from '@core/supports';
import { saveErrorText } from '../../shell/forms';
import { allClaims } from '../../store/claims';
import { db } from '../../store/db';
import { ClaimDialog } from './ClaimDialog';
import { claimsSheet, saveSheet } from './exportSupports';
import { stateColor, today } from './supportsData';

/** Every claim, newest first, with its state, amounts, dates and reminder. */
export function ClaimsView({ rules }: { rules: SupportRules }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const data = useLiveQuery(async () => {
    const claims = await allClaims(db);
    const startupIds = [...new Set(claims.map((c) => c.startupId))];
    const [startups, founders] = await Promise.all([db.startups.bulkGet(startupIds), db.founders.where('startupId').anyOf(startupIds).toArray()]);
    return {
      claims: claims.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
      startups: new Map(startups.flatMap((s) => (s ? [[s.id, s] as const] : []))),
      founders: new Map(founders.map((f) => [f.id, f] as const)),
    };
  }, []);
  const [editing, setEditing] = useState<Claim>();
  const startupName = (c: Claim) => data?.startups.get(c.startupId)?.name ?? '';
  const applicant = (c: Claim) => (c.founderId && data?.founders.get(c.founderId)?.name) || startupName(c);
  const exportRows = async () => {
    if (!data) return;
    try {
      await saveSheet(claimsSheet(data.claims, data.startups, data.founders, rules), 'supports.sheet.claimsFile', today());
      message.success(t('supports.exported'));
    } catch (error) {
      message.error(saveErrorText(error, t));
    }
  };
  const reminders = data ? dueReminders(data.claims, today(), rules.soonDays) : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {reminders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="region"
          aria-label={t('supports.reminders')}
          title={t('supports.reminders')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {reminders.map((c) => (
                <li key={c.id}>{t('supports.reminder', { on: c.remindOn, applicant: applicant(c), support: t(`supports.name.${c.support}`) })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Button icon={<DownloadOutlined />} onClick={() => void exportRows()} disabled={!data}>
        {t('supports.exportClaims')}
      </Button>
      <Table<Claim>
        size="small"
        rowKey="id"
        loading={!data}
        dataSource={data?.claims}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('supports.noClaims')} /> }}
        columns={[
          { title: t('supports.col.startup'), key: 'startup', render: (_, c) => <a href={`#/startups/${c.startupId}`}>{startupName(c)}</a> },
          { title: t('supports.col.applicant'), key: 'applicant', render: (_, c) => applicant(c) },
          { title: t('supports.col.support'), key: 'support', render: (_, c) => t(`supports.name.${c.support}`) },
          {
            title: t('supports.col.state'),
            key: 'state',
            render: (_, c) => (
              <Space size={4} wrap>
                <Tag color={stateColor[c.state]}>{t(`supports.state.${c.state}`)}</Tag>
                {!c.qualified && <Tag color="orange" title={c.reason}>{t('supports.notQualifiedTag')}</Tag>}
              </Space>
            ),
          },
          { title: t('supports.col.asked'), key: 'asked', align: 'right', render: (_, c) => c.amountAsked.toLocaleString() },
          { title: t('supports.col.granted'), key: 'granted', align: 'right', render: (_, c) => c.amountGranted?.toLocaleString() ?? '—' },
          { title: t('supports.col.submittedOn'), key: 'submittedOn', render: (_, c) => c.submittedOn ?? '—' },
          { title: t('supports.col.decidedOn'), key: 'decidedOn', render: (_, c) => c.decidedOn ?? '—' },
          { title: t('supports.col.remindOn'), key: 'remindOn', render: (_, c) => c.remindOn ?? '—' },
          {
            title: '',
            key: 'act',
            render: (_, c) => (
              <Button size="small" onClick={() => setEditing(c)} aria-label={t('supports.editFor', { applicant: applicant(c), support: t(`supports.name.${c.support}`) })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <ClaimDialog startupId={editing.startupId} startupName={startupName(editing)} rules={rules} claim={editing} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}
