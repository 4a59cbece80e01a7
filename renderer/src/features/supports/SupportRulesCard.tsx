import { App, Button, Descriptions, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { supportsOf, type SupportParams, type SupportRules } from '@core/supports';
import { saveErrorText } from '../../shell/forms';
import { saveRules } from '../../store/carrier';
import { db } from '../../store/db';
import { amountText, conditionText } from './supportsData';

type Values = Pick<SupportRules, 'soonDays' | 'soonHires' | 'params'>;

/** 设置: the supports rule set, each support with its clause, conditions and documents, its local figures editable. */
export function SupportRulesCard({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = carrier.rules.supports;
  // A reduction rate is kept as a fraction and edited as a percentage.
  const shown: Values = { ...rules, params: { ...rules.params, jobRetentionLoan: { ...rules.params.jobRetentionLoan, maxReduction: Math.round(rules.params.jobRetentionLoan.maxReduction * 1000) / 10 } } };
  const submit = async (values: Values) => {
    const params = structuredClone({ ...rules.params, ...values.params }) as SupportParams;
    params.jobRetentionLoan.maxReduction = params.jobRetentionLoan.maxReduction / 100;
    const next: SupportRules = { ...rules, soonDays: values.soonDays, soonHires: values.soonHires, params, version: rules.version + 1 };
    try {
      await saveRules(db, { ...carrier.rules, supports: next });
      message.success(t('supports.rules.saved', { version: next.version }));
    } catch (error) {
      message.error(saveErrorText(error, t));
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={shown} onFinish={(v) => void submit(v)} aria-label={t('supports.rules.title')}>
      <Typography.Paragraph>
        <Tag color="blue">{t('supports.rules.version', { version: rules.version })}</Tag>
        {t('supports.rules.intro')}
      </Typography.Paragraph>
      <Space wrap size="large">
        {(['soonDays', 'soonHires'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(`supports.rules.${k}`)} rules={[{ required: true, message: t('v.required') }]}>
            <InputNumber aria-label={t(`supports.rules.${k}`)} min={0} precision={0} />
          </Form.Item>
        ))}
      </Space>
      {supportsOf(rules).map((s) => (
        <section key={s.id} aria-label={t(`supports.name.${s.id}`)} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12, marginBottom: 12 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t(`supports.name.${s.id}`)} <Typography.Text type="secondary">{s.clause}</Typography.Text>
          </Typography.Title>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('supports.col.applicant')}>
              {t(`supports.applicantKind.${s.applicant}`)} · {t(`supports.per.${s.per}`)} · {amountText(s, t)}
            </Descriptions.Item>
            <Descriptions.Item label={t('supports.rules.conditions')}>{s.conditions.map((c) => conditionText(c, t)).join('；')}</Descriptions.Item>
            <Descriptions.Item label={t('supports.rules.documents')}>{s.documents.map((d) => t(`supports.doc.${d}`)).join('、')}</Descriptions.Item>
          </Descriptions>
          <Space wrap size="middle">
            {Object.keys(rules.params[s.id]).map((k) => {
              const label = `${t(`supports.name.${s.id}`)}：${t(`supports.rules.param.${k}`)}`;
              return (
                <Form.Item key={k} name={['params', s.id, k]} label={t(`supports.rules.param.${k}`)} rules={[{ required: true, message: t('v.required') }]}>
                  <InputNumber aria-label={label} min={0} max={k === 'maxReduction' ? 100 : undefined} style={{ width: 160 }} />
                </Form.Item>
              );
            })}
          </Space>
        </section>
      ))}
      <Button type="primary" htmlType="submit">
        {t('supports.rules.save')}
      </Button>
    </Form>
  );
}
