import type { TFunction, i18n as I18n } from 'i18next';
import type { AttentionItem } from '../../store/syncState';

/** Where each record kind's field labels live, to name the field a reason points at. */
const fieldLabels: Record<string, string> = { startup: 'startups.form', mentor: 'mentors', carrier: 'carrier' };

/**
 * The roster names problems as `field: v.key` (core's i18n keys) or `field: sync.reasons.key` (text it
 * cannot store), several joined by '; '. Known keys are
 * shown in the manager's language with the field's label; anything else exactly as the roster said it.
 */
export function describeReason(item: Pick<AttentionItem, 'entity' | 'reason'>, t: TFunction, i18n: I18n): string {
  return item.reason
    .split('; ')
    .map((part) => {
      const match = /^([\w.]+): ((?:v|sync\.reasons)\.[\w.]+)$/.exec(part);
      if (!match || !i18n.exists(match[2]!)) return part;
      const labelKey = `${fieldLabels[item.entity] ?? '-'}.${match[1]}`;
      const field = i18n.exists(labelKey) ? t(labelKey) : match[1];
      return t('sync.attention.fieldIssue', { field, problem: t(match[2]!) });
    })
    .join('\n');
}

const pageOf: Record<string, string> = {
  carrier: 'settings',
  mentor: 'mentors',
  session: 'sessions',
  report: 'reports',
  template: 'evaluations',
  evaluation: 'evaluations',
  exit: 'exits',
};

/** Where the manager fixes the record: a startup's (or its founder's) edit form, else the record's page. */
export function fixLink({ entity, recordId, record }: Pick<AttentionItem, 'entity' | 'recordId' | 'record'>): string {
  if (entity === 'startup') return `#/startups/${recordId}/edit`;
  const startupId = (record as { startupId?: unknown } | null)?.startupId;
  if (entity === 'founder' && typeof startupId === 'string') return `#/startups/${startupId}/edit`;
  return `#/${pageOf[entity] ?? 'dashboard'}`;
}

export const recordName = ({ recordId, record }: Pick<AttentionItem, 'recordId' | 'record'>): string => {
  const name = (record as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name ? name : recordId;
};
