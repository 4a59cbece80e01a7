import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Rate, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '@core/mentoring';
import { sessionKinds, sessionModes, sessionStatuses, type Session } from '@core/records';
import { markIssues, saveErrorText } from '../../shell/forms';
import { db } from '../../store/db';
import { conflictsFor, saveSession, SessionRefused } from '../../store/sessions';
import type { Directory } from './directory';

interface ItemValues {
  id?: string;
  text: string;
  owner?: string;
  due?: Dayjs | null;
  done?: boolean;
}
type Values = Omit<Session, 'id' | 'updatedAt' | 'startsAt' | 'actionItems' | 'summary' | 'rating'> & {
  startsAt: Dayjs;
  summary?: string;
  rating?: number;
  actionItems?: ItemValues[];
};

/** What the form opens with: a new booking, an existing session to edit, or one to record (status held). */
export type SessionDraft = { session?: Session; record?: boolean; startsAt?: Dayjs };

const initialValues = ({ session, record, startsAt }: SessionDraft): Partial<Values> =>
  session
    ? {
        ...session,
        startsAt: dayjs(session.startsAt),
        status: record && session.status === 'scheduled' ? 'held' : session.status,
        actionItems: session.actionItems.map((a) => ({ ...a, due: a.due ? dayjs(a.due) : null })),
      }
    : { kind: 'appointment', mode: 'onsite', status: 'scheduled', durationMinutes: 60, topics: [], mentorIds: [], startupIds: [], startsAt: startsAt ?? dayjs().add(1, 'day').hour(9).minute(0).second(0) };

const toSession = (v: Values, id?: string) => ({
  ...v,
  id,
  startsAt: v.startsAt.second(0).millisecond(0).toISOString(),
  topics: v.topics ?? [],
  summary: v.status === 'held' && v.summary?.trim() ? v.summary : undefined,
  rating: v.status === 'held' ? v.rating || undefined : undefined,
  actionItems: (v.actionItems ?? []).map((a) => ({
    id: a.id ?? crypto.randomUUID(),
    text: a.text ?? '',
    ...(a.owner?.trim() ? { owner: a.owner } : {}),
    ...(a.due ? { due: a.due.format('YYYY-MM-DD') } : {}),
    done: a.done ?? false,
  })),
});

