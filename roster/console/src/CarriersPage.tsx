import { Alert, Button, Card, Form, Select, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, CarrierRow } from '../../http/consoleApi';
import { api, errorText } from './api';
import { levelOptions, lineOptions, statusOptions } from './carrierWords';
import { NewCarrierDialog } from './NewCarrierDialog';
import { RegionFilter } from './RegionFilter';
import { navigate } from './route';
import { type HandOver, HandOverDialog } from './HandOverDialog';
import { useRegions } from './useRegions';

interface Filter {
  region?: string;
  line?: string;
  level?: string;
  status?: string;
}

export const statusColors: Record<string, string> = { listed: 'green', rectify: 'orange', removed: 'red' };

export function CarriersPage({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const regions = useRegions();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ carriers: CarrierRow[]; total: number }>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<HandOver | null>(null);
  const pageSize = 50;

  const load = useCallback(() => {
    const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
    api<{ carriers: CarrierRow[]; total: number }>('GET', `/carriers?${query}`).then(
      (answer) => {
        setData(answer);
        setError(undefined);
      },
      (err: unknown) => setError(errorText(t, err)),
    );
  }, [filter, page, t]);
  useEffect(load, [load]);

  const all = { value: '', label: t('carriers.all') };
  const changeFilter = (values: Filter) => {
    setPage(1);
    setFilter(values);
  };
  return (
    <Card
      title={t('carriers.title')}
      extra={
        account.role === 'officer' && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('carriers.create')}
          </Button>
        )
      }
    >
      <Form layout="inline" aria-label={t('carriers.title')} onValuesChange={(_, values: Filter) => changeFilter(values)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="region" label={t('carriers.place')} tooltip={t('carriers.regionHelp')}>
          <RegionFilter scope={account.scope} aria-label={t('carriers.regionFilter')} />
        </Form.Item>
        <Form.Item name="line" label={t('carriers.line')} initialValue="">
          <Select aria-label={t('carriers.line')} options={[all, ...lineOptions(t)]} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="level" label={t('carriers.level')} initialValue="">
          <Select aria-label={t('carriers.level')} options={[all, ...levelOptions(t)]} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="status" label={t('carriers.status')} initialValue="">
          <Select aria-label={t('carriers.status')} options={[all, ...statusOptions(t)]} style={{ width: 120 }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Table<CarrierRow>
        rowKey="code"
        loading={!data && !error}
        dataSource={data?.carriers}
        pagination={{ current: page, pageSize, total: data?.total, showSizeChanger: false, showTotal: (count) => t('carriers.total', { count }), onChange: setPage }}
        columns={[
          { title: t('carriers.code'), dataIndex: 'code' },
          {
            title: t('carriers.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Button type="link" style={{ padding: 0 }} aria-label={t('carriers.open', { name })} onClick={() => navigate({ page: 'carrier', code: row.code })}>
                {name}
              </Button>
            ),
          },
          { title: t('carriers.place'), dataIndex: 'regionCode', render: (code: string | null) => (code ? regions.label(code) : t('carriers.unplaced')) },
          { title: t('carriers.line'), dataIndex: 'line', render: (line: string | null) => (line ? t(`carrierWords.lines.${line}`) : '') },
          { title: t('carriers.level'), dataIndex: 'level', render: (level: string | null) => (level ? t(`carrierWords.levels.${level}`) : '') },
          {
            title: t('carriers.status'),
            dataIndex: 'status',
            render: (status: string) => <Tag color={statusColors[status]}>{t(`carrierWords.rosterStatus.${status}`)}</Tag>,
          },
        ]}
      />
      <NewCarrierDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setIssued({ kind: 'token', code: created.code, secret: created.token });
          load();
        }}
      />
      <HandOverDialog handOver={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
