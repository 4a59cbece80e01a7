import { Alert, App, Button, Checkbox, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMoney, reportFigures } from '@core/reports';
import type { Startup } from '@core/records';
import { db } from '../../store/db';
import { reportsForPeriod, residentsIn, saveReports } from '../../store/reports';
import { ReportForm } from './ReportForm';
import './reports.css';
import { inputOf, issuesOf, valuesOf, type Issue, type RowValues } from './rows';

interface GridRow {
  startup: Startup;
  values: RowValues;
  filed: boolean;
  changed: boolean;
  issues: Issue[];
}

/**
 * A whole period at once: one row per resident, one cell per figure. Edits stay on screen until saved;
 * each row is checked as it is typed, and saving writes the valid changed rows, keeping the rest.
 */
export function ReportGrid({ period }: { period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const residents = useLiveQuery(() => residentsIn(db, period), [period]);
  const reports = useLiveQuery(() => reportsForPeriod(db, period), [period]);
  const [edits, setEdits] = useState<Map<string, RowValues>>(new Map());
  const [saving, setSaving] = useState(false);
  const [detail, setDetail] = useState<GridRow>();

  const rows = useMemo<GridRow[]>(() => {
    const filed = new Map((reports ?? []).map((r) => [r.startupId, r]));
    return (residents ?? []).map((startup) => {
      const edit = edits.get(startup.id);
      const values = { ...valuesOf(filed.get(startup.id)), ...edit };
      return { startup, values, filed: filed.has(startup.id), changed: !!edit, issues: edit ? issuesOf(inputOf(startup.id, period, values)) : [] };
    });
  }, [residents, reports, edits, period]);

  const edit = (id: string, patch: RowValues) => setEdits((m) => new Map(m).set(id, { ...m.get(id), ...patch }));
  const changed = rows.filter((r) => r.changed);
  const invalid = changed.filter((r) => r.issues.length > 0);

  const save = async () => {
    setSaving(true);
    try {
      const { saved, failed } = await saveReports(db, changed.map((r) => inputOf(r.startup.id, period, r.values)));
      const savedIds = new Set(saved.map((r) => r.startupId));
      setEdits((m) => new Map([...m].filter(([id]) => !savedIds.has(id))));
      if (saved.length) message.success(t('reports.savedRows', { count: saved.length }));
      if (failed.length) message.error(t('reports.failedRows', { count: failed.length }));
    } finally {
      setSaving(false);
    }
  };

  const name = (r: GridRow) => r.startup.name;
  const columns: ColumnsType<GridRow> = [
    { title: t('reports.startup'), key: 'name', fixed: 'left', width: 230, ellipsis: true, render: (_, r) => name(r) },
    {
      title: t('reports.state'),
      key: 'state',
      width: 190,
      render: (_, r) =>
        r.issues.length ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {[...new Set(r.issues.map((i) => t(i.message)))].join('；')}
          </Typography.Text>
        ) : r.changed ? (
          <Tag color="blue">{t('reports.changed')}</Tag>
        ) : r.filed ? (
          <Tag color="green">{t('reports.filed')}</Tag>
        ) : (
          <Tag>{t('reports.notFiled')}</Tag>
        ),
    },
    ...reportFigures.map((field) => ({
      title: t(`reports.fields.${field}`),
      key: field,
      width: isMoney(field) ? 130 : 96,
      render: (_: unknown, r: GridRow) => (
        <InputNumber
          size="small"
          aria-label={t('reports.cell', { startup: name(r), field: t(`reports.fields.${field}`) })}
          value={r.values[field]}
          status={r.issues.some((i) => i.path[0] === field) ? 'error' : undefined}
          min={field === 'netProfit' ? undefined : 0}
          precision={isMoney(field) ? 2 : 0}
          style={{ width: '100%' }}
          onChange={(v) => edit(r.startup.id, { [field]: v ?? undefined })}
        />
      ),
    })),
    {
      title: t('reports.fields.highTech'),
      key: 'highTech',
      width: 120,
      render: (_, r) => <Checkbox aria-label={t('reports.cell', { startup: name(r), field: t('reports.fields.highTech') })} checked={!!r.values.highTech} onChange={(e) => edit(r.startup.id, { highTech: e.target.checked })} />,
    },
    {
      title: t('reports.detail'),
      key: 'detail',
      fixed: 'right',
      width: 100,
      render: (_, r) => (
        <Button size="small" type="link" aria-label={t('reports.detailOf', { startup: name(r) })} onClick={() => setDetail(r)}>
          {t('reports.detail')}
        </Button>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('reports.gridHint')}</Typography.Text>
      <Space>
        <Button type="primary" disabled={!changed.length} loading={saving} onClick={() => void save()}>
          {t('reports.save', { count: changed.length })}
        </Button>
        <Button disabled={!changed.length} onClick={() => setEdits(new Map())}>
          {t('reports.discard')}
        </Button>
      </Space>
      {invalid.length > 0 && <Alert type="error" showIcon title={t('reports.invalidRows', { count: invalid.length })} />}
      <Table<GridRow>
        virtual
        size="small"
        rowKey={(r) => r.startup.id}
        loading={!residents || !reports}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('reports.noResidents') }}
        rowClassName={(r) => (r.issues.length ? 'row-invalid' : '')}
        scroll={{ x: 2500, y: Math.max(320, window.innerHeight - 380) }}
      />
      {detail && (
        <ReportForm
          startup={detail.startup}
          period={period}
          values={detail.values}
          onClose={(saved) => {
            if (saved) setEdits((m) => new Map([...m].filter(([id]) => id !== detail.startup.id)));
            setDetail(undefined);
          }}
        />
      )}
    </Space>
  );
}
