import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import type { DateRange } from '@core/kpis/carrierNumbers';
import { PrintFrame } from '../../shell/PrintFrame';
import { navigate } from '../../shell/route';
import { DashboardCharts } from './Charts';
import { useDashboard } from './dashboardData';

/** The whole dashboard on A4 pages, with the carrier's name and the period, in the desk's language. */
export function DashboardPrint({ carrier, range }: { carrier: Carrier; range: DateRange }) {
  const { t } = useTranslation();
  const data = useDashboard(carrier, range);
  const title = t('dashboard.printTitle', { carrier: carrier.name });
  return (
    <PrintFrame label={t('dashboard.printLabel')} fileName={`${title}-${range.from}-${range.to}`} ready={!!data} onBack={() => navigate('dashboard', range.from, range.to)}>
      {!data ? (
        <Spin />
      ) : (
        <section className="print-page dashboard-print">
          <h1>{title}</h1>
          <div className="subtitle">
            {t('dashboard.printPeriod', { from: range.from, to: range.to })} · {t('dashboard.printedOn', { date: new Date().toISOString().slice(0, 10) })}
          </div>
          <DashboardCharts data={data} print />
        </section>
      )}
    </PrintFrame>
  );
}
