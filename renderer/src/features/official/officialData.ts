import type { DateRange } from '@core/kpis/carrierNumbers';
import { employmentRoster } from '@core/official/employmentRoster';
import { entityRoster } from '@core/official/entityRoster';
import { mentorRoster } from '@core/official/mentorRoster';
import type { OfficialFile, Translate } from '@core/official/sheet';
import { torchTable } from '@core/official/torch';
import type { Carrier } from '@core/records';
import { db } from '../../store/db';
import { mentorStatsBetween } from '../../store/sessions';

export const sheetKinds = ['torch', 'entities', 'employment', 'mentors'] as const;
export type SheetKind = (typeof sheetKinds)[number];

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

/** The records each file reads: residents up to the range's end, with their founders, reports and claims. */
async function records(kind: SheetKind, range: DateRange) {
  const startups = await db.startups.where('admittedOn').belowOrEqual(range.to).toArray();
  const ids = startups.map((s) => s.id);
  const [founders, reports, claims] = await Promise.all([
    kind === 'entities' || kind === 'employment' ? db.founders.where('startupId').anyOf(ids).toArray() : [],
    kind === 'torch' || kind === 'employment' ? db.reports.where('period').between(range.from.slice(0, 4), `${range.to.slice(0, 4)}\uffff`, true, true).toArray() : [],
    // Supports paid through the desk in the range (the 火炬 table's loans and 财政资助); few, so read whole.
    kind === 'torch' ? db.claims.toArray() : [],
  ]);
  return { startups, founders, reports, claims };
}

/**
 * Builds one official file for a range. The file is labelled with `t` (Chinese for the file itself);
 * the caller builds it again with the desk's language when it has problems to show.
 */
export async function buildOfficial(kind: SheetKind, carrier: Carrier, range: DateRange): Promise<(t: Translate) => OfficialFile> {
  if (kind === 'mentors') {
    const mentors = (await db.mentors.toArray()).filter((m) => m.active).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    // Beijing days, as sessions are booked.
    const from = Date.parse(`${range.from}T00:00:00+08:00`);
    const stats = await mentorStatsBetween(db, mentors, from, Date.parse(`${range.to}T00:00:00+08:00`) + DAY_MS, carrier.rules);
    return (t) => mentorRoster(mentors, stats, t, { sheet: t('official.mentors.sheet'), held: t('official.mentors.held'), residents: t('official.mentors.residents') });
  }
  const { startups, founders, reports, claims } = await records(kind, range);
  if (kind === 'torch') return (t) => torchTable({ startups, reports, claims, range, today: today() }, t);
  if (kind === 'entities') return (t) => entityRoster({ startups, founders, range }, t);
  return (t) => employmentRoster({ startups, founders, reports, range, today: today() }, t);
}
