import { Alert, App, Button, Descriptions, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { supportsOf, type Support, type SupportParams, type SupportRules } from '@core/supports';
import { saveErrorText } from '../../shell/forms';
import { saveRules } from '../../store/carrier';
import { db } from '../../store/db';
import { amountText, conditionText, useSupportRules } from './supportsData';

type Values = Pick<SupportRules, 'soonDays' | 'soonHires' | 'params'>;

/** A support's applicant, amount, conditions and documents, as the rule set states them. */
function SupportTerms({ support: s }: { support: Support }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

const sectionStyle = { borderTop: '1px solid #f0f0f0', paddingTop: 12, marginBottom: 12 };

/** The rule set the roster published for the carrier's province: in force, read-only. */
function PublishedRules({ rules, province }: { rules: SupportRules; province: string }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('supports.rules.publishedTitle')} style={{ marginBottom: 24 }}>
      <Alert type="success" showIcon title={t('supports.rules.published', { province, version: rules.version })} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>
        {t('supports.rules.soonDays')}：{rules.soonDays}；{t('supports.rules.soonHires')}：{rules.soonHires}
      </Typography.Paragraph>
      {supportsOf(rules).map((s) => (
        <section key={s.id} aria-label={t('supports.rules.publishedSupport', { support: t(`supports.name.${s.id}`) })} style={sectionStyle}>
          <SupportTerms support={s} />
          <Typography.Text>
            {Object.entries(rules.params[s.id] as Record<string, number>)
              .map(([k, v]) => `${t(`supports.rules.param.${k}`)}：${k === 'maxReduction' ? `${Math.round(v * 1000) / 10}%` : v.toLocaleString()}`)
              .join('；')}
          </Typography.Text>
        </section>
      ))}
    </section>
  );
}

/**
 * 设置: the supports rule set, each support with its clause, conditions and documents, its local figures
 * editable; where the roster published a set for the carrier's province, that set first, read-only, and
 * in force (the local rules are kept, and apply again if none is published).
 */
export function SupportRulesCard({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const inForce = useSupportRules(carrier);
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
    <>
      {inForce?.publishedFor && <PublishedRules rules={inForce.rules} province={inForce.publishedFor} />}
      <Form form={form} layout="vertical" initialValues={shown} onFinish={(v) => void submit(v)} aria-label={t('supports.rules.title')}>
        <Typography.Paragraph>
          <Tag color="blue">{t('supports.rules.version', { version: rules.version })}</Tag>
          {inForce?.publishedFor ? t('supports.rules.localNotInForce') : t('supports.rules.intro')}
        </Typography.Paragraph>
        <Space wrap size="large">
          {(['soonDays', 'soonHires'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`supports.rules.${k}`)} rules={[{ required: true, message: t('v.required') }]}>
              <InputNumber aria-label={t(`supports.rules.${k}`)} min={0} precision={0} />
            </Form.Item>
          ))}
        </Space>
        {supportsOf(rules).map((s) => (
          <section key={s.id} aria-label={t(`supports.name.${s.id}`)} style={sectionStyle}>
            <SupportTerms support={s} />
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
    </>
  );
}
