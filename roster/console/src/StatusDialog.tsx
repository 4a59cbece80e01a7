import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from './api';
import { statusOptions } from './carrierWords';

/** 列入名录 / 整改 / 移出, always with a reason (kept in the audit log). */
export function StatusDialog({ code, current, open, onClose, onDone }: { code: string; current: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ status: string; reason: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { status: string; reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/carriers/${encodeURIComponent(code)}/status`, values);
      form.resetFields();
      onDone();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('status.title')} okText={t('status.submit')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: current }} aria-label={t('status.title')}>
        <Form.Item name="status" label={t('status.status')} rules={[{ required: true }]}>
          <Select aria-label={t('status.status')} options={statusOptions(t)} />
        </Form.Item>
        <Form.Item name="reason" label={t('status.reason')} rules={[{ required: true, whitespace: true, message: t('status.reasonRequired') }, { max: 200 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {error && <Alert type="error" role="alert" title={error} />}
      </Form>
    </Modal>
  );
}
