import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '@core/sync/protocol';
import { listConflicts, reviseFromConflict, settleConflict } from '../../store/conflicts';
import { db } from '../../store/db';
import { relayedWho } from '../../store/relay';
import { saveErrorText } from '../../shell/forms';
import { fieldLabel, valueText } from './conflictText';

/**
 * On a record's file: the values that lost a concurrent edit on another desk, each with the choice of
 * using it or keeping the current value (either settles it on every desk). A finalized evaluation's
 * conflict offers a new revision instead. Shows nothing when the records have none.
 */
export function ConflictsCard({ recordIds }: { recordIds: readonly string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const conflicts = useLiveQuery(async () => (await listConflicts(db)).filter((c) => recordIds.includes(c.recordId)), [recordIds.join()]);
  if (!conflicts || conflicts.length === 0) return null;

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error(saveErrorText(error, t));
    }
  };
  const actions = (c: Conflict) => {
    const field = fieldLabel(c, t);
    if (c.cause === 'finalized')
      return [
        <Button key="revise" size="small" aria-label={t('sync.conflicts.revisionOf', { field })} onClick={() => void act(() => reviseFromConflict(db, c), t('sync.conflicts.revisionMade'))}>
          {t('sync.conflicts.revision')}
        </Button>,
        <Button key="keep" size="small" aria-label={t('sync.conflicts.keepOf', { field })} onClick={() => void act(() => settleConflict(db, c, 'kept'), t('sync.conflicts.settled'))}>
          {t('sync.conflicts.keep')}
        </Button>,
      ];
    return [
      <Button key="lost" size="small" aria-label={t('sync.conflicts.useLostOf', { field })} onClick={() => void act(() => settleConflict(db, c, 'lost'), t('sync.conflicts.settled'))}>
        {t('sync.conflicts.useLost')}
      </Button>,
      <Button key="keep" size="small" type="primary" aria-label={t('sync.conflicts.keepOf', { field })} onClick={() => void act(() => settleConflict(db, c, 'kept'), t('sync.conflicts.settled'))}>
        {t('sync.conflicts.keep')}
      </Button>,
    ];
  };

  return (
    <Card title={t('sync.conflicts.cardTitle')} role="region" aria-label={t('sync.conflicts.cardTitle')}>
      <List
        dataSource={conflicts}
        rowKey="id"
        renderItem={(c) => (
          <List.Item actions={actions(c)}>
            <List.Item.Meta
              title={
                <Space>
                  <Typography.Text strong>{fieldLabel(c, t)}</Typography.Text>
                  <Tag>{t(`sync.conflicts.causes.${c.cause}`)}</Tag>
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  <span>{t('sync.conflicts.valueLine', { label: t('sync.conflicts.kept'), value: valueText(c.kept, t), who: relayedWho(c.keptBy) })}</span>
                  <span>{t('sync.conflicts.valueLine', { label: t('sync.conflicts.lost'), value: valueText(c.lost, t), who: relayedWho(c.lostBy) })}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
