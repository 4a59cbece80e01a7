import { Alert, Card, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../http/consoleApi';
import { api, errorText } from './api';
import { type RegionWords, useRegions } from './useRegions';

/** Each word of the carrier's own vocabulary (line, level, status) in the reader's language. */
const valueKeys: Record<string, string> = { line: 'carrierWords.lines', level: 'carrierWords.levels', status: 'carrierWords.rosterStatus', result: 'audit.values', designated: 'audit.values' };

function valueText(t: TFunction, regions: RegionWords, key: string, value: unknown): string {
  if (key === 'regionCode') return regions.label(String(value));
  return valueKeys[key] ? t(`${valueKeys[key]}.${String(value)}`) : String(value);
}

/** The detail as "field: value" pairs in the reader's language; names and notes stay as written. */
function detailText(t: TFunction, regions: RegionWords, detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${t(`audit.fields.${key}`, { defaultValue: key })}: ${valueText(t, regions, key, value)}`)
    .join(t('audit.separator'));
}

export function AuditPage() {
  const { t } = useTranslation();
  const regions = useRegions();
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<{ entries: AuditEntry[] }>('GET', '/audit').then((a) => setEntries(a.entries), (err: unknown) => setError(errorText(t, err)));
  }, [t]);
  return (
    <Card title={t('audit.title')} role="region" aria-label={t('audit.title')}>
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" title={error} />}
      <Table<AuditEntry>
        rowKey="id"
        loading={!entries && !error}
        dataSource={entries}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('audit.login'), dataIndex: 'login' },
          { title: t('audit.action'), dataIndex: 'action', render: (action: string) => t(`audit.actions.${action}`) },
          { title: t('audit.carrier'), dataIndex: 'carrierCode' },
          { title: t('audit.detail'), dataIndex: 'detail', render: (detail: Record<string, unknown>) => detailText(t, regions, detail) },
        ]}
      />
    </Card>
  );
}
