import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from './api';
import { levelOptions, lineOptions } from './carrierWords';
import { useRegions } from './useRegions';

interface NewCarrier {
  code: string;
  name: string;
  regionCode: string;
  line: string;
  level: string;
}

/** Creates a carrier inside the account's scope; what was typed stays if the roster refuses it. */
export function NewCarrierDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (issued: { code: string; token: string }) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewCarrier>();
  const regions = useRegions();
  const regionCode = Form.useWatch('regionCode', form) ?? '';
  // The typed code's name, once it is a whole known code, so a wrong digit shows before the carrier is created.
  const regionKnown = /^\d{6}$/.test(regionCode) && regions.fullName(regionCode) !== regionCode;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const required = (field: string) => ({ required: true, message: t('newCarrier.required', { field }) });
  const submit = async (values: NewCarrier) => {
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await api<{ code: string; token: string }>('POST', '/carriers', values));
      form.resetFields();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('newCarrier.title')}
      okText={t('newCarrier.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('newCarrier.title')}>
        <Form.Item name="code" label={t('carriers.code')} extra={t('newCarrier.codeHelp')} rules={[required(t('carriers.code')), { pattern: /^[A-Za-z0-9-]{2,40}$/, message: t('newCarrier.codeInvalid') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('carriers.name')} rules={[required(t('carriers.name')), { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="regionCode" label={t('carriers.region')} extra={regionKnown ? regions.fullName(regionCode) : t('newCarrier.regionHelp')} rules={[required(t('carriers.region')), { pattern: /^\d{6}$/, message: t('newCarrier.regionInvalid') }]}>
          <Input inputMode="numeric" maxLength={6} />
        </Form.Item>
        <Form.Item name="line" label={t('carriers.line')} rules={[required(t('carriers.line'))]}>
          <Select options={lineOptions(t)} aria-label={t('carriers.line')} />
        </Form.Item>
        <Form.Item name="level" label={t('carriers.level')} rules={[required(t('carriers.level'))]}>
          <Select options={levelOptions(t)} aria-label={t('carriers.level')} />
        </Form.Item>
        {error && <Alert type="error" role="alert" title={error} />}
      </Form>
    </Modal>
  );
}
