import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, Segmented, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '@core/records';
import { db } from '../../store/db';
import { sessionsBetween } from '../../store/sessions';
import { sessionTitle, type Directory } from './directory';
import type { SessionDraft } from './SessionForm';

type View = 'month' | 'week';
const PER_CELL = 3;
const entryStyle = { display: 'block', width: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', textAlign: 'left', fontSize: 12, lineHeight: '20px', padding: '0 4px', margin: '1px 0', border: 'none', borderLeft: '3px solid', background: '#f0f5ff', borderRadius: 2, cursor: 'pointer' } as const;
const weekStyle = { display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 8 } as const;
const statusColor: Record<Session['status'], string> = { scheduled: '#1f4e9c', held: '#389e0d', cancelled: '#8c8c8c', noShow: '#d46b08' };

/** The visible range only (the month grid's six weeks, or one week), loaded by the startsAt index. */
function range(view: View, anchor: Dayjs): [Dayjs, Dayjs] {
  const from = view === 'month' ? anchor.startOf('month').startOf('week') : anchor.startOf('week');
  return [from, view === 'month' ? from.add(6, 'week') : from.add(1, 'week')];
}

export function CalendarView({ directory, onOpen }: { directory: Directory; onOpen: (draft: SessionDraft) => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(() => dayjs());
  const [from, to] = range(view, anchor);
  const sessions = useLiveQuery(() => sessionsBetween(db, from.valueOf(), to.valueOf()), [from.valueOf(), to.valueOf()]);

  // One pass groups the range by local day; cells then read their own list.
  const byDay = useMemo(() => {
    const map = new Map<string, Session[]>();
    for (const s of sessions ?? []) {
      const key = dayjs(s.startsAt).format('YYYY-MM-DD');
      const list = map.get(key);
      if (list) list.push(s);
      else map.set(key, [s]);
    }
    return map;
  }, [sessions]);

  const entry = (s: Session) => (
    <button key={s.id} type="button" style={{ ...entryStyle, borderLeftColor: statusColor[s.status] }} title={`${t(`sessions.statuses.${s.status}`)} · ${sessionTitle(s, directory)}`} onClick={(e) => { e.stopPropagation(); onOpen({ session: s }); }}>
      {dayjs(s.startsAt).format('HH:mm')} {sessionTitle(s, directory)}
    </button>
  );
  const dayList = (d: Dayjs, limit: number) => {
    const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
    return (
      <div>
        {list.slice(0, limit).map(entry)}
        {list.length > limit && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sessions.more', { count: list.length - limit })}</Typography.Text>}
      </div>
    );
  };

  const step = view === 'month' ? 'month' : 'week';
  const heading = view === 'month' ? anchor.format(t('sessions.view.monthTitle')) : `${from.format('YYYY-MM-DD')} – ${to.subtract(1, 'day').format('MM-DD')}`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<View> aria-label={t('sessions.view.label')} value={view} onChange={setView} options={[{ value: 'month', label: t('sessions.view.month') }, { value: 'week', label: t('sessions.view.week') }]} />
        <Button icon={<LeftOutlined />} aria-label={t('sessions.prev')} onClick={() => setAnchor(anchor.subtract(1, step))} />
        <Button onClick={() => setAnchor(dayjs())}>{t('sessions.today')}</Button>
        <Button icon={<RightOutlined />} aria-label={t('sessions.next')} onClick={() => setAnchor(anchor.add(1, step))} />
        <Typography.Text strong aria-live="polite">{heading}</Typography.Text>
      </Space>
      {view === 'month' ? (
        <Calendar
          value={anchor}
          headerRender={() => null}
          onSelect={(d, { source }) => (source === 'date' ? setAnchor(d) : undefined)}
          cellRender={(d, info) => (info.type === 'date' ? dayList(d, PER_CELL) : null)}
        />
      ) : (
        <div style={weekStyle}>
          {Array.from({ length: 7 }, (_, i) => from.add(i, 'day')).map((d) => (
            <section key={d.valueOf()} aria-label={d.format('YYYY-MM-DD dddd')} style={{ background: d.isSame(dayjs(), 'day') ? '#e6f4ff' : '#fff', padding: 8, minHeight: 320, borderRadius: 4 }}>
              <Typography.Text strong>{d.format('MM-DD ddd')}</Typography.Text>
              {dayList(d, 50)}
            </section>
          ))}
        </div>
      )}
    </Space>
  );
}
