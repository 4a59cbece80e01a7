import type { MentorStats } from '@core/mentoring';
import { mentorRoster } from '@core/official/mentorRoster';
import type { Mentor } from '@core/records';
import { exportTable } from '../../files/exportTable';
import i18n from '../../i18n';
import { bridge } from '../../platform/bridge';

/** 导师花名册: the same rows as the official 创业导师名册, for a year; Chinese whatever language the desk shows. */
export async function exportRoster(mentors: Mentor[], stats: Map<string, MentorStats>, year: number, today: string) {
  const t = i18n.getFixedT('zh-CN');
  const { sheet } = mentorRoster(mentors, stats, t, {
    sheet: t('mentors.sheet.title'),
    held: t('mentors.sheet.yearHeld', { year }),
    residents: t('mentors.sheet.yearResidents', { year }),
  });
  return bridge.saveFile({ suggestedName: `${t('mentors.sheet.file')}-${today}.xlsx`, bytes: await exportTable(sheet, 'xlsx') });
}
