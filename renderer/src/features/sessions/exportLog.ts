import dayjs from 'dayjs';
import type { Session } from '@core/records';
import i18n from '../../i18n';
import type { Directory } from './directory';
import { saveSheet } from './xlsx';

/** The session log for a period, one row per session, with Chinese headers for filing upward. */
export function exportLog(sessions: Session[], directory: Directory, from: string, to: string) {
  const t = i18n.getFixedT('zh-CN');
  const columns = [
    { header: t('sessions.sheet.date'), key: 'date', width: 12 },
    { header: t('sessions.sheet.time'), key: 'time', width: 9 },
    { header: t('sessions.kind'), key: 'kind', width: 10 },
    { header: t('sessions.mentors'), key: 'mentors', width: 18 },
    { header: t('sessions.startups'), key: 'startups', width: 36 },
    { header: t('sessions.mode'), key: 'mode', width: 7 },
    { header: t('sessions.duration'), key: 'duration', width: 12 },
    { header: t('sessions.status'), key: 'status', width: 9 },
    { header: t('sessions.topics'), key: 'topics', width: 20 },
    { header: t('sessions.summary'), key: 'summary', width: 40 },
    { header: t('sessions.sheet.items'), key: 'items', width: 40 },
    { header: t('sessions.rating'), key: 'rating', width: 9 },
  ];
  const rows = [...sessions]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((s) => ({
      date: dayjs(s.startsAt).format('YYYY-MM-DD'),
      time: dayjs(s.startsAt).format('HH:mm'),
      kind: t(`sessions.kinds.${s.kind}`),
      mentors: directory.mentorNames(s.mentorIds),
      startups: directory.startupNames(s.startupIds),
      mode: t(`sessions.modes.${s.mode}`),
      duration: s.durationMinutes,
      status: t(`sessions.statuses.${s.status}`),
      topics: s.topics.join('、'),
      summary: s.summary ?? '',
      items: s.actionItems
        .map((a) => t('sessions.sheet.itemLine', { text: a.text, owner: a.owner ?? '—', due: a.due ?? '—', state: t(a.done ? 'sessions.sheet.done' : 'sessions.sheet.open') }))
        .join('\n'),
      rating: s.rating ?? '',
    }));
  return saveSheet(`${t('sessions.sheet.file')}-${from}-${to}`, t('sessions.sheet.title'), columns, rows);
}
