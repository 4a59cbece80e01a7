import { Alert, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { completableColumns, importFields, missingRequired, type ColumnMapping, type ImportDefaults, type ImportField } from '@core/import';
import { entityTypes, fields, stages } from '@core/records';
import { industryOptions } from './industryOptions';

/** Required fields neither mapped nor given one value for all rows. */
export const stillMissing = (columns: ColumnMapping, defaults: ImportDefaults) => missingRequired(columns, Object.keys(defaults) as ImportField[]);

/** Fields one value can be chosen for, for all rows. */
type DefaultField = keyof ImportDefaults;
const isDefaultField = (f: ImportField): f is DefaultField => ['entityType', 'industry', 'field', 'stage', 'area'].includes(f);

interface Props {
  headers: string[];
  columns: ColumnMapping;
  setColumns: (c: ColumnMapping) => void;
  defaults: ImportDefaults;
  setDefaults: (d: ImportDefaults) => void;
  incubationMonths: number;
}

/**
 * Which field each column holds; for a required field the file lacks, its column or one value for all
 * rows; for a field it may lack (industry, field, stage, agreement end), what the import does instead.
 */
export function ImportMapping({ headers, columns, setColumns, defaults, setDefaults, incubationMonths }: Props) {
  const { t } = useTranslation();
  const options = [{ value: '', label: t('startups.importer.skip') }, ...importFields.map((f) => ({ value: f, label: t(`import.fields.${f}`) }))];
  const enumOptions: Record<Exclude<DefaultField, 'area'>, { value: string; label: string }[]> = {
    entityType: entityTypes.map((v) => ({ value: v, label: t(`enums.entityType.${v}`) })),
    industry: industryOptions(t),
    field: fields.map((v) => ({ value: v, label: t(`enums.field.${v}`) })),
    stage: stages.map((v) => ({ value: v, label: t(`enums.stage.${v}`) })),
  };
  const setDefault = (field: DefaultField, value: string | number | null | undefined) => {
    const next = { ...defaults };
    if (value === null || value === undefined) delete next[field];
    else Object.assign(next, { [field]: value });
    setDefaults(next);
  };
  const control = (field: DefaultField) => {
    const label = t('startups.importer.defaultFor', { field: t(`import.fields.${field}`) });
    return field === 'area' ? (
      <InputNumber aria-label={label} min={0} value={defaults.area} onChange={(v) => setDefault('area', v)} />
    ) : (
      <Select aria-label={label} style={{ width: 280 }} allowClear showSearch optionFilterProp="label" placeholder={label} value={defaults[field]} options={enumOptions[field]} onChange={(v?: string) => setDefault(field, v)} />
    );
  };
  const lacking = stillMissing(columns, {});
  const lackingCompletable = completableColumns.filter((f) => !columns.includes(f));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('startups.importer.mappingIntro')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="index"
        scroll={{ y: 'calc(100vh - 520px)' }}
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
                value={columns[index] ?? ''}
                options={options}
                onChange={(v: string) => setColumns(columns.map((c, i) => (i === index ? ((v || null) as ImportField | null) : c)))}
              />
            ),
          },
        ]}
      />
      {lacking.map((field) => {
        const chosen = isDefaultField(field) && defaults[field] !== undefined;
        return (
          <Space key={field} wrap>
            {chosen ? (
              <Typography.Text>{t('startups.importer.allRows', { field: t(`import.fields.${field}`) })}</Typography.Text>
            ) : (
              <Alert type="warning" showIcon title={t(isDefaultField(field) ? 'import.missingColumn' : 'import.missingColumnOnly', { field: t(`import.fields.${field}`) })} />
            )}
            {isDefaultField(field) && control(field)}
          </Space>
        );
      })}
      {lackingCompletable.map((field) => (
        <Space key={field} wrap>
          <Alert type="info" showIcon title={t(`startups.importer.lacking.${field}`, { months: incubationMonths })} />
          {isDefaultField(field) && control(field)}
        </Space>
      ))}
    </Space>
  );
}
