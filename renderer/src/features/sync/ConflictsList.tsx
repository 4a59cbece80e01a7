import { Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '@core/sync/protocol';
import { conflictsWithRecords } from '../../store/conflicts';
import { db } from '../../store/db';
import { relayedWho } from '../../store/relay';
import { fixLink, recordName } from './attention';
import { fieldLabel, valueText } from './conflictText';

interface Row extends Conflict {
  record: unknown;
}

/** Every open conflict of the carrier, with the record it is on; each opens the record's file to settle it. */
export function ConflictsList() {
  const { t } = useTranslation();
  const rows = useLiveQuery((): Promise<Row[]> => conflictsWithRecords(db), []);
  // A startup's (or its founder's) conflicts are settled on its file; an evaluation's on its startup's file too.
  const link = (r: Row) => {
    const startupId = (r.record as { startupId?: string } | null)?.startupId;
    return r.entity === 'startup' ? `#/startups/${r.recordId}` : startupId ? `#/startups/${startupId}` : fixLink(r);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sync.conflicts.intro')}</Typography.Paragraph>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={rows === undefined}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('sync.conflicts.empty') }}
        columns={[
          {
            title: t('sync.conflicts.record'),
            key: 'record',
            render: (_, r) => (
              <>
                <Typography.Text type="secondary">{t(`sync.entities.${r.entity}`)}</Typography.Text> {recordName(r)}
              </>
            ),
          },
          { title: t('sync.conflicts.field'), key: 'field', render: (_, r) => fieldLabel(r, t) },
          { title: t('sync.conflicts.cause'), key: 'cause', render: (_, r) => <Tag>{t(`sync.conflicts.causes.${r.cause}`)}</Tag> },
          { title: t('sync.conflicts.kept'), key: 'kept', render: (_, r) => `${valueText(r.kept, t)} · ${relayedWho(r.keptBy)}` },
          { title: t('sync.conflicts.lost'), key: 'lost', render: (_, r) => `${valueText(r.lost, t)} · ${relayedWho(r.lostBy)}` },
          {
            title: t('sync.desks.actions'),
            key: 'open',
            render: (_, r) => (
              <a href={link(r)} aria-label={t('sync.conflicts.openOf', { name: recordName(r) })}>
                {t('sync.conflicts.open')}
              </a>
            ),
          },
        ]}
      />
    </>
  );
}
