import { Alert, App, Breadcrumb, Button, Card, Col, Form, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AccountView, FiguresRow, FiguresView, RateFigure } from '../../http/consoleApi';
import { api, errorText } from './api';
import { exitKindsIn, figuresWorkbook, gradeKeys, percent, rateText, rowName, verdictText } from './figuresColumns';
import { navigate } from './route';
import { useRegions } from './useRegions';

/** The quarter today is in, Beijing time, as the service's default. */
function thisQuarter(): { year: number; quarter: number } {
  const day = new Date(Date.now() + 8 * 3_600_000);
  return { year: day.getUTCFullYear(), quarter: Math.ceil((day.getUTCMonth() + 1) / 3) };
}

/** Region codes from the scope down to the one shown: nation › 11 › 1101 › 110108. */
function pathTo(scope: string, region: string): string[] {
  const levels = scope === 'nation' ? ['nation'] : [scope];
  for (let n = scope === 'nation' ? 2 : scope.length + 2; n <= region.length && region !== 'nation'; n += 2) levels.push(region.slice(0, n));
  return levels;
}

/** Where the page starts: ?region=…&period=… (so a drill-down can be bookmarked), else the scope and this quarter. */
function fromLocation(scope: string): { region: string; period: string } {
  const query = new URLSearchParams(window.location.search);
  const now = thisQuarter();
  return { region: query.get('region') ?? scope, period: query.get('period') ?? `${now.year}Q${now.quarter}` };
}

function RateCell({ rate }: { rate: RateFigure }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <span>{rateText(t, rate)}</span>
      {rate.meets !== undefined && <Tag color={rate.meets ? 'green' : 'red'}>{verdictText(t, rate)}</Tag>}
    </Space>
  );
}

/** A captioned chart of the rows, named by its caption. */
function ChartFigure({ title, children }: { title: string; children: ReactElement }) {
  return (
    <figure aria-label={title} style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 8 }}>{title}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

