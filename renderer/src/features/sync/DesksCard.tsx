import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskInfo } from '@core/sync/protocol';
import { bridge } from '../../platform/bridge';
import { db } from '../../store/db';
import { deskIdentity } from '../../store/syncState';
import { createJoinCode, listDesks, revokeDesk } from '../../sync/client';
import { deskEndpoint } from '../../sync/endpoint';
import { failureText } from './failureText';
import { formatTime } from './time';

/** The carrier's desks as the roster knows them, for the manager: revoke a lost one, let a new one join. */
export function DesksCard() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [desks, setDesks] = useState<DeskInfo[]>();
  const [failed, setFailed] = useState<string>();
  const [self, setSelf] = useState<string>();

  const load = useCallback(async () => {
    try {
      setSelf((await deskIdentity(db)).clientId);
      setDesks(await listDesks(await deskEndpoint(db, bridge)));
      setFailed(undefined);
    } catch (error) {
      setFailed(failureText(error, t));
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  const revoke = (desk: DeskInfo) =>
    modal.confirm({
      title: t('sync.desks.revokeTitle', { name: desk.name }),
      content: t('sync.desks.revokeBody'),
      okText: t('sync.desks.revokeOk'),
      okButtonProps: { danger: true },
      cancelText: t('sync.desks.revokeCancel'),
      onOk: async () => {
        try {
          await revokeDesk(await deskEndpoint(db, bridge), desk.clientId);
          message.success(t('sync.desks.revokedDone', { name: desk.name }));
          await load();
        } catch (error) {
          message.error(failureText(error, t));
        }
      },
    });

  const newCode = async () => {
    try {
      const { code, expiresAt } = await createJoinCode(await deskEndpoint(db, bridge));
      modal.info({
        title: t('sync.desks.codeTitle'),
        content: (
          <Space direction="vertical">
            <Typography.Text copyable code style={{ fontSize: 24 }} aria-label={t('sync.desks.codeTitle')}>
              {code}
            </Typography.Text>
            <Typography.Text>{t('sync.desks.codeBody', { expiresAt: formatTime(expiresAt) })}</Typography.Text>
          </Space>
        ),
        okText: t('common.confirm'),
      });
    } catch (error) {
      message.error(failureText(error, t));
    }
  };

  return (
    <Card
      title={t('sync.desks.title')}
      extra={
        <Button onClick={() => void newCode()}>
          {t('sync.desks.createCode')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('sync.desks.intro')}</Typography.Paragraph>
      {failed && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('sync.desks.failed', { detail: failed })} />}
      <Table<DeskInfo>
        rowKey="clientId"
        size="small"
        loading={desks === undefined && !failed}
        dataSource={desks}
        pagination={false}
        locale={{ emptyText: t('sync.desks.empty') }}
        columns={[
          {
            title: t('sync.desks.name'),
            key: 'name',
            render: (_, d) => (
              <>
                {d.name} {d.clientId === self && <Tag color="blue">{t('sync.desks.thisDesk')}</Tag>}
              </>
            ),
          },
          { title: t('sync.desks.lastSeen'), key: 'lastSeen', render: (_, d) => (d.lastSeenAt ? formatTime(d.lastSeenAt) : t('sync.desks.never')) },
          { title: t('sync.desks.pending'), key: 'pending', render: (_, d) => (d.pending === null ? t('sync.desks.unknown') : t('sync.status.count', { count: d.pending })) },
          {
            title: t('sync.desks.state'),
            key: 'state',
            render: (_, d) => (d.revokedAt ? <Tag color="red">{t('sync.desks.revoked', { at: formatTime(d.revokedAt) })}</Tag> : <Tag color="green">{t('sync.desks.active')}</Tag>),
          },
          {
            title: t('sync.desks.actions'),
            key: 'revoke',
            render: (_, d) =>
              !d.revokedAt && d.clientId !== self ? (
                <Button size="small" danger aria-label={t('sync.desks.revokeOf', { name: d.name })} onClick={() => revoke(d)}>
                  {t('sync.desks.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
