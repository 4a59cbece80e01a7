import { App, Button, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../http/consoleApi';
import { api, errorText } from './api';
import { MismatchDialog } from './MismatchDialog';

/** A carrier's residents, their founders (ID numbers masked) and the officer's decisions on each. */
export function ResidentsTable({ code, residents, officer, onChanged }: { code: string; residents: Resident[]; officer: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [mismatchOf, setMismatchOf] = useState<Resident | null>(null);
  const base = `/carriers/${encodeURIComponent(code)}`;

  const decide = async (resident: Resident, what: 'verification' | 'key-project', body: unknown) => {
    await api('POST', `${base}/startups/${encodeURIComponent(resident.startupId)}/${what}`, body);
    void message.success(t('residents.decided'));
    onChanged();
  };
  const tryDecide = (resident: Resident, what: 'verification' | 'key-project', body: unknown) =>
    decide(resident, what, body).catch((err: unknown) => void message.error(errorText(t, err)));
  const reveal = (founderId: string) =>
    api<{ idNumber: string }>('POST', `${base}/founders/${encodeURIComponent(founderId)}/reveal`).then(
      ({ idNumber }) => setRevealed((r) => ({ ...r, [founderId]: idNumber })),
      (err: unknown) => void message.error(errorText(t, err)),
    );

  return (
    <>
      <Table<Resident>
        rowKey="startupId"
        dataSource={residents}
        locale={{ emptyText: t('carrier.noResidents') }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('residents.rosterId'), dataIndex: 'rosterId' },
          { title: t('residents.name'), dataIndex: 'name' },
          { title: t('residents.creditCode'), dataIndex: 'creditCode' },
          { title: t('residents.admittedOn'), dataIndex: 'admittedOn' },
          { title: t('residents.state'), dataIndex: 'status', render: (s: string) => (s ? t(`residents.states.${s}`) : '') },
          {
            title: t('residents.founders'),
            key: 'founders',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.founders.map((f) => (
                  <Space key={f.id} size={4}>
                    <span style={{ whiteSpace: 'nowrap' }}>{f.name}</span>
                    <span style={{ fontFamily: 'monospace' }}>{revealed[f.id] ?? f.idNumberMasked}</span>
                    {officer && !revealed[f.id] && (
                      <Button size="small" type="link" aria-label={t('residents.reveal', { name: f.name })} onClick={() => void reveal(f.id)}>
                        {t('residents.show')}
                      </Button>
                    )}
                  </Space>
                ))}
              </Space>
            ),
          },
          {
            title: t('residents.verification'),
            key: 'verification',
            render: (_, r) =>
              r.verification ? (
                <Tooltip title={r.verificationNote}>
                  <Tag color={r.verification === 'verified' ? 'green' : 'red'}>{t(`residents.${r.verification}`)}</Tag>
                </Tooltip>
              ) : (
                <Tag>{t('residents.unverified')}</Tag>
              ),
          },
          { title: t('residents.keyProject'), key: 'keyProject', render: (_, r) => (r.keyProjectDesignated ? <Tag color="blue">{t('residents.keyProject')}</Tag> : null) },
          ...(officer
            ? [
                {
                  title: t('residents.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Resident) => (
                    <Space wrap size={4}>
                      <Button size="small" aria-label={t('residents.forName', { action: t('residents.verify'), name: r.name })} onClick={() => void tryDecide(r, 'verification', { result: 'verified' })}>
                        {t('residents.verify')}
                      </Button>
                      <Button size="small" danger aria-label={t('residents.forName', { action: t('residents.markMismatch'), name: r.name })} onClick={() => setMismatchOf(r)}>
                        {t('residents.markMismatch')}
                      </Button>
                      <Button
                        size="small"
                        aria-label={t('residents.forName', { action: t(r.keyProjectDesignated ? 'residents.undesignate' : 'residents.designate'), name: r.name })}
                        onClick={() => void tryDecide(r, 'key-project', { designated: !r.keyProjectDesignated })}
                      >
                        {t(r.keyProjectDesignated ? 'residents.undesignate' : 'residents.designate')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <MismatchDialog
        name={mismatchOf?.name ?? null}
        onClose={() => setMismatchOf(null)}
        onSubmit={async (note) => {
          await decide(mismatchOf!, 'verification', { result: 'mismatch', note });
          setMismatchOf(null);
        }}
      />
    </>
  );
}
