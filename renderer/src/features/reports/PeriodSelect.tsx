import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodOf, previousPeriod } from '@core/scoring';

/** The current quarter and the n before it, newest first. */
export function recentQuarters(today: string, n = 9): string[] {
  const out = [periodOf(today, 'quarter')];
  while (out.length < n) out.push(previousPeriod(out.at(-1)!));
  return out;
}

/** The quarter a period is about, e.g. 2025年第2季度. */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (period: string) => t('reports.periodOption', { year: period.slice(0, 4), q: period.slice(5) });
}

export const thisQuarter = () => periodOf(new Date().toISOString().slice(0, 10), 'quarter');
export const lastQuarter = () => previousPeriod(thisQuarter());

export function PeriodSelect({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const options = recentQuarters(new Date().toISOString().slice(0, 10));
  return (
    <Select
      aria-label={t('reports.period')}
      value={value}
      onChange={onChange}
      style={{ width: 170 }}
      options={(options.includes(value) ? options : [value, ...options]).map((p) => ({ value: p, label: label(p) }))}
    />
  );
}
