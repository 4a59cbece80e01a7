import { Alert, Button, Card, Checkbox, Form, Input, Progress, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../platform/bridge';
import { db } from '../../store/db';
import { readSyncStatus, snapshotProgress } from '../../store/syncState';
import { deskSync } from '../../sync/deskSync';
import { JoinRefused, joinDesk, normalJoinCode } from '../../sync/join';
import { describeFailure, failureText } from './failureText';

interface Values {
  url: string;
  code: string;
  deskName: string;
  keep: boolean;
}

/**
 * 加入已有载体: an empty desk joins a carrier with a join code made on one of its desks, then loads the
 * carrier's records (a progress bar while the snapshot comes in). An interrupted load resumes here.
 */
export function JoinCard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // Folded until asked for: most desks are set up as a carrier of their own.
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const progress = useLiveQuery(() => snapshotProgress(db), []);
  const status = useLiveQuery(() => readSyncStatus(db), []);
  const browser = bridge.platform === 'browser';

  const submit = async (values: Values) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      await joinDesk(db, bridge, { rosterUrl: values.url, joinCode: values.code, deskName: values.deskName, keep: !browser || values.keep });
      await deskSync().syncNow();
    } catch (error) {
      setRefusal(error instanceof JoinRefused ? t('sync.join.notEmpty') : failureText(error, t));
    } finally {
      setBusy(false);
    }
  };

  if (progress) {
    const percent = progress.total ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
    return (
      <Card title={t('sync.join.loading')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Progress percent={percent} status={progress.derivingTo === undefined ? 'normal' : 'active'} aria-label={t('sync.join.progress')} />
          <Typography.Text>
            {progress.derivingTo === undefined ? t('sync.join.loaded', { done: progress.done, total: progress.total ?? '…' }) : t('sync.join.deriving', { total: progress.done })}
          </Typography.Text>
          {status?.lastError && !busy && (
            <Alert
              type="warning"
              showIcon
              title={describeFailure(status.lastError, t)}
              action={
                <Button size="small" onClick={() => void deskSync().syncNow()}>
                  {t('sync.status.syncNow')}
                </Button>
              }
            />
          )}
        </Space>
      </Card>
    );
  }

  return (
    <Card title={t('sync.join.title')}>
      <Typography.Paragraph type="secondary">{t('sync.join.intro')}</Typography.Paragraph>
      {!open && (
        <Button aria-expanded={false} onClick={() => setOpen(true)}>
          {t('sync.join.open')}
        </Button>
      )}
      {open && refusal && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={refusal} />}
      {open && (
        <Form form={form} name="join" layout="vertical" style={{ maxWidth: 560 }} initialValues={{ url: '', code: '', deskName: '', keep: true }} onFinish={submit} aria-label={t('sync.join.title')}>
          <Form.Item name="url" label={t('sync.join.url')} rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: t('sync.connection.urlInvalid') }]}>
            <Input inputMode="url" />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('sync.join.code')}
            extra={t('sync.join.codeHelp')}
            rules={[{ required: true, validator: async (_, v: string) => (normalJoinCode(v ?? '').length === 12 ? undefined : Promise.reject(new Error(t('sync.join.codeInvalid')))) }]}
          >
            <Input autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Form.Item name="deskName" label={t('sync.join.deskName')} extra={t('sync.join.deskNameHelp')} rules={[{ required: true, whitespace: true, max: 60, message: t('v.required') }]}>
            <Input maxLength={60} />
          </Form.Item>
          {browser && (
            <Form.Item name="keep" valuePropName="checked" extra={t('sync.connection.keepHelp')}>
              <Checkbox>{t('sync.connection.keep')}</Checkbox>
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('sync.join.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
