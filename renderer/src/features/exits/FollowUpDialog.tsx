import { App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Exit } from '@core/records';
import { db } from '../../store/db';
import { saveFollowUp } from '../../store/exits';
import { saveErrorText } from '../../shell/forms';

const supports = ['training', 'mentor', 'guaranteeLoan', 'policyAdvice'] as const;
type FollowUp = NonNullable<Exit['followUp']>;

export function FollowUpDialog({ exit, name, onClose }: { exit: Exit; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUp>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await saveFollowUp(db, exit.id, { contactPlan: v.contactPlan.trim(), support: v.support ?? [], outcome: v.outcome?.trim() || undefined });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      message.error(saveErrorText(error, t));
    }
  };
  return (
    <Modal open title={t('exits.followUp.title', { name })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose}>
      <Typography.Paragraph type="secondary">{t('exits.followUp.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={exit.followUp ?? { support: [] }}>
        <Form.Item name="contactPlan" label={t('exits.followUp.contactPlan')} rules={[{ required: true, whitespace: true, message: t('v.required') }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="support" label={t('exits.followUp.support')}>
          <Checkbox.Group options={supports.map((s) => ({ value: s, label: t(`exits.followUp.supports.${s}`) }))} />
        </Form.Item>
        <Form.Item name="outcome" label={t('exits.followUp.outcome')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
