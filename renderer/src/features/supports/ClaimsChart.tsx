import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { claimsByQuarter } from '@core/supports';
import { allClaims } from '../../store/claims';
import { db } from '../../store/db';
import { ChartCard } from '../dashboard/ChartCard';

const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/** The dashboard's card of supports claimed and granted per quarter, from the claims themselves. */
export function ClaimsChart({ print }: { print?: boolean }) {
  const { t } = useTranslation();
  const quarters = useLiveQuery(async () => claimsByQuarter(await allClaims(db)), []);
  const c = (k: string) => t(`supports.chart.${k}`);
  const rows = (quarters ?? []).map((q) => ({ ...q, askedWan: wan(q.asked), grantedWan: wan(q.grantedAmount) }));
  const chart = (
    <ResponsiveContainer width="100%" height="100%" {...(print ? { width: 680, height: 240 } : {})}>
      <ComposedChart data={rows} margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="quarter" />
        <YAxis yAxisId="n" allowDecimals={false} />
        <YAxis yAxisId="wan" orientation="right" />
        <Tooltip />
        <Legend />
        <Bar yAxisId="n" dataKey="claimed" name={c('claimed')} fill="#1f4e9c" isAnimationActive={!print} />
        <Bar yAxisId="n" dataKey="granted" name={c('granted')} fill="#3a9e6b" isAnimationActive={!print} />
        <Line yAxisId="wan" dataKey="grantedWan" name={c('grantedAmount')} stroke="#e8833a" isAnimationActive={!print} />
      </ComposedChart>
    </ResponsiveContainer>
  );
  return (
    <ChartCard
      print={print}
      title={c('title')}
      rows={rows}
      chart={chart}
      columns={[
        { title: c('quarter'), dataIndex: 'quarter' },
        { title: c('claimed'), dataIndex: 'claimed' },
        { title: c('asked'), dataIndex: 'askedWan' },
        { title: c('granted'), dataIndex: 'granted' },
        { title: c('grantedAmount'), dataIndex: 'grantedWan' },
      ]}
    />
  );
}
