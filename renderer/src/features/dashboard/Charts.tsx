import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Figure, NumberKey } from '@core/kpis/carrierNumbers';
import { formatFigure, formatValue } from '../../shell/figures';
import { ChartCard } from './ChartCard';
import { ClaimsChart } from '../supports/ClaimsChart';
import type { Dashboard } from './dashboardData';

const colors = ['#1f4e9c', '#e8833a', '#3a9e6b', '#c0392b', '#8e6fbf', '#5aa9c9'];
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/** On screen charts fill their card; printed, they have a fixed size and no animation so the PDF is complete. */
function Frame({ print, children }: { print?: boolean; children: ReactNode }) {
  return print ? <div style={{ width: 680, height: 240 }}>{children}</div> : <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>;
}
const size = (print?: boolean) => (print ? { width: 680, height: 240 } : {});

export function DashboardCharts({ data, print }: { data: Dashboard; print?: boolean }) {
  const { t } = useTranslation();
  const f = data.figures;
  const animate = !print;
  const s = (k: string) => t(`dashboard.series.${k}`);
  const col = (k: string) => t(`dashboard.col.${k}`);
  const countChart = (rows: { key: string; count: number; label: string }[]) => (
    <Frame print={print}>
      <BarChart data={rows} layout="vertical" margin={{ left: 24, right: 16 }} {...size(print)}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={150} interval={0} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Bar dataKey="count" name={s('count')} fill={colors[0]} isAnimationActive={animate} />
      </BarChart>
    </Frame>
  );
  const countColumns = [
    { title: col('category'), dataIndex: 'label' },
    { title: s('count'), dataIndex: 'count' },
  ];
  // Long official names (GB/T 4754 sections) are cut on the axis; the table shows them whole.
  const short = (label: string) => (label.length > 10 ? `${label.slice(0, 9)}…` : label);
  // Residents whose stage or industry is not given yet are a category of their own (待补充).
  const labelled = (rows: { key: string; count: number }[], prefix: string) => rows.map((r) => ({ ...r, label: r.key ? t(`${prefix}.${r.key}`) : t('common.notGiven') }));
  const axisLabelled = (rows: { key: string; count: number; label: string }[]) => rows.map((r) => ({ ...r, label: short(r.label) }));
  const exits = Object.entries(data.numbers.exitedByKind).map(([key, count]) => ({ key, count, label: t(`enums.exitKind.${key}`) }));
  const money = f.money.map((m) => ({ period: m.period, revenue: wan(m.revenue), financing: wan(m.financing) }));
  const sessions = f.sessions.map((m) => ({ ...m, coveragePercent: Math.round(m.coverage * 1000) / 10 }));
  const numbers = (Object.entries(data.numbers.figures) as [NumberKey, Figure][]).map(([key, fig]) => ({
    key,
    name: t(`exits.numbers.figure.${key}`),
    value: formatFigure(key, fig),
    threshold: fig.threshold === undefined ? '—' : formatValue(key, fig.threshold),
    meets: fig.meets,
  }));

  return (
    <div className={print ? undefined : 'dashboard-grid'}>
      <ChartCard print={print} title={t('dashboard.chart.stage')} rows={labelled(f.byStage, 'enums.stage')} columns={countColumns} chart={countChart(axisLabelled(labelled(f.byStage, 'enums.stage')))} />
      <ChartCard print={print} title={t('dashboard.chart.industry')} rows={labelled(f.byIndustry, 'enums.industry')} columns={countColumns} chart={countChart(axisLabelled(labelled(f.byIndustry, 'enums.industry')))} />
      <ChartCard print={print} title={t('dashboard.chart.keyGroup')} rows={labelled(f.byKeyGroup, 'enums.keyGroup')} columns={countColumns} chart={countChart(axisLabelled(labelled(f.byKeyGroup, 'enums.keyGroup')))} />
      <ChartCard
        print={print}
        title={t('dashboard.chart.jobs')}
        rows={f.jobs}
        columns={[{ title: col('period'), dataIndex: 'period' }, ...['employees', 'keyGroupHires', 'newGraduateHires'].map((k) => ({ title: s(k), dataIndex: k }))]}
        chart={
          <Frame print={print}>
            <LineChart data={f.jobs} {...size(print)}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="period" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {['employees', 'keyGroupHires', 'newGraduateHires'].map((k, i) => (
                <Line key={k} dataKey={k} name={s(k)} stroke={colors[i]} strokeWidth={2} isAnimationActive={animate} />
              ))}
            </LineChart>
          </Frame>
        }
      />
      <ChartCard
        print={print}
        title={t('dashboard.chart.money')}
        rows={money}
        columns={[{ title: col('period'), dataIndex: 'period' }, ...['revenue', 'financing'].map((k) => ({ title: s(k), dataIndex: k }))]}
        chart={
          <Frame print={print}>
            <BarChart data={money} {...size(print)}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="period" />
              <YAxis />
              <Tooltip />
              <Legend />
              <Bar dataKey="revenue" name={s('revenue')} fill={colors[0]} isAnimationActive={animate} />
              <Bar dataKey="financing" name={s('financing')} fill={colors[1]} isAnimationActive={animate} />
            </BarChart>
          </Frame>
        }
      />
      <ChartCard
        print={print}
        title={t('dashboard.chart.grades')}
        rows={f.grades}
        columns={[{ title: col('period'), dataIndex: 'period' }, ...(['excellent', 'good', 'pass', 'fail'] as const).map((g) => ({ title: t(`evaluations.grades.${g}`), dataIndex: g }))]}
        chart={
          <Frame print={print}>
            <BarChart data={f.grades} {...size(print)}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="period" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {(['excellent', 'good', 'pass', 'fail'] as const).map((g, i) => (
                <Bar key={g} dataKey={g} stackId="g" name={t(`evaluations.grades.${g}`)} fill={[colors[2], colors[0], colors[5], colors[3]][i]} isAnimationActive={animate} />
              ))}
            </BarChart>
          </Frame>
        }
      />
      <ChartCard
        print={print}
        title={t('dashboard.chart.sessions')}
        rows={sessions}
        columns={[
          { title: col('month'), dataIndex: 'month' },
          { title: s('held'), dataIndex: 'held' },
          { title: s('coached'), dataIndex: 'coached' },
          { title: s('residents'), dataIndex: 'residents' },
          { title: `${s('coverage')} %`, dataIndex: 'coveragePercent' },
        ]}
        chart={
          <Frame print={print}>
            <ComposedChart data={sessions} {...size(print)}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis yAxisId="n" allowDecimals={false} />
              <YAxis yAxisId="p" orientation="right" unit="%" domain={[0, 100]} />
              <Tooltip />
              <Legend />
              <Bar yAxisId="n" dataKey="held" name={s('held')} fill={colors[0]} isAnimationActive={animate} />
              <Line yAxisId="p" dataKey="coveragePercent" name={`${s('coverage')} %`} stroke={colors[1]} strokeWidth={2} isAnimationActive={animate} />
            </ComposedChart>
          </Frame>
        }
      />
      <ChartCard print={print} title={t('dashboard.chart.exits')} rows={exits} columns={countColumns} chart={countChart(exits)} />
      <ChartCard
        print={print}
        title={t('dashboard.chart.numbers')}
        rows={numbers}
        columns={[
          { title: col('figure'), dataIndex: 'name' },
          { title: col('value'), dataIndex: 'value' },
          { title: col('threshold'), dataIndex: 'threshold' },
          {
            title: col('status'),
            key: 'meets',
            render: (_: unknown, n: (typeof numbers)[number]) =>
              n.meets === undefined ? '—' : <Tag color={n.meets ? 'green' : 'red'}>{n.meets ? t('exits.numbers.meets') : t('exits.numbers.below', { threshold: n.threshold })}</Tag>,
          },
        ]}
      />
      <ClaimsChart print={print} />
    </div>
  );
}
