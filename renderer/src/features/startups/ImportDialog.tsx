import { Alert, App, Button, Checkbox, Modal, Progress, Select, Space, Typography, Upload } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isImportable, type ColumnMapping, type ImportDefaults, type ImportField, type ImportPreview, type PreviewRow } from '@core/import';
import { defaultRuleSet, type Startup } from '@core/records';
import { tableErrorText } from '../../files/tableErrorText';
import { saveErrorText } from '../../shell/forms';
import { getCarrier } from '../../store/carrier';
import { db } from '../../store/db';
import { importResidents, type ImportProgress } from '../../store/importResidents';
import { ImportMapping, stillMissing } from './ImportMapping';
import { ImportPreviewTable, unchanged } from './ImportPreviewTable';
import { industryOptions } from './industryOptions';
import { openImportSheet, previewSheet } from './importSheet';

type Sheet = { table: string[][]; headerRow: number; columns: ColumnMapping };
type Step = { kind: 'pick' } | ({ kind: 'map' } & Sheet) | ({ kind: 'preview'; preview: ImportPreview } & Sheet);

/** A row's industry set by the manager: confirmed by a person, so no longer the desk's proposal. */
function withIndustry(row: PreviewRow, industry: string | undefined): PreviewRow {
  if (!isImportable(row)) return row;
  const proposed = (row.startup.proposed ?? []).filter((f) => f !== 'industry');
  const startup: Startup = { ...row.startup, industry, proposed: proposed.length > 0 ? proposed : undefined };
  if (industry === undefined) delete startup.industry;
  if (startup.proposed === undefined) delete startup.proposed;
  return { ...row, startup };
}

/** The rows an import writes: good ones, less those that change nothing, less updates when the manager declined them. */
const rowsToImport = (p: ImportPreview, updateExisting: boolean) => p.rows.filter(isImportable).filter((r) => !unchanged(r) && (updateExisting || !r.updates));

/** The summary as the import will run: with updates declined, rows already in the desk are announced as skipped. */
function summaryText(p: ImportPreview, updateExisting: boolean, t: TFunction) {
  const going = rowsToImport(p, updateExisting);
  const counts = { total: p.rows.length, ok: going.filter((r) => r.status === 'ok').length, warning: going.filter((r) => r.status === 'warning').length, error: p.counts.error, skipped: p.counts.skipped };
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
  const incubationMonths = useLiveQuery(async () => ((await getCarrier(db))?.rules ?? defaultRuleSet).incubationMonths, []) ?? defaultRuleSet.incubationMonths;

  const preview = async (sheet: Sheet) => {
    setBusy(true);
    try {
      const { table, headerRow, columns } = sheet;
      setStep({ kind: 'preview', table, headerRow, columns, preview: await previewSheet(db, table, headerRow, columns, defaults) });
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: File) => {
    setError(undefined);
    setBusy(true);
    try {
      const { table, headerRow, mapping } = await openImportSheet(new Uint8Array(await file.arrayBuffer()), file.name);
      const sheet = { table, headerRow, columns: mapping.columns };
      if (mapping.unmapped.length || mapping.missingRequired.length) setStep({ kind: 'map', ...sheet });
      else await preview(sheet);
    } catch (e) {
      setError(tableErrorText(e, t));
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

  const headers = step.kind === 'pick' ? [] : (step.table[step.headerRow] ?? []);
  const headerOf = (field: ImportField) => {
    const index = step.kind === 'pick' ? -1 : step.columns.indexOf(field);
    return headers[index]?.trim() || t(`import.fields.${field}`);
  };
  const setRows = (change: (rows: PreviewRow[]) => PreviewRow[]) => {
    if (step.kind === 'preview') setStep({ ...step, preview: { ...step.preview, rows: change(step.preview.rows) } });
  };

  const footer =
    step.kind === 'map' ? (
      <Button type="primary" disabled={stillMissing(step.columns, defaults).length > 0} loading={busy} onClick={() => void preview(step)}>
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
    // The body scrolls within the window, so the buttons stay on screen at 1366×768.
    <Modal open width={1200} style={{ top: 16 }} styles={{ body: { maxHeight: 'calc(100vh - 150px)', overflowY: 'auto' } }} title={t('startups.importer.title')} onCancel={onClose} footer={footer} destroyOnHidden>
      {step.kind === 'pick' && (
        // An .xls can be picked, to be told how to save it as .xlsx.
        <Space direction="vertical">
          <Typography.Paragraph>{t('startups.importer.intro')}</Typography.Paragraph>
          <Upload accept=".xlsx,.xls,.csv,.txt" showUploadList={false} beforeUpload={(file) => (void pick(file), false)}>
            <Button type="primary" loading={busy}>
              {t('startups.importer.chooseFile')}
            </Button>
          </Upload>
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      )}
      {step.kind === 'map' && (
        <ImportMapping headers={headers} columns={step.columns} setColumns={(columns) => setStep({ ...step, columns })} defaults={defaults} setDefaults={setDefaults} incubationMonths={incubationMonths} />
      )}
      {step.kind === 'preview' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type={step.preview.counts.error ? 'warning' : 'success'} showIcon title={summaryText(step.preview, updateExisting, t)} />
          <Space wrap>
            <Checkbox checked={updateExisting} onChange={(e) => setUpdateExisting(e.target.checked)}>
              {t('startups.importer.updateExisting')}
            </Checkbox>
            <Checkbox checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)}>
              {t('startups.importer.onlyErrors')}
            </Checkbox>
            <IndustryForAll rows={step.preview.rows} setRows={setRows} />
          </Space>
          {progress && <Progress percent={Math.round((progress.done / progress.total) * 100)} format={() => t('import.importing', { ...progress })} />}
          <ImportPreviewTable
            rows={onlyProblems ? step.preview.rows.filter((r) => r.status === 'warning' || r.status === 'error') : step.preview.rows}
            headerOf={headerOf}
            incubationMonths={incubationMonths}
            updateExisting={updateExisting}
            setIndustry={(row, industry) => setRows((rows) => rows.map((r) => (r.row === row ? withIndustry(r, industry) : r)))}
          />
        </Space>
      )}
    </Modal>
  );
}

/** The industry for all rows at once: accept every proposal, or set one industry for every row the file left without. */
function IndustryForAll({ rows, setRows }: { rows: PreviewRow[]; setRows: (change: (rows: PreviewRow[]) => PreviewRow[]) => void }) {
  const { t } = useTranslation();
  const proposals = rows.filter((r) => isImportable(r) && r.startup.proposed?.includes('industry')).length;
  const open = rows.filter((r) => isImportable(r) && (r.startup.industry === undefined || r.startup.proposed?.includes('industry'))).length;
  if (open === 0) return null;
  return (
    <Space wrap>
      {proposals > 0 && (
        <Button onClick={() => setRows((all) => all.map((r) => (isImportable(r) && r.startup.proposed?.includes('industry') ? withIndustry(r, r.startup.industry) : r)))}>
          {t('startups.importer.acceptAll', { count: proposals })}
        </Button>
      )}
      <Select
        aria-label={t('startups.importer.industryForAll')}
        placeholder={t('startups.importer.industryForAll')}
        style={{ width: 300 }}
        showSearch
        optionFilterProp="label"
        value={null}
        options={industryOptions(t)}
        onChange={(v: string) =>
          setRows((all) => all.map((r) => (isImportable(r) && (r.startup.industry === undefined || r.startup.proposed?.includes('industry')) ? withIndustry(r, v) : r)))
        }
      />
    </Space>
  );
}
