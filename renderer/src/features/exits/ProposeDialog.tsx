import { App, Checkbox, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { exitKinds, exitReasons, type Evaluation, type Exit, type Report } from '@core/records';
import { DateInput } from '../../shell/DateInput';
import { markIssues } from '../../shell/forms';
import { db } from '../../store/db';
import { proposeExit } from '../../store/exits';
import { exitErrorText } from './exitData';

type Values = { kind: Exit['kind']; reasons: Exit['reasons']; note?: string; evidence: string[]; effectiveOn?: string };

/** Propose an exit with reasons and the records it rests on; the decision comes after. */
export function ProposeDialog(props: {
  startupId: string;
  name: string;
  kind?: Exit['kind'];
  reasons?: Exit['reasons'];
  evidence?: Exit['evidence'];
  reports: Report[];
  evaluations: Evaluation[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const options = [
    ...props.evaluations.map((e) => ({ value: `evaluation:${e.id}`, label: `${t('startups.event.evaluation', { period: e.period, total: e.total })} · ${t(`evaluations.grades.${e.grade}`)}` })),
    ...[...props.reports].sort((a, b) => (a.period < b.period ? 1 : -1)).slice(0, 8).map((r) => ({ value: `report:${r.id}`, label: t('startups.event.report', { period: r.period }) })),
  ];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await proposeExit(db, {
        startupId: props.startupId,
        kind: v.kind,
        reasons: v.reasons ?? [],
        note: v.note?.trim() || undefined,
        evidence: (v.evidence ?? []).map((x) => {
          const [entity, id] = x.split(':') as ['evaluation' | 'report', string];
          return { entity, id };
        }),
        effectiveOn: v.effectiveOn,
      });
      message.success(t('exits.propose.done'));
      props.onClose();
    } catch (error) {
      if (!markIssues(form, error, t)) message.error(exitErrorText(error, t));
    }
  };
  return (
    <Modal open title={t('exits.propose.title', { name: props.name })} okText={t('exits.propose.submit')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={props.onClose} width={640}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: props.kind, reasons: props.reasons ?? [], evidence: (props.evidence ?? []).map((e) => `${e.entity}:${e.id}`) }}
      >
        <Form.Item name="kind" label={t('exits.kind')} rules={[{ required: true, message: t('v.required') }]}>
          <Select aria-label={t('exits.kind')} options={exitKinds.map((k) => ({ value: k, label: t(`enums.exitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="reasons" label={t('exits.reasons')}>
          <Select aria-label={t('exits.reasons')} mode="multiple" options={exitReasons.map((r) => ({ value: r, label: t(`exits.reason.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('exits.note')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="evidence" label={t('exits.evidence')} extra={t('exits.evidenceHint')}>
          <Checkbox.Group>
            <Space direction="vertical">
              {options.map((o) => (
                <Checkbox key={o.value} value={o.value}>
                  {o.label}
                </Checkbox>
              ))}
              {options.length === 0 && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('exits.effectiveOn')}>
          <DateInput aria-label={t('exits.effectiveOn')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
