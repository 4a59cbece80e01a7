import type { MentorStats } from '@core/mentoring';
import type { Mentor } from '@core/records';
import dayjs from 'dayjs';
import i18n from '../../i18n';
import { saveSheet } from '../sessions/xlsx';

/** 导师花名册: the official roster layout is Chinese whatever language the desk shows. */
export function exportRoster(mentors: Mentor[], stats: Map<string, MentorStats>, year: number, today: string) {
  const t = i18n.getFixedT('zh-CN');
  const columns = [
    { header: t('mentors.sheet.no'), key: 'no', width: 6 },
    { header: t('mentors.name'), key: 'name', width: 12 },
    { header: t('mentors.kind'), key: 'kind', width: 12 },
    { header: t('mentors.coachLevel'), key: 'level', width: 12 },
    { header: t('mentors.organisation'), key: 'organisation', width: 28 },
    { header: t('mentors.expertise'), key: 'expertise', width: 24 },
    { header: t('mentors.phone'), key: 'phone', width: 15 },
    { header: t('mentors.active'), key: 'active', width: 10 },
    { header: t('mentors.sheet.yearHeld', { year }), key: 'held', width: 16 },
    { header: t('mentors.sheet.yearResidents', { year }), key: 'residents', width: 18 },
    { header: t('mentors.averageRating'), key: 'rating', width: 10 },
    { header: t('mentors.lastSession'), key: 'last', width: 12 },
  ];
  const rows = mentors.map((m, i) => {
    const s = stats.get(m.id);
    return {
      no: i + 1,
      name: m.name,
      kind: t(`mentors.kinds.${m.kind}`),
      level: m.coachLevel ? t('mentors.coachLevelOption', { level: m.coachLevel }) : '',
      organisation: m.organisation ?? '',
      expertise: m.expertise.join('、'),
      phone: m.phone ?? '',
      active: t(m.active ? 'mentors.activeYes' : 'mentors.activeNo'),
      held: s?.held ?? 0,
      residents: s?.residentsCoached ?? 0,
      rating: s?.averageRating ?? '',
      last: s?.lastSession ? dayjs(s.lastSession).format('YYYY-MM-DD') : '',
    };
  });
  return saveSheet(`${t('mentors.sheet.file')}-${today}`, t('mentors.sheet.title'), columns, rows);
}
