import { App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProblem } from '@core/identity';
import type { Startup } from '@core/records';
import { DateInput } from '../../shell/DateInput';
import { saveErrorText } from '../../shell/forms';
import { db } from '../../store/db';
import { IdentityError } from '../../store/identity';
import { readmitStartup } from '../../store/startups';
import { IdentityProblems } from './IdentityProblems';

/** 重新入驻: an exited or voided startup comes back as itself, with new admission dates; its file keeps everything. */
export function ReadmitDialog({ startup, onClose }: { startup: Startup; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ admittedOn: string; agreementEndsOn: string }>();
  const [problems, setProblems] = useState<IdentityProblem[]>([]);
  const required = { required: true, message: t('v.required') };
  return (
    <Modal
      open
      title={t('startups.identity.readmitTitle', { name: startup.name })}
      okText={t('startups.identity.readmit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={async () => {
        const { admittedOn, agreementEndsOn } = await form.validateFields();
        try {
          await readmitStartup(db, startup.id, admittedOn, agreementEndsOn);
          message.success(t('startups.identity.readmitted'));
          onClose();
        } catch (error) {
          if (error instanceof IdentityError) setProblems(error.problems);
          else message.error(saveErrorText(error, t));
        }
      }}
    >
      <Typography.Paragraph>{t('startups.identity.readmitIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="admittedOn" label={t('startups.form.admittedOn')} rules={[required]}>
          <DateInput aria-label={t('startups.form.admittedOn')} />
        </Form.Item>
        <Form.Item name="agreementEndsOn" label={t('startups.form.agreementEndsOn')} rules={[required]}>
          <DateInput aria-label={t('startups.form.agreementEndsOn')} />
        </Form.Item>
      </Form>
      <IdentityProblems problems={problems} />
    </Modal>
  );
}
