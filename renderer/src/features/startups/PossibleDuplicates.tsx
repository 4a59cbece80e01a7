import { Alert, App, Button, Card, Popconfirm, Radio, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupKey } from '@core/identity';
import type { Startup } from '@core/records';
import { saveErrorText } from '../../shell/forms';
import { db } from '../../store/db';
import { keepDuplicates, mergeStartups, possibleDuplicates, type PossibleDuplicate } from '../../store/duplicates';

/**
 * 可能重复: startups a desk held before the identity rules that may be one company or team twice, for
 * the manager to merge (everything re-pointed to the one kept) or keep apart. Shown only while any are open.
 */
export function PossibleDuplicates() {
  const { t } = useTranslation();
  const open = useLiveQuery(() => possibleDuplicates(db), []);
  if (!open?.length) return null;
  return (
    <Card title={t('startups.duplicates.title', { count: open.length })} style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('startups.duplicates.intro')}</Typography.Paragraph>
        {open.map((d) => (
          <DuplicateGroupView key={groupKey(d.group)} duplicate={d} />
        ))}
      </Space>
    </Card>
  );
}

function DuplicateGroupView({ duplicate: { group, startups } }: { duplicate: PossibleDuplicate }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [keep, setKeep] = useState(startups[0]!.id);
  const [busy, setBusy] = useState(false);
  const kept = startups.find((s) => s.id === keep) ?? startups[0]!;
  const mergeable = group.kind !== 'idNumber';
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      message.error(saveErrorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const label = t(`startups.duplicates.kind.${group.kind}`, { value: group.value });
  return (
    <Alert
      type="warning"
      title={label}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Table<Startup>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={startups}
            columns={[
              ...(mergeable
                ? [
                    {
                      title: t('startups.duplicates.keep'),
                      key: 'keep',
                      width: 80,
                      render: (_: unknown, s: Startup) => <Radio checked={s.id === keep} onChange={() => setKeep(s.id)} aria-label={t('startups.duplicates.keepThis', { name: s.name })} />,
                    },
                  ]
                : []),
              { title: t('startups.col.name'), key: 'name', render: (_, s) => <a href={`#/startups/${s.id}`}>{s.name}</a> },
              { title: t('startups.col.creditCode'), key: 'code', render: (_, s) => s.creditCode ?? '—' },
              { title: t('startups.col.admittedOn'), dataIndex: 'admittedOn' },
            ]}
          />
          <Space>
            {mergeable && (
              <Popconfirm
                title={t('startups.duplicates.mergeConfirm', { name: kept.name })}
                okText={t('startups.duplicates.merge')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(() => mergeStartups(db, group, kept.id, (k) => t('startups.duplicates.mergedInto', { name: k.name })))}
              >
                <Button type="primary" loading={busy}>
                  {t('startups.duplicates.mergeInto', { name: kept.name })}
                </Button>
              </Popconfirm>
            )}
            <Button loading={busy} onClick={() => void act(() => keepDuplicates(db, group))}>
              {t(mergeable ? 'startups.duplicates.keepApart' : 'startups.duplicates.checked')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
