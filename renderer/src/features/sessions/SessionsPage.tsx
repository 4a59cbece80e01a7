import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { db } from '../../store/db';
import { sessionsBetween } from '../../store/sessions';
import { CalendarView } from './CalendarView';
import { useDirectory } from './directory';
import { exportLog } from './exportLog';
import { FollowUps } from './FollowUps';
import { QuietList } from './QuietList';
import { SessionForm, type SessionDraft } from './SessionForm';
import { UpcomingList } from './UpcomingList';
import { useExport } from './useExport';

export function SessionsPage({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const exporting = useExport();
  const directory = useDirectory();
  const [draft, setDraft] = useState<SessionDraft>();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  if (!directory) return null;

  const exportNow = async () => {
    const [from, to] = period;
    const sessions = await sessionsBetween(db, from.startOf('day').valueOf(), to.add(1, 'day').startOf('day').valueOf());
    return exportLog(sessions, directory, from.format('YYYYMMDD'), to.format('YYYYMMDD'));
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({})}>
          {t('sessions.book')}
        </Button>
        <DatePicker.RangePicker
          aria-label={t('sessions.exportRange')}
          allowClear={false}
          value={period}
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
        />
        <Button icon={<DownloadOutlined />} loading={exporting.busy} onClick={() => void exporting.run(exportNow)}>
          {t('sessions.exportLog')}
        </Button>
      </Space>
      <Tabs
        items={[
          { key: 'calendar', label: t('sessions.tabs.calendar'), children: <CalendarView directory={directory} onOpen={setDraft} /> },
          { key: 'upcoming', label: t('sessions.tabs.upcoming'), children: <UpcomingList directory={directory} onOpen={setDraft} /> },
          { key: 'followUps', label: t('sessions.tabs.followUps'), children: <FollowUps directory={directory} /> },
          { key: 'quiet', label: t('sessions.tabs.quiet'), children: <QuietList directory={directory} rules={carrier.rules} /> },
        ]}
      />
      {draft && <SessionForm draft={draft} directory={directory} onClose={() => setDraft(undefined)} />}
    </>
  );
}
