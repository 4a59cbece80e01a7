import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './api';

/** A mismatch always says what does not match: the carrier's manager has to act on it. */
export function MismatchDialog({ name, onClose, onSubmit }: { name: string | null; onClose: () => void; onSubmit: (note: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ note }: { note: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(note.trim());
      form.resetFields();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={name !== null} title={t('mismatch.title', { name })} okText={t('mismatch.submit')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('mismatch.title', { name })}>
        <Form.Item name="note" label={t('mismatch.note')} rules={[{ required: true, whitespace: true, message: t('mismatch.noteRequired') }, { max: 200 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {error && <Alert type="error" role="alert" title={error} />}
      </Form>
    </Modal>
  );
}
