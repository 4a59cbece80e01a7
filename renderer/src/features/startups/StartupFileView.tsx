import { ArrowLeftOutlined, EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { completionGaps, type CompletableField, type Founder } from '@core/records';
import { idNumberFacts } from '@core/validators/idNumber';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';
import { startupFile, voidStartup } from '../../store/startups';
import { StartupMentoring } from '../sessions/StartupMentoring';
import { StartupSupports } from '../supports/StartupSupports';
import { ConflictsCard } from '../sync/ConflictsCard';
import { AlsoFounded } from './AlsoFounded';
import { MaskedId } from './MaskedId';
import { completableText } from './labels';
import { ReadmitDialog } from './ReadmitDialog';
import { timelineOf } from './timeline';
import { saveErrorText } from '../../shell/forms';

export function StartupFileView({ id }: { id: string }) {
  const { t } = useTranslation();
  const file = useLiveQuery(async () => (await startupFile(db, id)) ?? null, [id]);
  const [voiding, setVoiding] = useState(false);
  const [readmitting, setReadmitting] = useState(false);
  if (file === undefined) return <Spin />;
  if (file === null) return <Empty description={t('startups.file.notFound')} />;
  const s = file.startup;
  const f = (key: string) => t(`startups.form.${key}`);
  const dash = (v: string | number | undefined) => (v === undefined || v === '' ? '—' : v);
  const gaps = completionGaps(s);
  // A value the desk proposed is shown with its mark until a person confirms it (edit, or a bulk edit).
  const completable = (field: CompletableField) => (
    <Descriptions.Item label={f(field)}>
      {completableText(s, field, t)}
      {s.proposed?.includes(field) && (
        <Tag color="gold" style={{ marginInlineStart: 8 }}>
          {t('startups.gaps.proposed')}
        </Tag>
      )}
    </Descriptions.Item>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('startups')}>
          {t('startups.file.back')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.name}
        </Typography.Title>
        <Tag>{t(`enums.listState.${s.voidedAt ? 'voided' : s.status}`)}</Tag>
        {s.keyProject && <Tag color="red">{t('startups.flag.key')}</Tag>}
        {s.feeWaived && <Tag color="green">{t('startups.flag.free')}</Tag>}
        {(s.voidedAt || s.status === 'exited') && (
          <Button icon={<RollbackOutlined />} onClick={() => setReadmitting(true)}>
            {t('startups.identity.readmit')}
          </Button>
        )}
        {!s.voidedAt && (
          <>
            <Button icon={<EditOutlined />} onClick={() => navigate('startups', s.id, 'edit')}>
              {t('common.edit')}
            </Button>
            <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)}>
              {t('startups.file.void')}
            </Button>
          </>
        )}
      </Space>
      {s.voidedAt && <Alert type="warning" showIcon title={t('startups.file.voided', { reason: s.voidedReason ?? '' })} />}
      {gaps.length > 0 && <Alert type="info" showIcon title={t('startups.gaps.toComplete', { fields: gaps.map((g) => t(`startups.gaps.names.${g}`)).join('、') })} />}
      <ConflictsCard recordIds={[s.id, ...file.founders.map((x) => x.id), ...file.evaluations.map((e) => e.id), ...file.reports.map((r) => r.id), ...file.exits.map((x) => x.id)]} />
      <Card title={t('startups.file.profile')}>
        <Descriptions column={3} size="small">
          <Descriptions.Item label={f('entityType')}>{t(`enums.entityType.${s.entityType}`)}</Descriptions.Item>
          <Descriptions.Item label={f('creditCode')}>{dash(s.creditCode)}</Descriptions.Item>
          <Descriptions.Item label={f('registeredOn')}>{dash(s.registeredOn)}</Descriptions.Item>
          {completable('industry')}
          {completable('field')}
          {completable('stage')}
          <Descriptions.Item label={f('admittedOn')}>{s.admittedOn}</Descriptions.Item>
          {completable('agreementEndsOn')}
          <Descriptions.Item label={f('room')}>{`${s.room ?? '—'} · ${s.area} m²`}</Descriptions.Item>
          <Descriptions.Item label={f('feeWaiverBasis')}>{dash(s.feeWaiverBasis)}</Descriptions.Item>
          <Descriptions.Item label={f('keyProjectCadre')}>{dash(s.keyProjectCadre)}</Descriptions.Item>
          <Descriptions.Item label={f('contactPhone')}>{`${s.contactName ?? ''} ${s.contactPhone ?? ''}`.trim() || '—'}</Descriptions.Item>
          {s.exitKind && <Descriptions.Item label={t('enums.listState.exited')}>{`${t(`enums.exitKind.${s.exitKind}`)} ${s.exitedOn ?? ''}`}</Descriptions.Item>}
          {(s.rosterId || s.verification) && (
            <Descriptions.Item label={t('startups.file.roster')}>
              {[s.rosterId, s.verification && t(`startups.file.verification.${s.verification}`), s.verificationNote].filter(Boolean).join(' · ')}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('startups.file.founders')}>
        <Table<Founder>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={file.founders}
          columns={[
            { title: f('founderName'), dataIndex: 'name' },
            { title: f('idNumber'), dataIndex: 'idNumber', render: (v: string, r) => <MaskedId value={v} owner={r.name} /> },
            {
              title: f('birthAndGender'),
              key: 'facts',
              render: (_, r) => {
                const facts = idNumberFacts(r.idNumber);
                return facts ? `${facts.birthDate} ${t(`enums.gender.${facts.gender}`)}` : '—';
              },
            },
            { title: f('phone'), dataIndex: 'phone' },
            { title: f('education'), dataIndex: 'education', render: (e?: string) => (e ? t(`enums.education.${e}`) : '—') },
            { title: f('keyGroups'), dataIndex: 'keyGroups', render: (gs: string[]) => gs.map((g) => <Tag key={g}>{t(`enums.keyGroup.${g}`)}</Tag>) },
            { title: t('startups.identity.alsoFounded'), key: 'also', render: (_, r) => <AlsoFounded founder={r} /> },
          ]}
        />
      </Card>
      <StartupMentoring startupId={s.id} />
      <StartupSupports startupId={s.id} />
      <Card title={t('startups.file.timeline')}>
        {(() => {
          const events = timelineOf(file, t);
          return events.length === 0 ? (
            <Empty description={t('startups.file.noEvents')} />
          ) : (
            <Timeline items={events.map((e) => ({ children: <span>{`${e.at.slice(0, 10)}  ${e.text}${e.who ? ` · ${e.who}` : ''}`}</span> }))} />
          );
        })()}
      </Card>
      <VoidDialog open={voiding} onClose={() => setVoiding(false)} id={s.id} />
      {readmitting && <ReadmitDialog startup={s} onClose={() => setReadmitting(false)} />}
    </Space>
  );
}

function VoidDialog({ open, onClose, id }: { open: boolean; onClose: () => void; id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('startups.file.voidTitle')}
      okText={t('startups.file.void')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={async () => {
        const { reason } = await form.validateFields();
        try {
          await voidStartup(db, id, reason.trim());
          onClose();
        } catch (error) {
          message.error(saveErrorText(error, t));
        }
      }}
    >
      <Typography.Paragraph>{t('startups.file.voidIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('startups.file.voidReason')} rules={[{ required: true, whitespace: true, message: t('v.required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
