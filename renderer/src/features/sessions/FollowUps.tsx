import { App, Button, Table, Tag, Typography, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '@core/mentoring';
import { db } from '../../store/db';
import { overdueFollowUps, SessionRefused, setActionItemDone } from '../../store/sessions';
import type { Directory } from './directory';
import { nowrap } from './labels';
import { useSessionsQuery } from './useSessionsQuery';
import { saveErrorText } from '../../shell/forms';

/** Marks an action item done, saying why when the session can no longer be written. */
export function useMarkDone() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (sessionId: string, itemId: string) => {
    try {
      await setActionItemDone(db, sessionId, itemId, true);
      message.success(t('sessions.markedDone'));
    } catch (error) {
      if (error instanceof SessionRefused) {
        const { reason, startup } = error.refusal;
        message.error(t(`sessions.refused.${reason}`, { name: startup.name, on: startup.exitedOn ?? '' }));
      } else message.error(saveErrorText(error, t));
    }
  };
}

export function FollowUps({ directory }: { directory: Directory }) {
  const { t } = useTranslation();
  const markDone = useMarkDone();
  const items = useSessionsQuery(() => overdueFollowUps(db, dayjs().format('YYYY-MM-DD')), []);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('sessions.followUpsHint')}</Typography.Text>
      <Table<FollowUp>
        rowKey={(f) => `${f.session.id}/${f.item.id}`}
        size="middle"
        loading={!items}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('sessions.followUpsEmpty') }}
        columns={[
          { title: t('sessions.item.text'), key: 'text', width: 240, render: (_, f) => f.item.text },
          { title: t('sessions.item.owner'), key: 'owner', render: (_, f) => f.item.owner ?? '—', ...nowrap },
          {
            title: t('sessions.due'),
            key: 'due',
            ...nowrap,
            render: (_, f) => (
              <Space size={4}>
                {f.item.due}
                <Tag color="red">{t('sessions.overdue', { days: f.daysOverdue })}</Tag>
              </Space>
            ),
          },
          { title: t('sessions.startups'), key: 'startups', render: (_, f) => directory.startupNames(f.session.startupIds) },
          { title: t('sessions.mentors'), key: 'mentors', width: 140, render: (_, f) => directory.mentorNames(f.session.mentorIds) },
          { title: t('sessions.sessionOn'), key: 'on', ...nowrap, render: (_, f) => dayjs(f.session.startsAt).format('YYYY-MM-DD') },
          {
            title: t('mentors.actions'),
            key: 'actions',
            ...nowrap,
            render: (_, f) => (
              <Button size="small" onClick={() => void markDone(f.session.id, f.item.id)}>
                {t('sessions.markDone')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
