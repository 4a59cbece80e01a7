import type { TFunction } from 'i18next';
import type { Conflict } from '@core/sync/protocol';

/** Where each record kind's field labels live (as the attention list names fields). */
const fieldLabels: Record<string, string> = { startup: 'startups.form', founder: 'startups.form', mentor: 'mentors', carrier: 'carrier' };

export const fieldLabel = (c: Pick<Conflict, 'entity' | 'field'>, t: TFunction) => t(`${fieldLabels[c.entity] ?? '-'}.${c.field}`, { defaultValue: c.field });

/** A value as the manager reads it: text as it is, yes/no, lists joined, nothing as "(empty)". */
export function valueText(value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '') return t('sync.conflicts.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.map((v) => valueText(v, t)).join('、');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
