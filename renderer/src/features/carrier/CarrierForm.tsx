import { App, Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carrierLevels, carrierLines, carrierSchema, carrierTypes, defaultRuleSet, type Carrier } from '@core/records';
import { saveCarrier } from '../../store/carrier';
import { db } from '../../store/db';
import { clean, markIssues, saveErrorText, zodRule } from '../../shell/forms';

type Values = Omit<Carrier, 'id' | 'updatedAt' | 'rules'>;

/** The carrier profile, used by first-run setup and by Settings. */
export function CarrierForm({ carrier, submitLabel }: { carrier?: Carrier; submitLabel: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const shape = carrierSchema.shape;

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await saveCarrier(db, { ...clean(values), rules: carrier?.rules ?? defaultRuleSet, rosterStatus: carrier?.rosterStatus });
      message.success(t('common.saved'));
    } catch (error) {
      if (markIssues(form, error, t)) message.error(t('common.fixFields'));
      else message.error(saveErrorText(error, t));
    } finally {
      setSaving(false);
    }
  };

  const options = <K extends string>(keys: readonly K[], group: string) => keys.map((k) => ({ value: k, label: t(`carrier.${group}.${k}`) }));
  const required = { required: true, message: t('v.required') };

  return (
    <Form form={form} layout="vertical" initialValues={carrier} onFinish={submit} style={{ maxWidth: 640 }} scrollToFirstError>
      <Form.Item name="name" label={t('carrier.name')} rules={[required, zodRule(shape.name, t)]}>
        <Input />
      </Form.Item>
      <Form.Item name="line" label={t('carrier.line')} rules={[required]}>
        <Select options={options(carrierLines, 'lines')} aria-label={t('carrier.line')} />
      </Form.Item>
      <Form.Item name="type" label={t('carrier.type')} rules={[required]}>
        <Select options={options(carrierTypes, 'types')} aria-label={t('carrier.type')} />
      </Form.Item>
      <Form.Item name="level" label={t('carrier.level')} rules={[required]}>
        <Select options={options(carrierLevels, 'levels')} aria-label={t('carrier.level')} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('carrier.regionCode')} extra={t('carrier.regionCodeHelp')} rules={[required, zodRule(shape.regionCode, t)]}>
        <Input inputMode="numeric" maxLength={6} />
      </Form.Item>
      <Form.Item name="address" label={t('carrier.address')} rules={[required]}>
        <Input />
      </Form.Item>
      <Form.Item name="operator" label={t('carrier.operator')}>
        <Input />
      </Form.Item>
      <Form.Item name="area" label={t('carrier.area')} rules={[required, zodRule(shape.area, t)]}>
        <InputNumber min={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="seats" label={t('carrier.seats')} rules={[required, zodRule(shape.seats, t)]}>
        <InputNumber min={0} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="rosterCode" label={t('carrier.rosterCode')} extra={t('carrier.rosterCodeHelp')}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Form>
  );
}
