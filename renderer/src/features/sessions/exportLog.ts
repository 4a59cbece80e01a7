import dayjs from 'dayjs';
import type { Session } from '@core/records';
import i18n from '../../i18n';
import type { Directory } from './directory';
import { exportTable } from '../../files/exportTable';
import { bridge } from '../../platform/bridge';

/** The session log for a period, one row per session, with Chinese headers for filing upward. */
export async function exportLog(sessions: Session[], directory: Directory, from: string, to: string) {
  const t = i18n.getFixedT('zh-CN');
  const columns = [
    { header: t('sessions.sheet.date'), width: 12 },
    { header: t('sessions.sheet.time'), width: 9 },
    { header: t('sessions.kind'), width: 10 },
    { header: t('sessions.mentors'), width: 18 },
    { header: t('sessions.startups'), width: 36 },
    { header: t('sessions.mode'), width: 7 },
    { header: t('sessions.duration'), width: 12, kind: 'number' as const },
    { header: t('sessions.status'), width: 9 },
    { header: t('sessions.topics'), width: 20 },
    { header: t('sessions.summary'), width: 40 },
    { header: t('sessions.sheet.items'), width: 40 },
    { header: t('sessions.rating'), width: 9, kind: 'number' as const },
  ];
  const rows = [...sessions]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((s) => [
      dayjs(s.startsAt).format('YYYY-MM-DD'),
      dayjs(s.startsAt).format('HH:mm'),
      t(`sessions.kinds.${s.kind}`),
      directory.mentorNames(s.mentorIds),
      directory.startupNames(s.startupIds),
      t(`sessions.modes.${s.mode}`),
      s.durationMinutes,
      t(`sessions.statuses.${s.status}`),
      s.topics.join('、'),
      s.summary ?? '',
      s.actionItems
        .map((a) => t('sessions.sheet.itemLine', { text: a.text, owner: a.owner ?? '—', due: a.due ?? '—', state: t(a.done ? 'sessions.sheet.done' : 'sessions.sheet.open') }))
        .join('\n'),
      s.rating ?? '',
    ]);
  const bytes = await exportTable({ name: t('sessions.sheet.title'), columns, rows }, 'xlsx');
  return bridge.saveFile({ suggestedName: `${t('sessions.sheet.file')}-${from}-${to}.xlsx`, bytes });
}
