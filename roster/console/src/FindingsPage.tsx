import { Alert, Button, Card, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditCodeFindingView, FindingHolder, FindingsView, FounderFindingView, RegionMismatch } from '../../http/consoleApi';
import { api, errorText } from './api';
import { navigate } from './route';
import { useRegions } from './useRegions';

const pageSize = 50;

/** A carrier of a finding, as a link to its residents page. */
function CarrierLink({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Button type="link" style={{ padding: 0, height: 'auto' }} aria-label={t('carriers.open', { name })} onClick={() => navigate({ page: 'carrier', code })}>
      {name}
    </Button>
  );
}

/** Each record of a finding at a carrier in the scope, then how many carriers outside it share the finding. */
function HoldersCell({ holders, elsewhere }: { holders: FindingHolder[]; elsewhere: number }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={2}>
      {holders.map((h) => (
        <span key={`${h.carrierCode}/${h.startupId}/${h.name}`}>
          <CarrierLink code={h.carrierCode} name={h.carrierName} /> · {h.name}
        </span>
      ))}
      {elsewhere > 0 && <Typography.Text type="secondary">{t('findings.elsewhere', { count: elsewhere })}</Typography.Text>}
    </Space>
  );
}

/** One worklist, a page at a time after the last one's cursor. */
function Worklist<F>({ path, columns, rowKey, label }: { path: string; columns: ColumnsType<F>; rowKey: (f: F) => string; label: string }) {
  const { t } = useTranslation();
  const [findings, setFindings] = useState<F[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const load = useCallback(
    (after: string | null) =>
      api<FindingsView<F>>('GET', `${path}?limit=${pageSize}${after ? `&after=${encodeURIComponent(after)}` : ''}`).then(
        (page) => {
          setFindings((shown) => (after && shown ? [...shown, ...page.findings] : page.findings));
          setNext(page.next);
        },
        (err: unknown) => setError(errorText(t, err)),
      ),
    [path, t],
  );
  useEffect(() => void load(null), [load]);
  return (
    <section aria-label={label}>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Table<F> rowKey={rowKey} loading={!findings && !error} dataSource={findings} pagination={false} locale={{ emptyText: t('findings.empty') }} columns={columns} />
      {next && (
        <Button style={{ marginTop: 16 }} onClick={() => void load(next)}>
          {t('findings.more')}
        </Button>
      )}
    </section>
  );
}

function RegionsList() {
  const { t } = useTranslation();
  const regions = useRegions();
  const [carriers, setCarriers] = useState<RegionMismatch[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<{ carriers: RegionMismatch[] }>('GET', '/findings/regions').then((a) => setCarriers(a.carriers), (err: unknown) => setError(errorText(t, err)));
  }, [t]);
  return (
    <section aria-label={t('findings.regions')}>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Table<RegionMismatch>
        rowKey="carrierCode"
        loading={!carriers && !error}
        dataSource={carriers}
        pagination={{ pageSize, showSizeChanger: false }}
        locale={{ emptyText: t('findings.empty') }}
        columns={[
          { title: t('findings.carrier'), key: 'carrier', render: (_, c) => <CarrierLink code={c.carrierCode} name={c.carrierName} /> },
          { title: t('findings.authorityRegion'), dataIndex: 'authorityRegion', render: regions.label },
          { title: t('findings.reportedRegion'), dataIndex: 'reportedRegion', render: regions.label },
        ]}
      />
    </section>
  );
}

/** The cross-carrier findings (issue 12) inside the account's scope, each linking to the carriers concerned. */
export function FindingsPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('findings.title')} role="region" aria-label={t('findings.title')}>
      <Typography.Paragraph type="secondary">{t('findings.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'creditCodes',
            label: t('findings.creditCodes'),
            children: (
              <Worklist<CreditCodeFindingView>
                path="/findings/credit-codes"
                label={t('findings.creditCodes')}
                rowKey={(f) => f.creditCode}
                columns={[
                  { title: t('residents.creditCode'), dataIndex: 'creditCode' },
                  { title: t('findings.holders'), key: 'holders', render: (_, f) => <HoldersCell holders={f.holders} elsewhere={f.elsewhere} /> },
                ]}
              />
            ),
          },
          {
            key: 'founders',
            label: t('findings.founders'),
            children: (
              <Worklist<FounderFindingView>
                path="/findings/founders"
                label={t('findings.founders')}
                rowKey={(f) => f.founders.map((x) => `${x.carrierCode}/${x.founderId}`).join(' ')}
                columns={[
                  { title: t('findings.idNumber'), dataIndex: 'idNumberMasked' },
                  { title: t('findings.foundersAt'), key: 'founders', render: (_, f) => <HoldersCell holders={f.founders} elsewhere={f.elsewhere} /> },
                ]}
              />
            ),
          },
          { key: 'regions', label: t('findings.regions'), children: <RegionsList /> },
        ]}
      />
    </Card>
  );
}
