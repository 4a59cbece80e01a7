import { Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isImportable, type ImportableRow, type ImportField, type PreviewRow, type Reason } from '@core/import';
import { completionGaps } from '@core/records';
import { changeText } from './changeText';
import { industryOptions } from './industryOptions';
import { MaskedId } from './MaskedId';

/** A reason names the column as the file heads it (联系方式, not 联系电话), so the manager finds the cell. */
const reasonText = (r: Reason, t: TFunction, headerOf: (f: ImportField) => string) => `${r.field ? `${headerOf(r.field)}：` : ''}${t(r.key, r.params)}`;

/** A row for a startup the desk holds that changes nothing (无变化): never written. */
export const unchanged = (r: ImportableRow) => !!r.updates && r.changes?.length === 0;

const STATUS_COLOR = { ok: 'green', warning: 'gold', error: 'red', skipped: 'default' } as const;

interface Props {
  rows: PreviewRow[];
  headerOf: (field: ImportField) => string;
  incubationMonths: number;
  /** Whether rows for startups the desk holds update them (else they are skipped). */
  updateExisting: boolean;
  /** Sets a row's industry (a person's choice, so no longer proposed); undefined leaves it to complete. */
  setIndustry: (row: number, industry: string | undefined) => void;
}

/** Every row as the import read it (error rows too), with its fate, what the desk proposed, and why. */
export function ImportPreviewTable({ rows, headerOf, incubationMonths, updateExisting, setIndustry }: Props) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language);
  const read = (r: PreviewRow) => (r.status === 'skipped' ? undefined : r.read);
  return (
    <Table<PreviewRow>
      size="small"
      rowKey="row"
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ y: 'calc(100vh - 440px)', x: 2500 }}
      dataSource={rows}
      columns={[
        { title: t('startups.importer.rowColumn'), dataIndex: 'row', width: 80, fixed: 'left', render: (row: number) => t('import.row', { row }) },
        { title: t('startups.importer.statusColumn'), key: 'status', width: 220, render: (_, r) => (isImportable(r) && unchanged(r) ? <Tag>{t('import.unchanged')}</Tag> : <Tag color={STATUS_COLOR[r.status]}>{t(`import.status.${r.status}`)}</Tag>) },
        { title: t('import.fields.name'), key: 'name', width: 220, render: (_, r) => read(r)?.name },
        { title: t('import.fields.creditCode'), key: 'code', width: 180, render: (_, r) => read(r)?.creditCode },
        { title: t('import.fields.registeredOn'), key: 'registeredOn', width: 110, render: (_, r) => read(r)?.registeredOn },
        { title: t('import.fields.admittedOn'), key: 'admittedOn', width: 110, render: (_, r) => read(r)?.admittedOn },
        {
          title: t('import.fields.agreementEndsOn'),
          key: 'agreementEndsOn',
          width: 150,
          render: (_, r) =>
            isImportable(r) && r.startup.proposed?.includes('agreementEndsOn') ? (
              <Space size={4}>
                {r.startup.agreementEndsOn}
                <Tooltip title={t('startups.importer.derivedHint', { months: incubationMonths })}>
                  <Tag color="blue">{t('startups.importer.derived')}</Tag>
                </Tooltip>
              </Space>
            ) : (
              read(r)?.agreementEndsOn
            ),
        },
        {
          title: t('import.fields.industry'),
          key: 'industry',
          width: 400,
          render: (_, r) => {
            if (!isImportable(r)) return null;
            const proposed = r.startup.proposed?.includes('industry');
            const label = t('startups.importer.industryOf', { row: r.row });
            return (
              <Space size={4}>
                <Select
                  aria-label={label}
                  size="small"
                  style={{ width: 230 }}
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('startups.importer.toComplete')}
                  value={r.startup.industry}
                  options={industryOptions(t)}
                  popupMatchSelectWidth={false}
                  onChange={(v?: string) => setIndustry(r.row, v)}
                />
                {proposed && (
                  <>
                    <Tag color="purple">{t('startups.importer.proposal')}</Tag>
                    <Button size="small" type="link" aria-label={t('startups.importer.acceptOf', { row: r.row })} onClick={() => setIndustry(r.row, r.startup.industry)}>
                      {t('startups.importer.accept')}
                    </Button>
                  </>
                )}
              </Space>
            );
          },
        },
        { title: t('import.fields.founderName'), key: 'founder', width: 100, render: (_, r) => read(r)?.founderName },
        {
          title: t('import.fields.idNumber'),
          key: 'idNumber',
          width: 210,
          render: (_, r) => {
            const reading = read(r);
            return reading?.idNumber ? <MaskedId value={reading.idNumber} owner={reading.founderName ?? t('import.row', { row: r.row })} /> : null;
          },
        },
        {
          title: t('startups.importer.phoneColumn'),
          key: 'phone',
          width: 190,
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              {read(r)?.phones.map((p) => (
                <span key={p.owner}>
                  {p.phone} <Typography.Text type="secondary">{t(`startups.importer.phoneOwner.${p.owner}`)}</Typography.Text>
                </span>
              ))}
            </Space>
          ),
        },
        { title: t('import.fields.keyGroups'), key: 'keyGroups', width: 160, render: (_, r) => read(r)?.keyGroups },
        {
          title: t('startups.importer.reasons'),
          key: 'reasons',
          width: 340,
          render: (_, r) => {
            if (r.status === 'skipped') return <Typography.Text type="secondary">{t(`startups.importer.skipped.${r.skipped}`, { text: r.text })}</Typography.Text>;
            const gaps = isImportable(r) ? completionGaps(r.startup).filter((f) => f !== 'agreementEndsOn' && f !== 'industry') : [];
            return (
              <Space direction="vertical" size={0}>
                {isImportable(r) && r.updates && <ExistingStartup row={r} updateExisting={updateExisting} />}
                {gaps.length > 0 && <Tag color="orange">{t('startups.importer.gaps', { fields: list.format(gaps.map((f) => t(`import.fields.${f}`))) })}</Tag>}
                {(r.status === 'error' ? r.errors : []).map((x, i) => (
                  <Typography.Text key={`e${i}`} type="danger">
                    {reasonText(x, t, headerOf)}
                  </Typography.Text>
                ))}
                {r.warnings.map((x, i) => (
                  <Typography.Text key={`w${i}`} type="warning">
                    {reasonText(x, t, headerOf)}
                  </Typography.Text>
                ))}
              </Space>
            );
          },
        },
      ]}
    />
  );
}

/** Which startup in the desk a row updates, and the fields it changes (before → after); declined updates say they are skipped. */
function ExistingStartup({ row, updateExisting }: { row: ImportableRow; updateExisting: boolean }) {
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
