import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { UIEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { completableFields, fields, keyGroups, stages } from '@core/records';
import { navigate } from '../../shell/route';
import type { StartupIndexRow } from '../../store/startupIndex';
import type { SortField, StartupQuery } from '../../store/startups';
import { useStartupRows } from './useStartupRows';
import { usePassphrase } from '../lock/PassphrasePrompt';
import { exportStartups } from './exportStartups';
import { ImportButton } from './ImportButton';
import { saveErrorText } from '../../shell/forms';
import { BulkEdit } from './BulkEdit';
import { GapTags } from './GapTags';
import { industryOptions } from './industryOptions';
import { choiceText, industryText } from './labels';

const today = () => new Date().toISOString().slice(0, 10);
const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'yes');

export function StartupList() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<StartupQuery>({ state: 'resident', sort: 'name', today: today() });
  const [withIds, setWithIds] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const { message } = App.useApp();
  const { rows, total, loading, loadMore } = useStartupRows(query);
  const [ask, passphrasePrompt] = usePassphrase();
  const exportAs = async (format: 'xlsx' | 'csv') => {
    if (withIds && !(await ask(t('lock.askExport')))) return;
    try {
      const count = await exportStartups(query, format, withIds, t);
      message.success(t('startups.export.done', { count }));
    } catch (error) {
      message.error(saveErrorText(error, t));
    }
  };
  // A new filter starts a new selection: rows chosen under the old one may no longer be listed.
  const set = (patch: Partial<StartupQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setSelected([]);
  };
  const any = t('startups.filters.any');
  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const sortOrder = (f: SortField) => (query.sort === f ? (query.descending ? 'descend' : 'ascend') : null);

  const columns: ColumnsType<StartupIndexRow> = [
    { title: t('startups.col.name'), dataIndex: 'name', key: 'name', width: 260, sorter: true, sortOrder: sortOrder('name'), render: (name: string, r) => <a href={`#/startups/${r.id}`}>{name}</a> },
    { title: t('startups.col.creditCode'), dataIndex: 'creditCode', width: 190 },
    { title: t('startups.col.stage'), dataIndex: 'stage', width: 90, render: (s: string) => choiceText('stage', s, t) },
    { title: t('startups.col.industry'), dataIndex: 'industry', width: 220, ellipsis: { showTitle: false }, render: (i: string) => <Tooltip title={industryText(i, t)}>{industryText(i, t)}</Tooltip> },
    ...(query.gap ? [{ title: t('startups.gaps.column'), key: 'gaps', width: 200, render: (_: unknown, r: StartupIndexRow) => <GapTags row={r} /> }] : []),
    { title: t('startups.col.admittedOn'), dataIndex: 'admittedOn', key: 'admittedOn', width: 120, sorter: true, sortOrder: sortOrder('admittedOn') },
    { title: t('startups.col.agreementEndsOn'), dataIndex: 'agreementEndsOn', key: 'agreementEndsOn', width: 130, sorter: true, sortOrder: sortOrder('agreementEndsOn') },
    { title: t('startups.col.founders'), dataIndex: 'founders', width: 160, ellipsis: true },
    {
      title: t('startups.col.flags'),
      key: 'flags',
      width: 180,
      render: (_, r) => (
        <Space size={2} wrap>
          {r.key === 1 && <Tag color="red">{t('startups.flag.key')}</Tag>}
          {r.free === 1 && <Tag color="green">{t('startups.flag.free')}</Tag>}
        </Space>
      ),
    },
  ];

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.target as HTMLElement;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 400) loadMore();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {passphrasePrompt}
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('startups', 'new')}>
          {t('startups.admit')}
        </Button>
        <ImportButton />
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')}>
          {t('startups.export.xlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')}>
          {t('startups.export.csv')}
        </Button>
        <Tooltip title={t('startups.export.withIdsHint')}>
          <Checkbox checked={withIds} onChange={(e) => setWithIds(e.target.checked)}>
            {t('startups.export.withIds')}
          </Checkbox>
        </Tooltip>
        <BulkEdit query={query} selected={selected} onDone={() => setSelected([])} />
      </Space>
      <Space wrap>
        <Input.Search allowClear placeholder={t('startups.search')} aria-label={t('startups.searchLabel')} style={{ width: 320 }} onChange={(e) => set({ text: e.target.value })} />
        <Select aria-label={t('startups.filters.state')} value={query.state} style={{ width: 110 }} onChange={(state) => set({ state })} options={(['resident', 'exited', 'voided'] as const).map((s) => ({ value: s, label: t(`enums.listState.${s}`) }))} />
        <Select aria-label={t('startups.filters.stage')} placeholder={t('startups.filters.stage')} allowClear style={{ width: 110 }} onChange={(stage) => set({ stage })} options={stages.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))} />
        <Select aria-label={t('startups.filters.industry')} placeholder={t('startups.filters.industry')} allowClear style={{ width: 200 }} popupMatchSelectWidth={360} onChange={(industry) => set({ industry })} options={industryOptions(t)} />
        <Select aria-label={t('startups.filters.field')} placeholder={t('startups.filters.field')} allowClear style={{ width: 120 }} onChange={(field) => set({ field })} options={fields.map((f) => ({ value: f, label: t(`enums.field.${f}`) }))} />
        <Select aria-label={t('startups.filters.group')} placeholder={t('startups.filters.group')} allowClear style={{ width: 170 }} popupMatchSelectWidth={240} onChange={(group) => set({ group })} options={keyGroups.map((g) => ({ value: g, label: t(`enums.keyGroup.${g}`) }))} />
        <Select aria-label={t('startups.filters.keyProject')} placeholder={t('startups.filters.keyProject')} allowClear style={{ width: 110 }} onChange={(v?: string) => set({ keyProject: bool(v) })} options={yesNo} />
        <Select aria-label={t('startups.filters.free')} placeholder={t('startups.filters.free')} allowClear style={{ width: 110 }} onChange={(v?: string) => set({ free: bool(v) })} options={yesNo} />
        <Select
          aria-label={t('startups.filters.ending')}
          placeholder={t('startups.filters.ending')}
          allowClear
          style={{ width: 140 }}
          // Whoever asks what ends soon wants the soonest first (and the window then pages from its index).
          onChange={(days?: number) => set(days === undefined ? { endingWithinDays: undefined } : { endingWithinDays: days, sort: 'agreementEndsOn', descending: false })}
          options={[30, 60, 90, 180].map((days) => ({ value: days, label: t('startups.filters.endingWithin', { days }) }))}
        />
        <Select
          aria-label={t('startups.gaps.filter')}
          placeholder={t('startups.gaps.filter')}
          allowClear
          style={{ width: 140 }}
          onChange={(gap?: StartupQuery['gap']) => set({ gap })}
          options={[{ value: 'any', label: t('startups.gaps.any') }, ...completableFields.map((f) => ({ value: f, label: t(`startups.gaps.names.${f}`) }))]}
        />
        <Typography.Text type="secondary" aria-live="polite">
          {total === undefined ? any : t('startups.count', { count: total })}
        </Typography.Text>
      </Space>
      <div onScrollCapture={onScroll}>
        <Table<StartupIndexRow>
          virtual
          size="middle"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={rows}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            columnWidth: 48,
            getCheckboxProps: (r) => ({ 'aria-label': t('startups.bulk.selectRow', { name: r.name }) }),
            getTitleCheckboxProps: () => ({ 'aria-label': t('startups.bulk.selectShown') }),
          }}
          pagination={false}
          scroll={{ x: 1400, y: Math.max(320, window.innerHeight - 330) }}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = (s?.columnKey ?? 'name') as SortField;
            set({ sort: s?.order ? field : 'name', descending: s?.order === 'descend' });
          }}
        />
      </div>
    </Space>
  );
}