function download(bytes: ArrayBuffer, name: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** The scope's figures, side by side a level down, with charts, drill-down to a carrier's residents, and an XLSX of the table. */
export function FiguresPage({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const regions = useRegions();
  const [{ region, period }, setWhere] = useState(() => fromLocation(account.scope));
  const [view, setView] = useState<FiguresView>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    window.history.replaceState(null, '', `/console/figures?${new URLSearchParams({ region, period })}`);
    setView(undefined);
    setError(undefined);
    const query = new URLSearchParams({ period, ...(region === 'nation' ? {} : { region }) });
    api<FiguresView>('GET', `/figures?${query}`).then(setView, (err: unknown) => setError(errorText(t, err)));
  }, [region, period, t]);

  const year = Number(period.slice(0, 4));
  const quarter = period.length === 4 ? 0 : Number(period.slice(5));
  const setPeriod = (y: number, q: number) => setWhere({ region, period: q === 0 ? String(y) : `${y}Q${q}` });
  const years = Array.from({ length: thisQuarter().year - 2019 }, (_, i) => thisQuarter().year - i);
  const open = (row: FiguresRow) => {
    if (row.kind === 'carrier') navigate({ page: 'carrier', code: row.key });
    else if (row.kind === 'region') setWhere({ region: row.key, period });
  };
  const exportFile = async () => {
    if (!view) return;
    const name = t('figures.fileName', { region: region === 'nation' ? t('figures.nation') : region, period });
    download(await figuresWorkbook(t, regions, view), name);
    void message.success(t('figures.exported', { name }));
  };

  const chartRows = (view?.rows ?? []).map((r) => ({
    name: rowName(t, regions, r),
    residents: r.residents,
    admitted: r.admitted,
    success: r.successRate.of?.denominator ? r.successRate.value : null,
    onTime: r.onTimeExitRate.of?.denominator ? r.onTimeExitRate.value : null,
  }));
  const exits = view ? exitKindsIn(view) : [];
  // A region's row carries its code too, a crumb in its tooltip: two counties may share a name (朝阳区), and officials quote codes.
  const rowLabel = (row: FiguresRow) => (row.kind === 'region' ? regions.withCode(rowName(t, regions, row), row.key) : rowName(t, regions, row));
  const crumb = (code: string) => (code === 'nation' ? t('figures.nation') : regions.name(code));
  const crumbTitle = (code: string) => (code === 'nation' ? undefined : code);

  return (
    <Card
      title={t('figures.title')}
      role="region"
      aria-label={t('figures.title')}
      extra={
        <Button onClick={() => void exportFile().catch((err: unknown) => void message.error(errorText(t, err)))} disabled={!view}>
          {t('figures.export')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('figures.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <nav aria-label={t('figures.path')}>
          <Breadcrumb
            items={pathTo(account.scope, region).map((code) => ({
              key: code,
              title:
                code === region ? (
                  <span aria-current="page" title={crumbTitle(code)}>
                    {crumb(code)}
                  </span>
                ) : (
                  <Button type="link" size="small" title={crumbTitle(code)} style={{ padding: 0, height: 'auto' }} onClick={() => setWhere({ region: code, period })}>
                    {crumb(code)}
                  </Button>
                ),
            }))}
          />
        </nav>
        <Form layout="inline" aria-label={t('figures.period')}>
          <Form.Item label={t('figures.year')}>
            <Select aria-label={t('figures.year')} value={year} onChange={(y) => setPeriod(y, quarter)} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={t('figures.quarter')}>
            <Select
              aria-label={t('figures.quarter')}
              value={quarter}
              onChange={(q) => setPeriod(year, q)}
              options={[0, 1, 2, 3, 4].map((q) => ({ value: q, label: q === 0 ? t('figures.wholeYear') : t('figures.quarterName', { n: q }) }))}
              style={{ width: 120 }}
            />
          </Form.Item>
        </Form>
      </Space>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />}
      {view && view.rows.length > 0 && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={12}>
            <ChartFigure title={t('figures.residentsChart')}>
              <BarChart data={chartRows}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="residents" name={t('figures.residents')} fill="#1f4e9c" isAnimationActive={false} />
                <Bar dataKey="admitted" name={t('figures.admitted')} fill="#52c41a" isAnimationActive={false} />
              </BarChart>
            </ChartFigure>
          </Col>
          <Col xs={24} lg={12}>
            <ChartFigure title={t('figures.ratesChart')}>
              <BarChart data={chartRows}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" />
                <YAxis domain={[0, 1]} tickFormatter={percent} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? percent(v) : '–')} />
                <Legend />
                <ReferenceLine y={view.thresholds.successRate} stroke="#1677ff" strokeDasharray="4 4" label={{ value: percent(view.thresholds.successRate), position: 'insideTopLeft', fill: '#1677ff' }} />
                <ReferenceLine y={view.thresholds.onTimeExitRate} stroke="#13a8a8" strokeDasharray="4 4" label={{ value: percent(view.thresholds.onTimeExitRate), position: 'insideTopRight', fill: '#13a8a8' }} />
                <Bar dataKey="success" name={t('figures.successRate')} fill="#1677ff" isAnimationActive={false} />
                <Bar dataKey="onTime" name={t('figures.onTimeExitRate')} fill="#13a8a8" isAnimationActive={false} />
              </BarChart>
            </ChartFigure>
          </Col>
        </Row>
      )}
      <Table<FiguresRow>
        rowKey="key"
        size="small"
        bordered
        loading={!view && !error}
        dataSource={view?.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        summary={() =>
          view && (
            <Table.Summary.Row>
              {[t('figures.total'), view.total.carriers, view.total.residents, view.total.admitted, ...exits.map((k) => view.total.exitsByKind[k] ?? 0), view.total.exited, view.total.jobs].map((v, i) => (
                <Table.Summary.Cell key={i} index={i} align={i === 0 ? 'left' : 'right'}>
                  <strong>{v}</strong>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={100}>
                <RateCell rate={view.total.successRate} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={101}>
                <RateCell rate={view.total.onTimeExitRate} />
              </Table.Summary.Cell>
              {gradeKeys.map((g, i) => (
                <Table.Summary.Cell key={g} index={102 + i} align="right">
                  <strong>{view.total.grades[g]}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
        columns={[
          {
            title: view?.rows[0]?.kind === 'carrier' ? t('figures.carrierName') : t('figures.region'),
            key: 'name',
            fixed: 'left',
            render: (_, row) =>
              row.kind === 'unplaced' ? (
                rowLabel(row)
              ) : (
                <Button type="link" style={{ padding: 0 }} aria-label={t('figures.open', { name: rowLabel(row) })} onClick={() => open(row)}>
                  {rowLabel(row)}
                </Button>
              ),
          },
          { title: t('figures.carriers'), dataIndex: 'carriers', align: 'right' },
          { title: t('figures.residents'), dataIndex: 'residents', align: 'right' },
          { title: t('figures.admitted'), dataIndex: 'admitted', align: 'right' },
          {
            title: t('figures.exits'),
            children: [
              ...exits.map((k) => ({ title: t(`carrierWords.exitKinds.${k}`), key: `exit-${k}`, align: 'right' as const, render: (_: unknown, r: FiguresRow) => r.exitsByKind[k] ?? 0 })),
              { title: t('figures.exited'), dataIndex: 'exited', align: 'right' as const },
            ],
          },
          { title: t('figures.jobs'), dataIndex: 'jobs', align: 'right' },
          {
            title: t('figures.withStandard', { rate: t('figures.successRate'), standard: percent(view?.thresholds.successRate ?? 0) }),
            key: 'successRate',
            render: (_, r) => <RateCell rate={r.successRate} />,
          },
          {
            title: t('figures.withStandard', { rate: t('figures.onTimeExitRate'), standard: percent(view?.thresholds.onTimeExitRate ?? 0) }),
            key: 'onTimeExitRate',
            render: (_, r) => <RateCell rate={r.onTimeExitRate} />,
          },
          {
            title: t('figures.grades'),
            children: gradeKeys.map((g) => ({ title: t(`carrierWords.grades.${g}`), key: `grade-${g}`, align: 'right' as const, render: (_: unknown, r: FiguresRow) => r.grades[g] })),
          },
        ]}
      />
    </Card>
  );
}
