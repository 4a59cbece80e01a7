import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { coachLevels, mentorKinds, mentorSchema, type Mentor } from '@core/records';
import { clean, markIssues, saveErrorText, zodRule } from '../../shell/forms';
import { db } from '../../store/db';
import { saveMentor, type MentorInput } from '../../store/mentors';

type Values = Omit<MentorInput, 'id'>;

/** Adds a mentor (no `mentor`) or edits one; inactive mentors stay in the pool and its history. */
export function MentorForm({ mentor, onClose }: { mentor?: Mentor; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  const submit = async (values: Values) => {
    try {
      await saveMentor(db, { ...clean(values), expertise: values.expertise ?? [], id: mentor?.id });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (markIssues(form, error, t)) message.error(t('common.fixFields'));
      else message.error(saveErrorText(error, t));
    }
  };

  return (
    <Modal
      open
      title={mentor ? t('mentors.editOf', { name: mentor.name }) : t('mentors.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={mentor ?? { active: true, expertise: [] }} onFinish={submit}>
        <Form.Item name="name" label={t('mentors.name')} rules={[{ required: true, message: t('v.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="kind" label={t('mentors.kind')} rules={[{ required: true, message: t('v.required') }]}>
          <Select options={mentorKinds.map((k) => ({ value: k, label: t(`mentors.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'coach' && (
          <Form.Item name="coachLevel" label={t('mentors.coachLevel')}>
            <Select allowClear options={coachLevels.map((l) => ({ value: l, label: t('mentors.coachLevelOption', { level: l }) }))} />
          </Form.Item>
        )}
        <Form.Item name="organisation" label={t('mentors.organisation')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="expertise" label={t('mentors.expertise')}>
          <Select mode="tags" placeholder={t('mentors.expertisePlaceholder')} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="phone" label={t('mentors.phone')} rules={[zodRule(mentorSchema.shape.phone.unwrap(), t)]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="active" label={t('mentors.active')} valuePropName="checked">
          <Switch checkedChildren={t('mentors.activeYes')} unCheckedChildren={t('mentors.activeNo')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
