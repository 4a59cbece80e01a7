import { industryLabel, type CompletableField, type Startup } from '@core/records';

type Translate = (key: string) => string;

/** A startup's industry as the list and its file show it: section letter and name, or 待补充 while not given. */
export const industryText = (industry: string | undefined, t: Translate) => (industry ? industryLabel(industry, t) : t('common.notGiven'));

/** A field or stage as shown, or 待补充 while not given. */
export const choiceText = (kind: 'field' | 'stage', value: string | undefined, t: Translate) => (value ? t(`enums.${kind}.${value}`) : t('common.notGiven'));

/** A completable field's value as shown (the agreement end is always given). */
export function completableText(s: Pick<Startup, CompletableField>, field: CompletableField, t: Translate): string {
  if (field === 'industry') return industryText(s.industry, t);
  if (field === 'agreementEndsOn') return s.agreementEndsOn;
  return choiceText(field, s[field], t);
}
