import { App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationItem, Indicator } from '@core/records';
import { isPending, ManualScoreError, needsComment } from '@core/scoring';
import { db } from '../../store/db';
import { scoreManualItem } from '../../store/evaluations';

/** The evaluator's score for one manual indicator, against its rubric; a comment below half marks. */
export function ManualItem({ evaluationId, indicator, item, editable }: { evaluationId: string; indicator: Indicator; item: EvaluationItem; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ points?: number; comment?: string }>();
  const points = Form.useWatch('points', form);
  const rubric = indicator.rule.kind === 'manual' ? indicator.rule.rubric : '';

  const save = async ({ points, comment }: { points?: number; comment?: string }) => {
    try {
      await scoreManualItem(db, evaluationId, indicator.key, points ?? Number.NaN, comment);
      message.success(t('evaluations.detail.scored'));
    } catch (error) {
      if (!(error instanceof ManualScoreError)) throw error;
      form.setFields([{ name: error.problem === 'commentRequired' ? 'comment' : 'points', errors: [t(`evaluations.refused.${error.problem}`)] }]);
    }
  };

  return (
    <Card size="small" title={`${indicator.label}（${indicator.max}）`}>
      <Typography.Paragraph type="secondary">{t('evaluations.detail.rubric', { rubric })}</Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!editable} initialValues={isPending(item) ? {} : { points: item.points, comment: item.comment }} onFinish={(v) => void save(v)}>
        <Space align="start" wrap>
          <Form.Item name="points" label={t('evaluations.detail.points')} rules={[{ required: true, message: t('v.required') }]}>
            <InputNumber aria-label={t('evaluations.detail.manualPoints', { label: indicator.label })} min={0} max={indicator.max} step={0.5} />
          </Form.Item>
          <Form.Item
            name="comment"
            label={t('evaluations.detail.commentLabel')}
            extra={t('evaluations.detail.commentHint')}
            rules={[{ required: points !== undefined && points !== null && needsComment(indicator, points), message: t('evaluations.refused.commentRequired') }]}
            style={{ minWidth: 420 }}
          >
            <Input.TextArea aria-label={t('evaluations.detail.comment', { label: indicator.label })} rows={2} maxLength={400} />
          </Form.Item>
          <Form.Item label=" ">
            <Button htmlType="submit" type="primary">
              {t('evaluations.detail.scoreSave')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}
