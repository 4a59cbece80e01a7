import type { MentorStats } from '../mentoring';
import type { Mentor } from '../records';
import { problemsFor, type OfficialFile, type Problem, type Translate } from './sheet';

/** The calendar day (China time) of an instant. */
const chinaDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

export interface MentorRosterLabels {
  sheet: string;
  /** Headers of the two period columns, which name the period (a year, or a date range). */
  held: string;
  residents: string;
}

/**
 * 创业导师名册, one builder for both exports: the mentors page's 导师花名册 for a year and the official
 * file for a range. The layout is Chinese whatever language the desk shows, so callers pass a zh `t`.
 */
export function mentorRoster(mentors: readonly Mentor[], stats: Map<string, MentorStats>, t: Translate, labels: MentorRosterLabels): OfficialFile {
  const problems: Problem[] = [];
  const rows = mentors.map((m, i) => {
    const s = stats.get(m.id);
    if (!m.phone) problemsFor(problems, { kind: 'mentor', id: m.id, name: m.name }, t).missing(t('mentors.phone'));
    return [
      i + 1,
      m.name,
      t(`mentors.kinds.${m.kind}`),
      m.coachLevel ? t('mentors.coachLevelOption', { level: m.coachLevel }) : '',
      m.organisation ?? '',
      m.expertise.join('、'),
      m.phone ?? '',
      t(m.active ? 'mentors.activeYes' : 'mentors.activeNo'),
      s?.held ?? 0,
      s?.residentsCoached ?? 0,
      s?.averageRating ?? null,
      s?.lastSession ? chinaDay(s.lastSession) : '',
    ];
  });
  return {
    sheet: {
      name: labels.sheet,
      columns: [
        { header: t('mentors.sheet.no'), width: 6, kind: 'number' },
        { header: t('mentors.name'), width: 12 },
        { header: t('mentors.kind'), width: 12 },
        { header: t('mentors.coachLevel'), width: 12 },
        { header: t('mentors.organisation'), width: 28 },
        { header: t('mentors.expertise'), width: 24 },
        { header: t('mentors.phone'), width: 15 },
        { header: t('mentors.active'), width: 10 },
        { header: labels.held, width: 16, kind: 'number' },
        { header: labels.residents, width: 18, kind: 'number' },
        { header: t('mentors.averageRating'), width: 10, kind: 'number' },
        // Text, not a date cell: the day as the desk shows it, whatever the reader's locale.
        { header: t('mentors.lastSession'), width: 12 },
      ],
      rows,
    },
    problems,
  };
}
