import { Button, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@core/records';
import { db } from '../../store/db';
import { sessionsBetween } from '../../store/sessions';
import type { Directory } from './directory';
import { nowrap, when } from './labels';
import type { SessionDraft } from './SessionForm';

/** Booked sessions of the next 30 days; "Record" opens the outcome form once a session has happened. */
export function UpcomingList({ directory, onOpen }: { directory: Directory; onOpen: (draft: SessionDraft) => void }) {
  const { t } = useTranslation();
  // Fixed at mount: a window that moved every render would restart the live query each time.
  const [now] = useState(() => dayjs().startOf('day'));
  const sessions = useLiveQuery(async () => (await sessionsBetween(db, now.valueOf(), now.add(30, 'day').valueOf())).filter((s) => s.status === 'scheduled'), [now]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('sessions.upcomingHint')}</Typography.Text>
      <Table<Session>
        rowKey="id"
        size="middle"
        loading={!sessions}
        dataSource={sessions}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('sessions.upcomingEmpty') }}
        columns={[
          { title: t('sessions.startsAt'), dataIndex: 'startsAt', render: when, ...nowrap },
          { title: t('sessions.kind'), dataIndex: 'kind', render: (k: Session['kind']) => t(`sessions.kinds.${k}`), ...nowrap },
          { title: t('sessions.mentors'), dataIndex: 'mentorIds', render: directory.mentorNames },
          { title: t('sessions.startups'), dataIndex: 'startupIds', render: directory.startupNames },
          { title: t('sessions.mode'), dataIndex: 'mode', render: (m: Session['mode']) => t(`sessions.modes.${m}`), ...nowrap },
          { title: t('sessions.topics'), dataIndex: 'topics', render: (x: string[]) => x.join('、') },
          {
            title: t('mentors.actions'),
            key: 'actions',
            ...nowrap,
            render: (_, s) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => onOpen({ session: s, record: true })}>
                  {t('sessions.record')}
                </Button>
                <Button type="link" size="small" onClick={() => onOpen({ session: s })}>
                  {t('common.edit')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
