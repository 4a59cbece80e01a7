import type { TFunction } from 'i18next';
import type { ImportChange } from '@core/import';
import { maskIdNumber } from '@core/validators/idNumber';

/** The enum each coded field's values are labelled from. */
const ENUM_OF: Partial<Record<string, string>> = {
  entityType: 'entityType',
  industry: 'industry',
  field: 'field',
  stage: 'stage',
  education: 'education',
  status: 'listState',
  exitKind: 'exitKind',
};

/** A field's value as the manager reads it: labels for codes, 是/否, masked ID numbers, （空） for none. */
function valueText(field: string, value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('import.change.empty');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (field === 'idNumber') return maskIdNumber(String(value));
  if (field === 'keyGroups' && Array.isArray(value)) return value.map((g) => t(`enums.keyGroup.${String(g)}`)).join('、');
  const kind = ENUM_OF[field];
  return kind ? t(`enums.${kind}.${String(value)}`) : Array.isArray(value) ? value.join('、') : String(value);
}

/** 面积：20 → 35 */
export function changeText(c: ImportChange, t: TFunction): string {
  const label = t([`import.fields.${c.field}`, `import.change.fields.${c.field}`, c.field]);
  return t('import.change.text', { field: label, before: valueText(c.field, c.before, t), after: valueText(c.field, c.after, t) });
}
