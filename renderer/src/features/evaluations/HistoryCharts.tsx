import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Evaluation, Template } from '@core/records';

/** A startup's total over its periods (current revisions), and this evaluation's points against each max. */
export function HistoryCharts({ history, evaluation, template }: { history: readonly Evaluation[]; evaluation: Evaluation; template: Template }) {
  const { t } = useTranslation();
  const totals = history.filter((e) => e.status !== 'superseded').map((e) => ({ period: e.period, total: e.total }));
  const bars = template.indicators.map((i) => ({ label: i.label, points: evaluation.items.find((x) => x.key === i.key)?.points ?? 0, max: i.max }));
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('evaluations.detail.history')}>
          <figure aria-label={t('evaluations.detail.history')} style={{ margin: 0 }}>
            <ResponsiveContainer width="100%" height={260}>
              <LineChart data={totals}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="period" />
                <YAxis domain={[0, 100]} />
                <Tooltip />
                <Line type="monotone" dataKey="total" name={t('evaluations.total')} stroke="#1f4e9c" isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('evaluations.detail.bars')}>
          <figure aria-label={t('evaluations.detail.bars')} style={{ margin: 0 }}>
            <ResponsiveContainer width="100%" height={260}>
              <BarChart data={bars} layout="vertical" margin={{ left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" />
                <YAxis type="category" dataKey="label" width={190} interval={0} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend />
                <Bar dataKey="points" name={t('evaluations.detail.points')} fill="#1677ff" isAnimationActive={false} />
                <Bar dataKey="max" name={t('evaluations.detail.max')} fill="#d9d9d9" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        </Card>
      </Col>
    </Row>
  );
}
