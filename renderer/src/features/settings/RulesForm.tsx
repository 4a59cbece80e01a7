import { App, Button, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier, RuleSet } from '@core/records';
import { saveRules } from '../../store/carrier';
import { db } from '../../store/db';

const fields = ['freeSpaceShare', 'incubationMonths', 'minSessionsPerMentorYear', 'maxResidentsPerMentor', 'quietDays', 'graduationMinJobs', 'backupsKept'] as const;

export function RulesForm({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleSet>();
  // The share is kept as a fraction and edited as a percentage.
  const initial = { ...carrier.rules, freeSpaceShare: Math.round(carrier.rules.freeSpaceShare * 100) };

  const submit = async (values: RuleSet) => {
    try {
      await saveRules(db, { ...values, freeSpaceShare: values.freeSpaceShare / 100 });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(t('common.saveFailed', { reason: String(error) }));
    }
  };

  return (
    <Form form={form} layout="horizontal" labelCol={{ span: 12 }} initialValues={initial} onFinish={submit} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      {fields.map((f) => (
        <Form.Item key={f} name={f} label={t(`rules.${f}`)} rules={[{ required: true, message: t('v.required') }]}>
          <InputNumber min={f === 'freeSpaceShare' ? 0 : 1} max={f === 'freeSpaceShare' ? 100 : 120} precision={0} />
        </Form.Item>
      ))}
      <Button htmlType="submit">{t('common.save')}</Button>
    </Form>
  );
}
