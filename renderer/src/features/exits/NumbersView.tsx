import { Alert, Card, Col, DatePicker, Empty, List, Modal, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import type { DateRange, Figure, NumberKey } from '@core/kpis/carrierNumbers';
import { loadCarrierNumbers, loadCarrierTotals } from '../../store/carrierNumbers';
import { db } from '../../store/db';
import { formatFigure, formatValue } from '../../shell/figures';

const sources: Record<NumberKey, 'startups' | 'reports' | 'sessions' | 'mentors'> = {
  residentsAtStart: 'startups',
  residentsAtEnd: 'startups',
  admitted: 'startups',
  exited: 'startups',
  successRate: 'startups',
  onTimeExitRate: 'startups',
  occupancyArea: 'startups',
  occupancySeats: 'startups',
  financedShare: 'startups',
  jobs: 'reports',
  keyGroupJobs: 'reports',
  graduateJobs: 'reports',
  sessionsPerMentorYear: 'sessions',
  residentsPerMentor: 'mentors',
};

/** The carrier's numbers for a range against their standards; every number opens to its records. */
export function NumbersView({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const [range, setRange] = useState<DateRange>({ from: `${year}-01-01`, to: new Date().toISOString().slice(0, 10) });
  const [open, setOpen] = useState<NumberKey>();
  const numbers = useLiveQuery(() => loadCarrierTotals(db, carrier, range), [carrier, range]);
  // The records behind a number are read only when it is opened (every record of the range, at any size).
  const opened = useLiveQuery(async () => (open ? { key: open, ids: (await loadCarrierNumbers(db, carrier, range)).figures[open].ids ?? [] } : undefined), [carrier, range, open]);
  const figures = numbers?.figures;
  const below = figures ? (Object.entries(figures) as [NumberKey, Figure][]).filter(([, f]) => f.meets === false) : [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <DatePicker aria-label={t('exits.numbers.from')} value={dayjs(range.from)} allowClear={false} onChange={(d) => d && setRange({ ...range, from: d.format('YYYY-MM-DD') })} />
        <span>—</span>
        <DatePicker aria-label={t('exits.numbers.to')} value={dayjs(range.to)} allowClear={false} onChange={(d) => d && setRange({ ...range, to: d.format('YYYY-MM-DD') })} />
      </Space>
      {below.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={below.map(([k, f]) => `${t(`exits.numbers.figure.${k}`)} ${formatFigure(k, f)} · ${t('exits.numbers.below', { threshold: formatValue(k, f.threshold!) })}`).join('；')}
        />
      )}
      <Row gutter={[16, 16]}>
        {figures &&
          (Object.entries(figures) as [NumberKey, Figure][]).map(([key, f]) => (
            <Col key={key} xs={12} md={8} xl={6}>
              <Card hoverable size="small" onClick={() => setOpen(key)} role="button" aria-label={t(`exits.numbers.figure.${key}`)}>
                <Statistic title={t(`exits.numbers.figure.${key}`)} value={formatFigure(key, f)} valueStyle={{ color: f.meets === false ? '#cf1322' : undefined }} />
                {f.of && <Typography.Text type="secondary">{`${f.of.numerator} / ${f.of.denominator}`}</Typography.Text>}
                {f.meets !== undefined && (
                  <div>
                    <Tag color={f.meets ? 'green' : 'red'}>{f.meets ? t('exits.numbers.meets') : t('exits.numbers.below', { threshold: formatValue(key, f.threshold!) })}</Tag>
                  </div>
                )}
              </Card>
            </Col>
          ))}
      </Row>
      {numbers && Object.keys(numbers.exitedByKind).length > 0 && (
        <Card size="small" title={t('exits.numbers.byKind')}>
          <Space wrap>
            {Object.entries(numbers.exitedByKind).map(([kind, count]) => (
              <Tag key={kind}>{`${t(`enums.exitKind.${kind}`)} ${count}`}</Tag>
            ))}
          </Space>
        </Card>
      )}
      {open && opened?.key === open && <FigureRecords name={t(`exits.numbers.figure.${open}`)} source={sources[open]} ids={opened.ids} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}

/** The records behind a number, named the way a manager knows them. */
function FigureRecords({ name, source, ids, onClose }: { name: string; source: (typeof sources)[NumberKey]; ids: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const rows = useLiveQuery(async (): Promise<{ id: string; text: string; href?: string }[]> => {
    if (source === 'mentors') return (await db.mentors.bulkGet(ids)).flatMap((m) => (m ? [{ id: m.id, text: m.name }] : []));
    if (source === 'sessions') return (await db.sessions.bulkGet(ids)).flatMap((s) => (s ? [{ id: s.id, text: `${s.startsAt.slice(0, 10)} ${s.topics.join('、')}` }] : []));
    const startupIds = source === 'reports' ? (await db.reports.bulkGet(ids)).flatMap((r) => (r ? [r.startupId] : [])) : ids;
    const startups = await db.startups.bulkGet(startupIds);
    return startups.flatMap((s, i) => (s ? [{ id: `${s.id}-${i}`, href: `#/startups/${s.id}`, text: s.name }] : []));
  }, [source, ids]);
  return (
    <Modal open title={t('exits.numbers.records', { name })} footer={null} onCancel={onClose} width={640}>
      {rows && rows.length === 0 ? (
        <Empty />
      ) : (
        <List size="small" dataSource={rows ?? []} loading={!rows} renderItem={(r) => <List.Item>{r.href ? <a href={r.href}>{r.text}</a> : r.text}</List.Item>} style={{ maxHeight: 480, overflow: 'auto' }} />
      )}
    </Modal>
  );
}
