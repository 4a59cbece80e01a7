import { ArrowLeftOutlined, EditOutlined, LockOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationItem } from '@core/records';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';
import { correctEvaluation, EvaluationRefused, finalizeEvaluation, setEvaluationComment } from '../../store/evaluations';
import { usePeriodLabel } from '../reports/PeriodSelect';
import { evidenceText, gradeColor, separator, statusColor, valueText } from './format';
import { HistoryCharts } from './HistoryCharts';
import { ManualItem } from './ManualItem';
import { loadEvaluation } from './roundData';

/** One startup's evaluation: where every point came from, manual scoring, finalize, correct, history. */
export function EvaluationDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const periodLabel = usePeriodLabel();
  const data = useLiveQuery(() => loadEvaluation(db, id), [id]);
  const [comment, setComment] = useState<string>();
  if (data === undefined) return <Spin />;
  if (data === null) return <Alert type="error" title={t('evaluations.refused.missing')} />;
  const { evaluation: e, startup, template, history } = data;
  const draft = e.status === 'draft';
  const next = history.find((h) => h.period === e.period && h.revision === e.revision + 1);

  const refused = (error: unknown) => {
    if (!(error instanceof EvaluationRefused)) throw error;
    const labels = error.pending.map((k) => template.indicators.find((i) => i.key === k)?.label ?? k).join('、');
    message.error(t(`evaluations.refused.${error.reason}`, { items: labels }));
  };
  const finalize = () => finalizeEvaluation(db, e.id).then(() => message.success(t('evaluations.detail.finalized')), refused);
  const correct = () =>
    modal.confirm({
      title: t('evaluations.detail.correct'),
      content: t('evaluations.detail.correctConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const revision = await correctEvaluation(db, e.id);
        message.success(t('evaluations.detail.corrected', { revision: revision.revision }));
        navigate('evaluations', 'e', revision.id);
      },
    });

  const columns = [
    { title: t('evaluations.detail.indicator'), key: 'label', width: 160, render: (_: unknown, item: EvaluationItem) => template.indicators.find((i) => i.key === item.key)?.label ?? item.key },
    { title: t('evaluations.detail.group'), key: 'group', width: 100, render: (_: unknown, item: EvaluationItem) => template.indicators.find((i) => i.key === item.key)?.group },
    { title: t('evaluations.detail.max'), key: 'max', width: 70, render: (_: unknown, item: EvaluationItem) => template.indicators.find((i) => i.key === item.key)?.max },
    { title: t('evaluations.detail.value'), key: 'value', width: 110, render: (_: unknown, item: EvaluationItem) => valueText(i18n.language, template.indicators.find((i) => i.key === item.key), item.value) },
    { title: t('evaluations.detail.points'), dataIndex: 'points', width: 70 },
    { title: t('evaluations.detail.evidence'), key: 'evidence', render: (_: unknown, item: EvaluationItem) => [evidenceText(t, i18n.language, item.evidence), item.comment].filter(Boolean).join(separator(i18n.language)) },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('evaluations')}>
          {t('evaluations.detail.back')}
        </Button>
        {draft && (
          <Button type="primary" icon={<LockOutlined />} onClick={() => void finalize()}>
            {t('evaluations.detail.finalize')}
          </Button>
        )}
        {e.status === 'finalized' && (
          <Button icon={<EditOutlined />} onClick={correct}>
            {t('evaluations.detail.correct')}
          </Button>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => navigate('evaluations', 'print', e.period, e.id)}>
          {t('evaluations.detail.print')}
        </Button>
      </Space>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {startup?.name ?? e.startupId}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('evaluations.period')}>{periodLabel(e.period)}</Descriptions.Item>
          <Descriptions.Item label={t('evaluations.template')}>{t('evaluations.templateVersion', { name: template.name, version: template.version })}</Descriptions.Item>
          <Descriptions.Item label={t('evaluations.status')}>
            <Tag color={statusColor[e.status]}>{t(`evaluations.statuses.${e.status}`)}</Tag> {t('evaluations.detail.revision', { revision: e.revision })}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.total')}>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="evaluation-total">
              {e.total}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluations.grade')}>
            <Tag color={gradeColor[e.grade]}>{t(`evaluations.grades.${e.grade}`)}</Tag>
          </Descriptions.Item>
          {e.finalizedAt && (
            <Descriptions.Item label={t('evaluations.detail.finalizedAt')}>
              {new Date(e.finalizedAt).toLocaleString(i18n.language)} · {t('evaluations.detail.evaluator')} {e.evaluator}
            </Descriptions.Item>
          )}
        </Descriptions>
        {e.status === 'finalized' && <Alert type="info" showIcon title={t('evaluations.detail.locked')} />}
        {e.status === 'superseded' && <Alert type="warning" showIcon title={t('evaluations.detail.superseded', { revision: next?.revision ?? e.revision + 1 })} />}
      </Card>
      <Table<EvaluationItem> size="small" rowKey="key" columns={columns} dataSource={e.items} pagination={false} />
      {template.indicators
        .filter((i) => i.rule.kind === 'manual')
        .map((i) => (
          <ManualItem key={`${e.id}-${i.key}-${e.updatedAt}`} evaluationId={e.id} indicator={i} item={e.items.find((x) => x.key === i.key)!} editable={draft} />
        ))}
      <Card size="small" title={t('evaluations.detail.overallComment')}>
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea aria-label={t('evaluations.detail.overallComment')} disabled={!draft} rows={2} maxLength={1000} value={comment ?? e.comment ?? ''} onChange={(ev) => setComment(ev.target.value)} />
          <Button disabled={!draft || comment === undefined} onClick={() => void setEvaluationComment(db, e.id, comment ?? '').then(() => message.success(t('common.saved')))}>
            {t('common.save')}
          </Button>
        </Space.Compact>
      </Card>
      <HistoryCharts history={history} evaluation={e} template={template} />
    </Space>
  );
}
