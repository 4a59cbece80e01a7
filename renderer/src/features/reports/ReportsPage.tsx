import { Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportPeriod } from './ImportPeriod';
import { lastQuarter, PeriodSelect } from './PeriodSelect';
import { ReportGrid } from './ReportGrid';

/** 经营数据: a period's operating reports for every resident, typed in or imported. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(lastQuarter);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PeriodSelect value={period} onChange={setPeriod} />
      <Tabs
        items={[
          { key: 'grid', label: t('reports.tabs.grid'), children: <ReportGrid key={period} period={period} /> },
          { key: 'import', label: t('reports.tabs.import'), children: <ImportPeriod key={period} period={period} /> },
        ]}
      />
    </Space>
  );
}
