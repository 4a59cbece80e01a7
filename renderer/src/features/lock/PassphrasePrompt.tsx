import { Form, Input, Modal, Typography } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../store/db';
import { checkPassphrase, lockSettings } from '../../store/sealing';

/**
 * Asks for the lock's passphrase before something shows or exports full ID numbers. `ask` resolves
 * true at once when no lock is set, true for the right passphrase, false when the manager cancels.
 */
export function usePassphrase(): [ask: (why: string) => Promise<boolean>, prompt: ReactNode] {
  const { t } = useTranslation();
  const [why, setWhy] = useState<string | null>(null);
  const [wrong, setWrong] = useState(false);
  const [checking, setChecking] = useState(false);
  const [form] = Form.useForm<{ passphrase: string }>();
  const settle = useRef<(ok: boolean) => void>(() => {});

  const ask = useCallback(async (reason: string) => {
    if (!(await lockSettings(db))) return true;
    return new Promise<boolean>((resolve) => {
      settle.current = resolve;
      setWrong(false);
      form.resetFields();
      setWhy(reason);
    });
  }, [form]);

  const close = (ok: boolean) => {
    setWhy(null);
    settle.current(ok);
  };
  const submit = async ({ passphrase }: { passphrase: string }) => {
    setChecking(true);
    const key = await checkPassphrase(db, passphrase ?? '').finally(() => setChecking(false));
    if (key) close(true);
    else setWrong(true);
  };

  const prompt = (
    <Modal open={why !== null} title={t('lock.askTitle')} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={checking} onOk={() => form.submit()} onCancel={() => close(false)} destroyOnHidden>
      <Typography.Paragraph>{why}</Typography.Paragraph>
      <Form form={form} onFinish={submit}>
        <Form.Item name="passphrase" validateStatus={wrong ? 'error' : undefined} help={wrong ? t('lock.wrong') : undefined}>
          <Input.Password autoFocus aria-label={t('lock.passphrase')} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
  return [ask, prompt];
}
