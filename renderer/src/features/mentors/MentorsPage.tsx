import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentorCoverage, type MentorStats } from '@core/mentoring';
import { mentorKinds, type Carrier, type Mentor } from '@core/records';
import { db } from '../../store/db';
import { mentorStatsBetween } from '../../store/sessions';
import { useDirectory } from '../sessions/directory';
import { useSessionsQuery } from '../sessions/useSessionsQuery';
import { nowrap } from '../sessions/labels';
import { useExport } from '../sessions/useExport';
import { exportRoster } from './exportRoster';
import { MentorForm } from './MentorForm';

const thisYear = dayjs().year();
const years = [thisYear, thisYear - 1, thisYear - 2];
const yearRange = (y: number) => [dayjs(`${y}-01-01`).valueOf(), dayjs(`${y + 1}-01-01`).valueOf()] as const;
const day = (iso?: string) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

export function MentorsPage({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const exporting = useExport();
  const rules = carrier.rules;
  const directory = useDirectory();
  const [year, setYear] = useState(thisYear);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<Mentor['kind']>();
  const [editing, setEditing] = useState<Mentor | 'new'>();
  const mentors = directory?.mentors;
  const stats = useSessionsQuery(async () => (mentors ? mentorStatsBetween(db, mentors, ...yearRange(year), rules) : undefined), [mentors, year, rules]);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (mentors ?? []).filter((m) => (!kind || m.kind === kind) && (!q || [m.name, m.organisation ?? '', ...m.expertise].some((s) => s.toLowerCase().includes(q))));
  }, [mentors, search, kind]);

  if (!directory) return null;
  const coverage = mentorCoverage(directory.residents.length, directory.mentors.filter((m) => m.active).length, rules);
  const below = [...(stats?.values() ?? [])].filter((s) => s.belowMinimum).length;
  const statOf = (m: Mentor): Partial<MentorStats> => stats?.get(m.id) ?? {};

  const columns: ColumnsType<Mentor> = [
    { title: t('mentors.name'), dataIndex: 'name', ...nowrap, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      title: t('mentors.kind'),
      dataIndex: 'kind',
      ...nowrap,
      render: (_, m) => `${t(`mentors.kinds.${m.kind}`)}${m.coachLevel ? ` · ${t('mentors.coachLevelOption', { level: m.coachLevel })}` : ''}`,
    },
    { title: t('mentors.organisation'), dataIndex: 'organisation' },
    { title: t('mentors.expertise'), dataIndex: 'expertise', render: (tags: string[]) => tags.map((x) => <Tag key={x}>{x}</Tag>) },
    { title: t('mentors.phone'), dataIndex: 'phone', ...nowrap },
    {
      title: t('mentors.active'),
      dataIndex: 'active',
      ...nowrap,
      sorter: (a, b) => Number(b.active) - Number(a.active),
      render: (a: boolean) => (a ? <Tag color="green">{t('mentors.activeYes')}</Tag> : <Tag>{t('mentors.activeNo')}</Tag>),
    },
    {
      title: t('mentors.held'),
      key: 'held',
      ...nowrap,
      align: 'right',
      sorter: (a, b) => (statOf(a).held ?? 0) - (statOf(b).held ?? 0),
      render: (_, m) => (
        <Space size={4}>
          {statOf(m).held ?? '…'}
          {statOf(m).belowMinimum && <Tag color="orange">{t('mentors.belowMinimum', { min: rules.minSessionsPerMentorYear })}</Tag>}
        </Space>
      ),
    },
    { title: t('mentors.residentsCoached'), key: 'residents', align: 'right', render: (_, m) => statOf(m).residentsCoached ?? '…' },
    { title: t('mentors.averageRating'), key: 'rating', align: 'right', render: (_, m) => statOf(m).averageRating?.toFixed(1) ?? '—' },
    { title: t('mentors.lastSession'), key: 'last', ...nowrap, render: (_, m) => day(statOf(m).lastSession) },
    {
      title: t('mentors.actions'),
      key: 'actions',
      render: (_, m) => (
        <Button type="link" size="small" aria-label={t('mentors.editOf', { name: m.name })} onClick={() => setEditing(m)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];


  const ratio = coverage.residentsPerMentor === Infinity ? '∞' : coverage.residentsPerMentor.toFixed(1);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={coverage.ok ? 'info' : 'warning'}
        showIcon
        title={t(coverage.ok ? 'mentors.coverageOk' : 'mentors.coverageShort', {
          residents: coverage.residents,
          mentors: coverage.activeMentors,
          ratio,
          max: rules.maxResidentsPerMentor,
          needed: coverage.mentorsNeeded,
        })}
        description={below ? t('mentors.belowMinimumCount', { count: below, min: rules.minSessionsPerMentorYear }) : undefined}
      />
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('mentors.add')}
        </Button>
        <Input allowClear prefix={<SearchOutlined />} aria-label={t('mentors.search')} placeholder={t('mentors.search')} style={{ width: 280 }} onChange={(e) => setSearch(e.target.value)} />
        <Select<Mentor['kind']> allowClear aria-label={t('mentors.kindFilter')} placeholder={t('mentors.allKinds')} style={{ width: 150 }} value={kind} onChange={setKind} options={mentorKinds.map((k) => ({ value: k, label: t(`mentors.kinds.${k}`) }))} />
        <Select aria-label={t('mentors.year')} value={year} style={{ width: 120 }} options={years.map((y) => ({ value: y, label: t('mentors.yearOption', { year: y }) }))} onChange={setYear} />
        <Button icon={<DownloadOutlined />} loading={exporting.busy} disabled={!stats || !directory.mentors.length} onClick={() => stats && void exporting.run(() => exportRoster(directory.mentors, stats, year, dayjs().format('YYYY-MM-DD')))}>
          {t('mentors.export')}
        </Button>
      </Space>
      <Table<Mentor>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={!stats}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('mentors.empty')}</Typography.Text> }}
      />
      {editing && <MentorForm mentor={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}
