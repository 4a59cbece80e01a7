import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewReportImport, type ReportPreviewRow } from '@core/reports';
import { openTable } from '../../files/openTable';
import { tableErrorText } from '../../files/tableErrorText';
import { db } from '../../store/db';
import { reportsForPeriod, residentsIn, saveReports } from '../../store/reports';

type Preview = ReturnType<typeof previewReportImport> & { file: string };

/** A period's figures from a sheet: read, matched and checked row by row before anything is written. */
export function ImportPeriod({ period }: { period: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<Preview>();
  const [importing, setImporting] = useState(false);

  const read = async (file: File) => {
    try {
      const table = await openTable(new Uint8Array(await file.arrayBuffer()), file.name);
      const [startups, filed] = await Promise.all([residentsIn(db, period), reportsForPeriod(db, period)]);
      setPreview({ ...previewReportImport(table.rows, { period, startups, filed: new Set(filed.map((r) => r.startupId)) }), file: file.name });
    } catch (error) {
      message.error(tableErrorText(error, t));
    }
  };

  const ready = preview?.rows.filter((r) => r.status === 'ok') ?? [];
  const run = async () => {
    setImporting(true);
    try {
      const { saved } = await saveReports(db, ready.map((r) => r.report));
      message.success(t('reports.import.done', { count: saved.length }));
      setPreview(undefined);
    } finally {
      setImporting(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('reports.import.hint')}</Typography.Text>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('reports.import.pick')}</Button>
      </Upload>
      {preview && (
        <>
          {preview.missing.length > 0 && <Alert type="error" showIcon title={t('reports.import.missing', { columns: preview.missing.map((c) => t(c === 'name' ? 'reports.startup' : `reports.fields.${c}`)).join('、') })} />}
          <Typography.Text aria-live="polite">
            {preview.file}：{t('reports.import.counts', { total: preview.rows.length, ok: ready.length, error: preview.rows.length - ready.length })}
          </Typography.Text>
          <Table<ReportPreviewRow>
            size="small"
            rowKey="row"
            dataSource={preview.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('reports.import.row'), dataIndex: 'row', width: 70 },
              { title: t('reports.startup'), dataIndex: 'name', width: 260 },
              {
                title: t('reports.import.result'),
                key: 'result',
                render: (_, r) =>
                  r.status === 'ok' ? (
                    <Tag color={r.replaces ? 'orange' : 'green'}>{t(r.replaces ? 'reports.import.replaces' : 'reports.import.ok')}</Tag>
                  ) : (
                    <Typography.Text type="danger">{r.errors.map((e) => t(e.key, e.params)).join('；')}</Typography.Text>
                  ),
              },
            ]}
          />
          <Button type="primary" disabled={!ready.length || preview.missing.length > 0} loading={importing} onClick={() => void run()}>
            {t('reports.import.run', { count: ready.length })}
          </Button>
        </>
      )}
    </Space>
  );
}
