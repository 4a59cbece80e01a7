import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A chart with the figures behind it one click away as a table (or only the table, when there is no chart). */
export function ChartCard<Row extends object>({ title, rows, columns, chart, print }: { title: string; rows: Row[]; columns: ColumnsType<Row>; chart?: ReactNode; print?: boolean }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const body =
    rows.length === 0 ? (
      <Empty description={t('dashboard.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
    ) : asTable || !chart ? (
      <Table<Row> size="small" pagination={false} columns={columns} dataSource={rows.map((r, i) => ({ ...r, key: i }))} scroll={print ? undefined : { y: 230 }} />
    ) : (
      chart
    );
  if (print) {
    return (
      <section className="print-chart">
        <h2>{title}</h2>
        {body}
      </section>
    );
  }
  return (
    <Card
      size="small"
      title={title}
      role="region"
      aria-label={title}
      extra={
        chart && <Button size="small" type="text" icon={asTable ? <BarChartOutlined /> : <TableOutlined />} aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {asTable ? t('dashboard.showChart') : t('dashboard.showTable')}
        </Button>
      }
    >
      <div style={{ height: 280 }}>{body}</div>
    </Card>
  );
}
