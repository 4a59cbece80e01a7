import { Alert, App, Button, Checkbox, Input, InputNumber, Modal, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importFields, missingRequired, type ColumnMapping, type ImportDefaults, type ImportField, type ImportPreview, type PreviewRow, type Reason } from '@core/import';
import { entityTypes, fields, industries, stages } from '@core/records';
import { saveErrorText } from '../../shell/forms';
import { db } from '../../store/db';
import { importResidents, type ImportProgress } from '../../store/importResidents';
import { changeText } from './changeText';
import { openImportSheet, previewSheet } from './importSheet';

type Step = { kind: 'pick' } | { kind: 'map'; table: string[][]; headerRow: number; columns: ColumnMapping } | { kind: 'preview'; preview: ImportPreview };

/** Required fields neither mapped nor given one value for all rows; a credit code column also gives the entity type. */
const stillMissing = (columns: ColumnMapping, defaults: ImportDefaults) =>
  missingRequired(columns, [...(Object.keys(defaults) as ImportField[]), ...(columns.includes('creditCode') ? (['entityType'] as const) : [])]);

const reasonText = (r: Reason, t: TFunction) => `${r.field ? `${t(`import.fields.${r.field}`)}：` : ''}${t(r.key, r.params)}`;

type GoodRow = Extract<PreviewRow, { startup: unknown }>;
/** A row for a startup the desk holds that changes nothing (无变化): never written. */
const unchanged = (r: GoodRow) => !!r.updates && r.changes?.length === 0;
/** The rows an import writes: good ones, less those that change nothing, less updates when the manager declined them. */
const rowsToImport = (p: ImportPreview, updateExisting: boolean) =>
  p.rows.filter((r): r is GoodRow => r.status !== 'error' && !unchanged(r) && (updateExisting || !r.updates));

/** The summary as the import will run: with updates declined, rows already in the desk are announced as skipped. */
function summaryText(p: ImportPreview, updateExisting: boolean, t: TFunction) {
  const going = rowsToImport(p, updateExisting);
  const counts = { total: p.rows.length, ok: going.filter((r) => r.status === 'ok').length, warning: going.filter((r) => r.status === 'warning').length, error: p.counts.error };
  if (updateExisting) return t('startups.importer.summary', { ...counts, updates: p.counts.updates, unchanged: p.counts.unchanged });
  return t('startups.importer.summaryNoUpdates', { ...counts, existing: p.counts.updates + p.counts.unchanged });
}

