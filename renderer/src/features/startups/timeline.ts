import type { TFunction } from 'i18next';
import type { StartupFile } from '../../store/startups';
import { MERGED_ON_ROSTER } from '../../store/syncState';

export interface TimelineEvent {
  at: string;
  text: string;
  who?: string;
}

const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  Object.keys({ ...before, ...after }).filter((k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));

/** Everything recorded about a startup, newest first: edits from the audit log and the records about it. */
export function timelineOf(file: StartupFile, t: TFunction): TimelineEvent[] {
  const founderName = new Map(file.founders.map((f) => [f.id, f.name]));
  const fieldLabel = (k: string) => t(`startups.form.${k}`, { defaultValue: k });
  const events: TimelineEvent[] = file.audit.map((a) => {
    const before = a.before as Record<string, unknown> | null;
    // null: the record left the desk (merged into another admission of the same company, or removed on the roster).
    const after = (a.after ?? {}) as Record<string, unknown>;
    let text: string;
    if (a.entity === 'founder') text = t(before ? 'startups.event.founderChanged' : 'startups.event.founderCreated', { name: founderName.get(a.recordId) ?? '' });
    else if (!before) text = t('startups.event.created');
    else if (!before.voidedAt && after.voidedAt) text = `${t('startups.event.voided')}：${String(after.voidedReason ?? '')}`;
    else text = t('startups.event.changed', { fields: changedFields(before, after).map(fieldLabel).join('、') });
    return { at: a.at, text, who: a.who === MERGED_ON_ROSTER ? t('sync.mergedOnRoster') : a.who };
  });
  for (const s of file.sessions) events.push({ at: s.startsAt, text: `${t('startups.event.session', { status: t(`enums.sessionStatus.${s.status}`) })} ${s.topics.join('、')}` });
  for (const r of file.reports) events.push({ at: r.updatedAt, text: t('startups.event.report', { period: r.period }) });
  for (const e of file.evaluations) events.push({ at: e.updatedAt, text: t('startups.event.evaluation', { period: e.period, total: e.total }) });
  for (const x of file.exits) events.push({ at: x.decidedOn ?? x.proposedOn, text: t('startups.event.exit', { kind: t(`enums.exitKind.${x.kind}`), status: t(`enums.exitStatus.${x.status}`) }) });
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
