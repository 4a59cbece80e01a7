import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Evaluation } from '@core/records';

const COLORS = { excellent: '#52c41a', good: '#1677ff', pass: '#faad14', fail: '#ff4d4f' } as const;
const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;

/** How many startups reached each grade in the round. */
export function GradeChart({ evaluations }: { evaluations: readonly Pick<Evaluation, 'grade'>[] }) {
  const { t } = useTranslation();
  const data = GRADES.map((g) => ({ grade: g, label: t(`evaluations.grades.${g}`), count: evaluations.filter((e) => e.grade === g).length }));
  return (
    <figure aria-label={t('evaluations.distribution')} style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>{t('evaluations.distribution')}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        {/* Room above the tallest bar for its count. */}
        <BarChart data={data} margin={{ top: 18 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(v) => [v, t('evaluations.count')]} />
          <Bar dataKey="count" name={t('evaluations.count')} isAnimationActive={false} label={{ position: 'top' }}>
            {data.map((d) => (
              <Cell key={d.grade} fill={COLORS[d.grade]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