/** Pick a file → (map its columns where names differ) → preview every row → import the good ones. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [error, setError] = useState<string>();
  const [defaults, setDefaults] = useState<ImportDefaults>({});
  const [updateExisting, setUpdateExisting] = useState(true);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress>();

  const preview = async (table: string[][], headerRow: number, columns: ColumnMapping) => {
    setBusy(true);
    try {
      setStep({ kind: 'preview', preview: await previewSheet(db, table, headerRow, columns, defaults) });
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: File) => {
    setError(undefined);
    setBusy(true);
    try {
      const { table, headerRow, mapping } = await openImportSheet(new Uint8Array(await file.arrayBuffer()), file.name);
      if (mapping.unmapped.length || mapping.missingRequired.length) setStep({ kind: 'map', table, headerRow, columns: mapping.columns });
      else await preview(table, headerRow, mapping.columns);
    } catch (e) {
      setError(e instanceof Error && e.name === 'UnsupportedTableError' ? t('import.unsupportedFile') : String(e));
    } finally {
      setBusy(false);
    }
  };

  const importRows = async (p: ImportPreview) => {
    const good = rowsToImport(p, updateExisting);
    setBusy(true);
    setProgress({ done: 0, total: good.length });
    try {
      const { added, updated } = await importResidents(db, good, setProgress);
      message.success(t('startups.importer.imported', { added, updated }));
      onClose();
    } catch (e) {
      message.error(saveErrorText(e, t));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const footer =
    step.kind === 'map' ? (
      <Button type="primary" disabled={stillMissing(step.columns, defaults).length > 0} loading={busy} onClick={() => void preview(step.table, step.headerRow, step.columns)}>
        {t('startups.importer.toPreview')}
      </Button>
    ) : step.kind === 'preview' ? (
      <Space>
        <Button onClick={() => setStep({ kind: 'pick' })}>{t('startups.importer.back')}</Button>
        {(() => {
          const count = rowsToImport(step.preview, updateExisting).length;
          return (
            <Button type="primary" disabled={count === 0} loading={busy} onClick={() => void importRows(step.preview)}>
              {t('startups.importer.importGood', { count })}
            </Button>
          );
        })()}
      </Space>
    ) : null;

  return (
    <Modal open width={1100} title={t('startups.importer.title')} onCancel={onClose} footer={footer} destroyOnHidden>
      {step.kind === 'pick' && (
        <Space direction="vertical">
          <Typography.Paragraph>{t('startups.importer.intro')}</Typography.Paragraph>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(file) => (void pick(file), false)}>
            <Button type="primary" loading={busy}>
              {t('startups.importer.chooseFile')}
            </Button>
          </Upload>
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      )}
      {step.kind === 'map' && <MappingStep step={step} setColumns={(columns) => setStep({ ...step, columns })} defaults={defaults} setDefaults={setDefaults} />}
      {step.kind === 'preview' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type={step.preview.counts.error ? 'warning' : 'success'}
            showIcon
            title={summaryText(step.preview, updateExisting, t)}
          />
          <Space>
            <Checkbox checked={updateExisting} onChange={(e) => setUpdateExisting(e.target.checked)}>
              {t('startups.importer.updateExisting')}
            </Checkbox>
            <Checkbox checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)}>
              {t('startups.importer.onlyErrors')}
            </Checkbox>
          </Space>
          {progress && <Progress percent={Math.round((progress.done / progress.total) * 100)} format={() => t('import.importing', { ...progress })} />}
          <PreviewTable rows={onlyProblems ? step.preview.rows.filter((r) => r.status !== 'ok') : step.preview.rows} updateExisting={updateExisting} />
        </Space>
      )}
    </Modal>
  );
}

function MappingStep({ step, setColumns, defaults, setDefaults }: { step: Extract<Step, { kind: 'map' }>; setColumns: (c: ColumnMapping) => void; defaults: ImportDefaults; setDefaults: (d: ImportDefaults) => void }) {
  const { t } = useTranslation();
  const headers = step.table[step.headerRow] ?? [];
  const missing = stillMissing(step.columns, {});
  const options = [{ value: '', label: t('startups.importer.skip') }, ...importFields.map((f) => ({ value: f, label: t(`import.fields.${f}`) }))];
  const enumOptions: Partial<Record<ImportField, { value: string; label: string }[]>> = {
    entityType: entityTypes.map((v) => ({ value: v, label: t(`enums.entityType.${v}`) })),
    industry: industries.map((v) => ({ value: v, label: `${v} ${t(`enums.industry.${v}`)}` })),
    field: fields.map((v) => ({ value: v, label: t(`enums.field.${v}`) })),
    stage: stages.map((v) => ({ value: v, label: t(`enums.stage.${v}`) })),
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('startups.importer.mappingIntro')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="index"
        scroll={{ y: 360 }}
        dataSource={headers.map((header, index) => ({ header, index }))}
        columns={[
          { title: t('startups.importer.column'), dataIndex: 'header' },
          {
            title: t('startups.importer.target'),
            key: 'target',
            render: (_, { header, index }) => (
              <Select
                aria-label={`${t('startups.importer.target')} ${header}`}
                style={{ width: 220 }}
                value={step.columns[index] ?? ''}
                options={options}
                onChange={(v: string) => setColumns(step.columns.map((c, i) => (i === index ? ((v || null) as ImportField | null) : c)))}
              />
            ),
          },
        ]}
      />
      {missing.map((field) => (
        <Space key={field}>
          <Alert type="warning" showIcon title={t('import.missingColumn', { field: t(`import.fields.${field}`) })} />
          {field === 'area' ? (
            <InputNumber aria-label={t('startups.importer.defaultFor', { field: t('import.fields.area') })} min={0} onChange={(v) => setDefaults({ ...defaults, area: v ?? undefined })} />
          ) : enumOptions[field] ? (
            <Select
              aria-label={t('startups.importer.defaultFor', { field: t(`import.fields.${field}`) })}
              style={{ width: 260 }}
              options={enumOptions[field]}
              onChange={(v: string) => setDefaults({ ...defaults, [field]: v })}
            />
          ) : (
            <Input disabled aria-label={t(`import.fields.${field}`)} />
          )}
        </Space>
      ))}
    </Space>
  );
}

function PreviewTable({ rows, updateExisting }: { rows: PreviewRow[]; updateExisting: boolean }) {
  const { t } = useTranslation();
  const color = { ok: 'green', warning: 'gold', error: 'red' } as const;
  return (
    <Table<PreviewRow>
      size="small"
      rowKey="row"
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ y: 420, x: 1000 }}
      dataSource={rows}
      columns={[
        { title: t('startups.importer.rowColumn'), dataIndex: 'row', width: 80, render: (row: number) => t('import.row', { row }) },
        {
          title: t('startups.importer.statusColumn'),
          key: 'status',
          width: 150,
          render: (_, r) => ('startup' in r && unchanged(r) ? <Tag>{t('import.unchanged')}</Tag> : <Tag color={color[r.status]}>{t(`import.status.${r.status}`)}</Tag>),
        },
        { title: t('import.fields.name'), key: 'name', width: 240, render: (_, r) => ('startup' in r ? r.startup.name : '') },
        { title: t('import.fields.creditCode'), key: 'code', width: 190, render: (_, r) => ('startup' in r ? (r.startup.creditCode ?? '') : '') },
        {
          title: t('startups.importer.reasons'),
          key: 'reasons',
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              {'startup' in r && r.updates && <ExistingStartup row={r} updateExisting={updateExisting} />}
              {(r.status === 'error' ? r.errors : []).map((x, i) => (
                <Typography.Text key={`e${i}`} type="danger">
                  {reasonText(x, t)}
                </Typography.Text>
              ))}
              {r.warnings.map((x, i) => (
                <Typography.Text key={`w${i}`} type="warning">
                  {reasonText(x, t)}
                </Typography.Text>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** Which startup in the desk a row updates, and the fields it changes (before → after); declined updates say they are skipped. */
function ExistingStartup({ row, updateExisting }: { row: GoodRow; updateExisting: boolean }) {
  const { t } = useTranslation();
  const name = row.holderName ?? '';
  if (!updateExisting) return <Typography.Text type="secondary">{t('import.skipsExisting', { name })}</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text type="secondary">{t('import.inLedger', { name })}</Typography.Text>
      {(row.changes ?? []).map((c) => (
        <Typography.Text key={c.field}>{changeText(c, t)}</Typography.Text>
      ))}
    </Space>
  );
}
