import { Button, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween, lastHeldByStartup, openItems } from '@core/mentoring';
import type { Session } from '@core/records';
import { db } from '../../store/db';
import { sessionsOfStartup } from '../../store/sessions';
import { useDirectory } from './directory';
import { useMarkDone } from './FollowUps';
import { nowrap, StatusTag, when } from './labels';

/** A startup's mentoring on its file: days since the last session, its sessions, its open action items. */
export function StartupMentoring({ startupId }: { startupId: string }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const markDone = useMarkDone();
  const [now] = useState(() => Date.now());
  const sessions = useLiveQuery(async () => (await sessionsOfStartup(db, startupId)).reverse(), [startupId]);
  if (!sessions || !directory) return null;

  const last = lastHeldByStartup(sessions, now).get(startupId);
  const today = dayjs(now).format('YYYY-MM-DD');
  const open = openItems(sessions);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('sessions.file.daysSince')}>
          {last === undefined ? t('sessions.never') : `${t('sessions.days', { count: daysBetween(last, now) })}（${dayjs(last).format('YYYY-MM-DD')}）`}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('sessions.file.openItems')}</Typography.Title>
      <List
        size="small"
        locale={{ emptyText: t('sessions.file.noOpenItems') }}
        dataSource={open}
        renderItem={({ session, item }) => (
          <List.Item
            actions={[
              <Button key="done" size="small" onClick={() => void markDone(session.id, item.id)}>
                {t('sessions.markDone')}
              </Button>,
            ]}
          >
            <Space wrap>
              {item.text}
              {item.owner && <Typography.Text type="secondary">{item.owner}</Typography.Text>}
              {item.due && (item.due < today ? <Tag color="red">{t('sessions.overdue', { days: daysBetween(Date.parse(item.due), Date.parse(today)) })}</Tag> : <Tag>{item.due}</Tag>)}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('sessions.file.sessions')}</Typography.Title>
      <Table<Session>
        rowKey="id"
        size="small"
        dataSource={sessions}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('sessions.file.noSessions') }}
        columns={[
          { title: t('sessions.startsAt'), dataIndex: 'startsAt', render: when, ...nowrap },
          { title: t('sessions.kind'), dataIndex: 'kind', render: (k: Session['kind']) => t(`sessions.kinds.${k}`), ...nowrap },
          { title: t('sessions.mentors'), dataIndex: 'mentorIds', render: directory.mentorNames },
          { title: t('sessions.topics'), dataIndex: 'topics', render: (x: string[]) => x.join('、') },
          { title: t('sessions.status'), dataIndex: 'status', render: (s: Session['status']) => <StatusTag status={s} />, ...nowrap },
          { title: t('sessions.rating'), dataIndex: 'rating', ...nowrap },
        ]}
      />
    </Space>
  );
}
