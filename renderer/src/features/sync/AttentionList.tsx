import { Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../store/db';
import { attentionItems, type AttentionItem } from '../../store/syncState';
import { describeReason, fixLink, recordName } from './attention';
import { formatTime } from './time';

/** Records the roster refused, each with its reason and the way to fix it; saving the fix re-sends it. */
export function AttentionList() {
  const { t, i18n } = useTranslation();
  const items = useLiveQuery(() => attentionItems(db), []);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('sync.attention.intro')}</Typography.Paragraph>
      <Table<AttentionItem>
        rowKey="mutationId"
        size="small"
        loading={items === undefined}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('sync.attention.empty') }}
        columns={[
          {
            title: t('sync.attention.record'),
            key: 'record',
            render: (_, item) => (
              <>
                <Typography.Text type="secondary">{t(`sync.entities.${item.entity}`)}</Typography.Text> {recordName(item)}
              </>
            ),
          },
          {
            title: t('sync.attention.reason'),
            key: 'reason',
            render: (_, item) => <span style={{ whiteSpace: 'pre-line' }}>{describeReason(item, t, i18n)}</span>,
          },
          { title: t('sync.attention.rejectedAt'), key: 'at', render: (_, item) => formatTime(item.rejectedAt) },
          {
            title: t('sync.attention.actions'),
            key: 'fix',
            render: (_, item) => (
              <a href={fixLink(item)} aria-label={t('sync.attention.fixOf', { name: recordName(item) })}>
                {t('sync.attention.fix')}
              </a>
            ),
          },
        ]}
      />
    </>
  );
}
