import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { claimStates, standingFor, supportIds, type SupportId, type SupportRules } from '@core/supports';
import type { Claim } from '@core/records';
import { DateInput } from '../../shell/DateInput';
import { clean, markIssues, saveErrorText } from '../../shell/forms';
import { saveClaim, standingInput, type ClaimInput } from '../../store/claims';
import { db } from '../../store/db';
import { supportOf, today, whyText } from './supportsData';

type Values = Omit<ClaimInput, 'startupId' | 'id'>;

/**
 * Records or edits a claim. The applicant is judged live as the support and founder are chosen; one who
 * does not meet every condition may still claim, with a reason. Nothing typed is lost on a refusal.
 */
export function ClaimDialog({ startupId, startupName, rules, support, founderId, claim, onClose }: {
  startupId: string;
  startupName: string;
  rules: SupportRules;
  support?: SupportId;
  founderId?: string;
  claim?: Claim;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const chosen = Form.useWatch('support', form) ?? claim?.support ?? support;
  const chosenFounder = Form.useWatch('founderId', form) ?? claim?.founderId ?? founderId;
  const facts = useLiveQuery(() => standingInput(db, startupId, today()), [startupId]);
  const definition = chosen ? supportOf(rules, chosen) : undefined;
  const standing = facts && definition && (definition.applicant === 'startup' || chosenFounder) ? standingFor(facts, rules, definition.id, chosenFounder, claim?.id) : undefined;
  const unmet = standing?.checks.filter((c) => !c.met) ?? [];
  const cap = standing?.amount;

  const submit = async () => {
    const values = clean(await form.validateFields());
    setSaving(true);
    try {
      await saveClaim(db, { ...values, documents: values.documents ?? [], id: claim?.id, startupId }, rules);
      message.success(t('supports.form.saved'));
      onClose();
    } catch (error) {
      if (!markIssues(form, error, t)) message.error(saveErrorText(error, t));
    } finally {
      setSaving(false);
    }
  };
  const label = (k: string) => t(`supports.form.${k}`);
  const initial: Partial<Values> = claim ? (({ id: _i, updatedAt: _u, startupId: _s, cap: _c, qualified: _q, rulesVersion: _r, ...rest }) => rest)(claim) : { support, founderId, documents: [], state: 'preparing' };
  return (
    <Modal open title={t('supports.form.title', { name: startupName })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} okButtonProps={{ loading: saving }} onCancel={onClose} width={680}>
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="support" label={label('support')} rules={[{ required: true, message: t('v.required') }]}>
          <Select aria-label={label('support')} options={supportIds.map((s) => ({ value: s, label: t(`supports.name.${s}`) }))} />
        </Form.Item>
        {definition?.applicant === 'founder' && (
          <Form.Item name="founderId" label={label('founder')} rules={[{ required: true, message: t('v.claim.founderRequired') }]}>
            <Select aria-label={label('founder')} options={(facts?.founders ?? []).map((f) => ({ value: f.id, label: f.name }))} />
          </Form.Item>
        )}
        {standing &&
          (unmet.length === 0 ? (
            <Alert type="success" showIcon title={label('qualifies')} description={standing.checks.map((c) => whyText(c, t)).join('；')} style={{ marginBottom: 16 }} />
          ) : (
            <Alert type="warning" showIcon title={label('notQualified')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{unmet.map((c) => <li key={c.kind}>{whyText(c, t)}</li>)}</ul>} style={{ marginBottom: 16 }} />
          ))}
        {unmet.length > 0 && (
          <Form.Item name="reason" label={label('reason')} rules={[{ required: true, message: t('v.claim.reasonRequired') }]}>
            <Input.TextArea aria-label={label('reason')} rows={2} />
          </Form.Item>
        )}
        <Space wrap size="large" align="start">
          <Form.Item
            name="amountAsked"
            label={label('amountAsked')}
            extra={cap !== undefined ? t('supports.form.capHelp', { cap: cap.toLocaleString(), version: rules.version }) : undefined}
            rules={[{ required: true, message: t('v.required') }, ...(cap !== undefined ? [{ type: 'number' as const, max: cap, message: t('v.claim.aboveCap') }] : [])]}
          >
            <InputNumber aria-label={label('amountAsked')} min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="state" label={label('state')} rules={[{ required: true, message: t('v.required') }]}>
            <Select aria-label={label('state')} style={{ width: 160 }} options={claimStates.map((s) => ({ value: s, label: t(`supports.state.${s}`) }))} />
          </Form.Item>
        </Space>
        {definition && (
          <Form.Item name="documents" label={label('documents')}>
            <Checkbox.Group>
              <Space direction="vertical">
                {definition.documents.map((d) => (
                  <Checkbox key={d} value={d}>
                    {t(`supports.doc.${d}`)}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Space wrap size="large" align="start">
          {(['submittedOn', 'decidedOn', 'paidOn', 'remindOn'] as const).map((k) => (
            <Form.Item key={k} name={k} label={label(k)} style={{ width: k === 'remindOn' ? 300 : 180 }}>
              <DateInput aria-label={label(k)} />
            </Form.Item>
          ))}
          <Form.Item name="amountGranted" label={label('amountGranted')}>
            <InputNumber aria-label={label('amountGranted')} min={0} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={label('note')}>
          <Input.TextArea aria-label={label('note')} rows={2} />
        </Form.Item>
        {claim && !claim.qualified && <Typography.Text type="warning">{t('supports.notQualifiedTag')}</Typography.Text>}
      </Form>
    </Modal>
  );
}
