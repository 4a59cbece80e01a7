import { PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Spin, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import type { DateRange } from '@core/kpis/carrierNumbers';
import { navigate } from '../../shell/route';
import { OfficialFiles } from '../official/OfficialFiles';
import { SelfAssessmentView } from '../official/SelfAssessmentView';
import { DashboardCharts } from './Charts';
import { DashboardPrint } from './DashboardPrint';
import { useDashboard } from './dashboardData';
import './dashboard.css';

const today = () => new Date().toISOString().slice(0, 10);
const isDay = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * #/dashboard[/<from>/<to>], #/dashboard/print/<from>/<to>: the range lives in the URL, so print and reload keep it.
 * #/dashboard/official[/self-assessment/<from>/<to>]: the official files, and the self-assessment print view.
 */
export function DashboardPage({ rest, carrier }: { rest: string[]; carrier: Carrier }) {
  if (rest[0] === 'official') {
    const [view, from, to] = rest.slice(1);
    if (view === 'self-assessment' && isDay(from) && isDay(to)) return <SelfAssessmentView carrier={carrier} range={{ from, to }} />;
    return <Overview carrier={carrier} range={defaultRange()} tab="files" />;
  }
  const printing = rest[0] === 'print';
  const [from, to] = printing ? rest.slice(1) : rest;
  const range: DateRange = isDay(from) && isDay(to) ? { from, to } : defaultRange();
  if (printing) return <DashboardPrint carrier={carrier} range={range} />;
  return <Overview carrier={carrier} range={range} tab="overview" />;
}

const defaultRange = (): DateRange => ({ from: `${today().slice(0, 4)}-01-01`, to: today() });

function Overview({ carrier, range, tab }: { carrier: Carrier; range: DateRange; tab: 'overview' | 'files' }) {
  const { t } = useTranslation();
  const data = useDashboard(carrier, range);
  const year = Number(today().slice(0, 4));
  const go = (r: DateRange) => navigate('dashboard', r.from, r.to);
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => (key === 'files' ? navigate('dashboard', 'official') : go(range))}
      destroyOnHidden
      items={[
        {
          key: 'overview',
          label: t('dashboard.overview'),
          children: (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Space wrap>
                <span>{t('dashboard.range')}</span>
                <DatePicker.RangePicker
                  aria-label={t('dashboard.range')}
                  allowClear={false}
                  value={[dayjs(range.from), dayjs(range.to)]}
                  presets={[
                    { label: t('dashboard.thisYear'), value: [dayjs(`${year}-01-01`), dayjs(today())] },
                    { label: t('dashboard.lastYear'), value: [dayjs(`${year - 1}-01-01`), dayjs(`${year - 1}-12-31`)] },
                    { label: t('dashboard.last12'), value: [dayjs(today()).subtract(12, 'month').add(1, 'day'), dayjs(today())] },
                  ]}
                  onChange={(v) => v?.[0] && v[1] && go({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
                />
                <Button icon={<PrinterOutlined />} onClick={() => navigate('dashboard', 'print', range.from, range.to)}>
                  {t('dashboard.print')}
                </Button>
              </Space>
              {data ? <DashboardCharts data={data} /> : <Spin />}
            </Space>
          ),
        },
        { key: 'files', label: t('dashboard.files'), children: <OfficialFiles carrier={carrier} /> },
      ]}
    />
  );
}
