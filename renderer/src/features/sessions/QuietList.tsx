import { Alert, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quietness, type StartupQuiet } from '@core/mentoring';
import type { RuleSet } from '@core/records';
import { db } from '../../store/db';
import { lastHeldFor } from '../../store/sessions';
import type { Directory } from './directory';
import { nowrap } from './labels';
import { useSessionsQuery } from './useSessionsQuery';

type Row = StartupQuiet & { name: string; admittedOn: string; last?: number };

/** Days since each resident's last session; the quiet ones (rule set `quietDays`) first. */
export function QuietList({ directory, rules }: { directory: Directory; rules: RuleSet }) {
  const { t } = useTranslation();
  const [quietOnly, setQuietOnly] = useState(true);
  const [now] = useState(() => Date.now());
  const { residents } = directory;
  const last = useSessionsQuery(() => lastHeldFor(db, residents.map((r) => r.id), now), [residents, now]);
  const rows = useMemo<Row[] | undefined>(() => {
    if (!last) return undefined;
    const byId = new Map(residents.map((r) => [r.id, r]));
    return quietness(residents, last, now, rules)
      .map((q) => ({ ...q, name: byId.get(q.startupId)!.name, admittedOn: byId.get(q.startupId)!.admittedOn, last: last.get(q.startupId) }))
      .sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity));
  }, [last, residents, now, rules]);
  const quiet = rows?.filter((r) => r.quiet) ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {rows && <Alert type={quiet.length ? 'warning' : 'success'} showIcon title={quiet.length ? t('sessions.quietCount', { count: quiet.length, days: rules.quietDays }) : t('sessions.quietEmpty')} description={t('sessions.quietHint', { days: rules.quietDays })} />}
      <Space>
        <Switch aria-label={t('sessions.quietOnly')} checked={quietOnly} onChange={setQuietOnly} />
        <Typography.Text>{t('sessions.quietOnly')}</Typography.Text>
      </Space>
      <Table<Row>
        rowKey="startupId"
        size="middle"
        loading={!rows}
        dataSource={quietOnly ? quiet : rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('sessions.startup'), dataIndex: 'name' },
          { title: t('sessions.admittedOn'), dataIndex: 'admittedOn', ...nowrap },
          { title: t('sessions.lastSession'), dataIndex: 'last', ...nowrap, render: (ms?: number) => (ms ? dayjs(ms).format('YYYY-MM-DD') : t('sessions.never')) },
          {
            title: t('sessions.daysSince'),
            key: 'days',
            ...nowrap,
            render: (_, r) => (
              <Space size={4}>
                {r.daysSince === undefined ? '—' : t('sessions.days', { count: r.daysSince })}
                {r.quiet && <Tag color="orange">{t('sessions.quiet')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
