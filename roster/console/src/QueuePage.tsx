import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, QueueItem, QueuePage as Page } from '../../http/consoleApi';
import { api, errorText } from './api';
import { MismatchDialog } from './MismatchDialog';

const pageSize = 50;
const itemKey = (i: QueueItem) => `${i.carrierCode}/${i.startupId}`;

/** Startups new or changed since their last verification, oldest first, decided on from the list itself. */
export function QueuePage({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<QueueItem[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [mismatchOf, setMismatchOf] = useState<QueueItem | null>(null);

  const load = useCallback(
    (after: string | null) =>
      api<Page>('GET', `/verification-queue?pageSize=${pageSize}${after ? `&after=${encodeURIComponent(after)}` : ''}`).then(
        (page) => {
          setItems((shown) => (after && shown ? [...shown, ...page.items] : page.items));
          setNext(page.next);
        },
        (err: unknown) => setError(errorText(t, err)),
      ),
    [t],
  );
  useEffect(() => void load(null), [load]);

  const decide = async (item: QueueItem, body: unknown) => {
    await api('POST', `/carriers/${encodeURIComponent(item.carrierCode)}/startups/${encodeURIComponent(item.startupId)}/verification`, body);
    void message.success(t('residents.decided'));
    // A decided startup leaves the queue; the page already shown stays in place.
    setItems((shown) => shown?.filter((i) => itemKey(i) !== itemKey(item)));
  };
  const verify = (item: QueueItem) => decide(item, { result: 'verified' }).catch((err: unknown) => void message.error(errorText(t, err)));

  return (
    <Card title={t('queue.title')} role="region" aria-label={t('queue.title')}>
      <Typography.Paragraph type="secondary">{t('queue.intro')}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" title={error} />}
      <Table<QueueItem>
        rowKey={itemKey}
        loading={!items && !error}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('queue.empty') }}
        columns={[
          { title: t('queue.changedAt'), dataIndex: 'changedAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
          { title: t('queue.carrier'), key: 'carrier', render: (_, i) => t('queue.carrierName', { name: i.carrierName, code: i.carrierCode }) },
          { title: t('residents.name'), dataIndex: 'name' },
          { title: t('residents.creditCode'), dataIndex: 'creditCode' },
          {
            title: t('queue.reason'),
            key: 'reason',
            render: (_, i) => (
              <Tag color={i.reason === 'new' ? 'blue' : 'orange'}>
                {i.reason === 'new' ? t('queue.reasons.new') : t('queue.reasons.changed', { last: t(`residents.${i.lastResult ?? 'unverified'}`) })}
              </Tag>
            ),
          },
          ...(account.role === 'officer'
            ? [
                {
                  title: t('residents.actions'),
                  key: 'actions',
                  render: (_: unknown, i: QueueItem) => (
                    <Space wrap size={4}>
                      <Button size="small" aria-label={t('residents.forName', { action: t('residents.verify'), name: i.name })} onClick={() => void verify(i)}>
                        {t('residents.verify')}
                      </Button>
                      <Button size="small" danger aria-label={t('residents.forName', { action: t('residents.markMismatch'), name: i.name })} onClick={() => setMismatchOf(i)}>
                        {t('residents.markMismatch')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {next && (
        <Button style={{ marginTop: 16 }} onClick={() => void load(next)}>
          {t('queue.more')}
        </Button>
      )}
      <MismatchDialog
        name={mismatchOf?.name ?? null}
        onClose={() => setMismatchOf(null)}
        onSubmit={async (note) => {
          if (mismatchOf) await decide(mismatchOf, { result: 'mismatch', note });
          setMismatchOf(null);
        }}
      />
    </Card>
  );
}
