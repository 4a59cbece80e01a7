import { App, Button, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exit } from '@core/records';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';
import { approveExit, closeExit } from '../../store/exits';
import { exitErrorText } from './exitData';
import { FollowUpDialog } from './FollowUpDialog';

const statusColor = { proposed: 'blue', approved: 'green', rejected: 'red', withdrawn: 'default' } as const;
/** Failed ventures, whose founders the desk follows up (clause 七). */
export const needsFollowUp = (e: Exit) => e.status === 'approved' && (e.kind === 'deregistered' || e.kind === 'evicted');

export function DecisionsView({ only }: { only?: 'followUps' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [following, setFollowing] = useState<Exit>();
  const data = useLiveQuery(async () => {
    const exits = (await db.exits.toArray()).filter((e) => (only ? needsFollowUp(e) : true)).sort((a, b) => (a.proposedOn < b.proposedOn ? 1 : -1));
    const startups = await db.startups.bulkGet([...new Set(exits.map((e) => e.startupId))]);
    return { exits, names: new Map(startups.filter((s) => !!s).map((s) => [s!.id, s!.name])) };
  }, [only]);
  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
    } catch (error) {
      message.error(exitErrorText(error, t));
    }
  };
  const name = (e: Exit) => data?.names.get(e.startupId) ?? '';
  return (
    <>
      <Table<Exit>
        rowKey="id"
        loading={!data}
        dataSource={data?.exits}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t(only ? 'exits.followUp.none' : 'exits.decisions.none')} /> }}
        columns={[
          { title: t('exits.decisions.startup'), key: 'name', render: (_, e) => <a href={`#/startups/${e.startupId}`}>{name(e)}</a> },
          { title: t('exits.kind'), dataIndex: 'kind', render: (k: string) => t(`enums.exitKind.${k}`) },
          { title: t('exits.reasons'), dataIndex: 'reasons', render: (rs: string[]) => rs.map((r) => t(`exits.reason.${r}`)).join('、') },
          { title: t('exits.decisions.proposed'), key: 'proposed', render: (_, e) => `${e.proposedOn} ${e.proposedBy}` },
          { title: t('exits.decisions.decided'), key: 'decided', render: (_, e) => (e.decidedOn ? `${e.decidedOn} ${e.decidedBy ?? ''}` : '—') },
          only
            ? { title: t('exits.followUp.support'), key: 'support', render: (_, e) => (e.followUp ? e.followUp.support.map((s) => t(`exits.followUp.supports.${s}`)).join('、') : <Tag color="orange">{t('exits.followUp.open')}</Tag>) }
            : { title: t('exits.decisions.status'), dataIndex: 'status', render: (s: Exit['status']) => <Tag color={statusColor[s]}>{t(`enums.exitStatus.${s}`)}</Tag> },
          {
            title: '',
            key: 'act',
            render: (_, e) => (
              <Space size={4} wrap>
                {e.status === 'proposed' && (
                  <>
                    <Popconfirm title={t('exits.decisions.approveConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => act(() => approveExit(db, e.id), t('exits.decisions.approved'))}>
                      <Button size="small" type="primary" aria-label={`${t('exits.decisions.approve')} ${name(e)}`}>
                        {t('exits.decisions.approve')}
                      </Button>
                    </Popconfirm>
                    <Button size="small" danger onClick={() => void act(() => closeExit(db, e.id, 'rejected'))} aria-label={`${t('exits.decisions.reject')} ${name(e)}`}>
                      {t('exits.decisions.reject')}
                    </Button>
                    <Button size="small" onClick={() => void act(() => closeExit(db, e.id, 'withdrawn'))} aria-label={`${t('exits.decisions.withdraw')} ${name(e)}`}>
                      {t('exits.decisions.withdraw')}
                    </Button>
                  </>
                )}
                {e.status === 'approved' && (
                  <Button size="small" onClick={() => navigate('exits', 'notice', e.id)} aria-label={`${t('exits.decisions.notice')} ${name(e)}`}>
                    {t('exits.decisions.notice')}
                  </Button>
                )}
                {needsFollowUp(e) && (
                  <Button size="small" onClick={() => setFollowing(e)} aria-label={`${t('exits.decisions.followUp')} ${name(e)}`}>
                    {t('exits.decisions.followUp')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {following && <FollowUpDialog exit={following} name={name(following)} onClose={() => setFollowing(undefined)} />}
    </>
  );
}
