import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateRange } from '@core/kpis/carrierNumbers';
import type { Problem } from '@core/official/sheet';
import type { Carrier } from '@core/records';
import { exportTable, type ExportFormat } from '../../files/exportTable';
import i18n from '../../i18n';
import { bridge } from '../../platform/bridge';
import { navigate } from '../../shell/route';
import { buildOfficial, sheetKinds, type SheetKind } from './officialData';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const formats: ExportFormat[] = ['xlsx', 'csv'];

function presets(t: (key: string) => string) {
  const now = dayjs();
  const quarter = now.startOf('month').subtract(now.month() % 3, 'month');
  return [
    { label: t('official.presets.lastYear'), value: [now.subtract(1, 'year').startOf('year'), now.subtract(1, 'year').endOf('year')] as [Dayjs, Dayjs] },
    { label: t('official.presets.thisYear'), value: [now.startOf('year'), now.endOf('year')] as [Dayjs, Dayjs] },
    { label: t('official.presets.lastQuarter'), value: [quarter.subtract(3, 'month'), quarter.subtract(1, 'day')] as [Dayjs, Dayjs] },
    { label: t('official.presets.thisQuarter'), value: [quarter, quarter.add(3, 'month').subtract(1, 'day')] as [Dayjs, Dayjs] },
  ];
}

/** The files the authorities ask for, for a chosen period; each is checked before it is written. */
export function OfficialFiles({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lastYear = dayjs().year() - 1;
  const [range, setRange] = useState<DateRange>({ from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
  const [busy, setBusy] = useState<string>();
  const [fix, setFix] = useState<{ kind: SheetKind; problems: Problem[] }>();

  const write = async (kind: SheetKind, format: ExportFormat) => {
    setBusy(`${kind}-${format}`);
    setFix(undefined);
    try {
      const build = await buildOfficial(kind, carrier, range);
      const zh = i18n.getFixedT('zh-CN');
      const file = build(zh);
      // Problems are listed in the desk's language; the file itself stays Chinese.
      if (file.problems.length) return setFix({ kind, problems: build(t).problems });
      const bytes = await exportTable(file.sheet, format);
      const outcome = await bridge.saveFile({ suggestedName: `${zh(`official.files.${kind}.name`)}-${range.from}-${range.to}.${format}`, bytes });
      if (outcome.saved) message.success(t('official.exported', { where: outcome.where }));
    } catch (error) {
      message.error(t('official.failed', { reason: String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  const rows = [...sheetKinds, 'assessment' as const].map((kind) => ({ kind, name: t(`official.files.${kind}.name`), about: t(`official.files.${kind}.about`) }));
  return (
    <Card title={t('official.title')} size="small">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('official.intro')}</Typography.Text>
        <Space wrap>
          <span>{t('official.range')}</span>
          <DatePicker.RangePicker
            aria-label={t('official.range')}
            allowClear={false}
            value={[dayjs(range.from), dayjs(range.to)]}
            presets={presets(t)}
            onChange={(v) => v?.[0] && v[1] && (setFix(undefined), setRange({ from: day(v[0]), to: day(v[1]) }))}
          />
        </Space>
        <Table
          size="small"
          rowKey="kind"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('official.file'), dataIndex: 'name', width: 220 },
            { title: t('official.about'), dataIndex: 'about' },
            {
              title: t('official.actions'),
              width: 200,
              render: (_, { kind, name }) =>
                kind === 'assessment' ? (
                  <Button icon={<PrinterOutlined />} aria-label={t('official.print', { name })} onClick={() => navigate('dashboard', 'official', 'self-assessment', range.from, range.to)}>
                    {t('official.printPdf')}
                  </Button>
                ) : (
                  <Space>
                    {formats.map((format) => (
                      <Button
                        key={format}
                        icon={<DownloadOutlined />}
                        loading={busy === `${kind}-${format}`}
                        disabled={!!busy && busy !== `${kind}-${format}`}
                        aria-label={t('official.exportAs', { name, format: format.toUpperCase() })}
                        onClick={() => void write(kind, format)}
                      >
                        {format.toUpperCase()}
                      </Button>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
        {fix && <FixList name={t(`official.files.${fix.kind}.name`)} problems={fix.problems} />}
      </Space>
    </Card>
  );
}

/** What to correct before the file can be written, each line opening the record to correct. */
function FixList({ name, problems }: { name: string; problems: Problem[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('official.fixTitle', { name, count: problems.length })}
      description={
        <Table
          size="small"
          rowKey={(p) => `${p.subject.id}-${p.field}-${p.problem}`}
          pagination={problems.length > 20 ? { pageSize: 20 } : false}
          dataSource={problems}
          columns={[
            {
              title: t('official.fixColumns.subject'),
              render: (_, p) => (
                <a href={p.subject.kind === 'startup' ? `#/startups/${p.subject.id}` : '#/mentors'} aria-label={t('official.open', { name: p.subject.name })}>
                  {p.subject.name}
                </a>
              ),
            },
            { title: t('official.fixColumns.field'), dataIndex: 'field' },
            { title: t('official.fixColumns.problem'), dataIndex: 'problem' },
          ]}
        />
      }
    />
  );
}