export function SessionForm({ draft, directory, onClose }: { draft: SessionDraft; directory: Directory; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const status = Form.useWatch('status', form);
  const mentorIds = Form.useWatch('mentorIds', form);
  const startsAt = Form.useWatch('startsAt', form);
  const duration = Form.useWatch('durationMinutes', form);
  const id = draft.session?.id;

  const conflicts = useLiveQuery(
    () => (startsAt && duration && mentorIds?.length ? conflictsFor(db, { id, mentorIds, startsAt: startsAt.toISOString(), durationMinutes: duration }) : []),
    [id, mentorIds?.join(), startsAt?.valueOf(), duration],
  );
  const describe = (c: Conflict) =>
    t('sessions.conflict', { mentor: directory.mentorNames([c.mentorId]), time: dayjs(c.session.startsAt).format('MM-DD HH:mm'), startups: directory.startupNames(c.session.startupIds) });

  // Options: residents, plus whoever the session already names (an exited startup stays readable).
  const startupOptions = directory.startups
    .filter((s) => directory.residents.includes(s) || draft.session?.startupIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const mentorOptions = directory.mentors.filter((m) => m.active || draft.session?.mentorIds.includes(m.id)).map((m) => ({ value: m.id, label: m.name }));

  const save = async (values: Values) => {
    try {
      await saveSession(db, toSession(values, id));
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (error instanceof SessionRefused) {
        const { reason, startup } = error.refusal;
        message.error(t(`sessions.refused.${reason}`, { name: startup.name, on: startup.exitedOn ?? '' }));
      } else if (markIssues(form, error, t)) message.error(t('common.fixFields'));
      else message.error(saveErrorText(error, t));
    }
  };

  const submit = async (values: Values) => {
    const found = await conflictsFor(db, { id, mentorIds: values.mentorIds, startsAt: values.startsAt.toISOString(), durationMinutes: values.durationMinutes });
    if (!found.length || values.status !== 'scheduled') return save(values);
    modal.confirm({
      title: t('sessions.conflictTitle'),
      content: found.map((c) => <div key={c.session.id + c.mentorId}>{describe(c)}</div>),
      okText: t('sessions.saveAnyway'),
      cancelText: t('sessions.backToEdit'),
      onOk: () => save(values),
    });
  };

  const required = [{ required: true, message: t('v.required') }];
  return (
    <Modal
      open
      width={720}
      title={draft.record ? t('sessions.recordSession') : id ? t('sessions.editSession') : t('sessions.book')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues(draft)} onFinish={(v) => void submit(v)}>
        <Space wrap align="start" size="middle">
          <Form.Item name="kind" label={t('sessions.kind')} extra={kind && t(`sessions.kindHelp.${kind}`)} rules={required}>
            <Select style={{ width: 200 }} options={sessionKinds.map((k) => ({ value: k, label: t(`sessions.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('sessions.status')} rules={required}>
            <Select style={{ width: 140 }} options={sessionStatuses.map((s) => ({ value: s, label: t(`sessions.statuses.${s}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="mentorIds" label={t('sessions.mentors')} rules={required}>
          <Select mode="multiple" maxCount={kind === 'appointment' ? 1 : undefined} optionFilterProp="label" options={mentorOptions} />
        </Form.Item>
        <Form.Item name="startupIds" label={t('sessions.startups')} rules={required}>
          <Select mode="multiple" maxCount={kind === 'appointment' ? 1 : undefined} optionFilterProp="label" options={startupOptions} />
        </Form.Item>
        <Space wrap align="start" size="middle">
          <Form.Item name="startsAt" label={t('sessions.startsAt')} rules={required}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('sessions.duration')} rules={required}>
            <InputNumber min={5} max={1440} step={15} precision={0} controls={false} />
          </Form.Item>
          <Form.Item name="mode" label={t('sessions.mode')} rules={required}>
            <Select style={{ width: 120 }} options={sessionModes.map((m) => ({ value: m, label: t(`sessions.modes.${m}`) }))} />
          </Form.Item>
        </Space>
        {!!conflicts?.length && status === 'scheduled' && (
          <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('sessions.conflictTitle')} description={conflicts.map((c) => <div key={c.session.id + c.mentorId}>{describe(c)}</div>)} />
        )}
        <Form.Item name="topics" label={t('sessions.topics')}>
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t('sessions.topicsPlaceholder')} />
        </Form.Item>
        {status === 'held' && <Outcome />}
      </Form>
    </Modal>
  );
}

/** What only a held session has: summary, the startup's rating and action items. */
function Outcome() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="summary" label={t('sessions.summary')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="rating" label={t('sessions.rating')}>
        <Rate aria-label={t('sessions.rating')} tooltips={[1, 2, 3, 4, 5].map((n) => t('sessions.ratingOf', { n }))} />
      </Form.Item>
      <Form.Item label={t('sessions.actionItems')}>
        <Form.List name="actionItems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true, message: t('v.required') }]}>
                    <Input aria-label={t('sessions.item.textOf', { n: i + 1 })} placeholder={t('sessions.item.text')} style={{ width: 260 }} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'owner']}>
                    <Input aria-label={t('sessions.item.ownerOf', { n: i + 1 })} placeholder={t('sessions.item.owner')} style={{ width: 110 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'due']}>
                    <DatePicker aria-label={t('sessions.item.dueOf', { n: i + 1 })} placeholder={t('sessions.item.due')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'done']} valuePropName="checked">
                    <Checkbox aria-label={t('sessions.item.doneOf', { n: i + 1 })}>{t('sessions.item.done')}</Checkbox>
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('sessions.item.remove', { n: i + 1 })} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ text: '', done: false })}>
                {t('sessions.item.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}
