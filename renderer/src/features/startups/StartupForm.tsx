import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityTypes, fields, stages, startupSchema, type Carrier, type CompletableField, type Founder, type Startup } from '@core/records';
import type { IdentityProblem } from '@core/identity';
import { freeSpaceUse, qualifiesForFreeResidency } from '@core/residency';
import { DateInput } from '../../shell/DateInput';
import { clean, markIssues, saveErrorText, zodRule } from '../../shell/forms';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';
import { IdentityError } from '../../store/identity';
import { saveStartup, startupFile } from '../../store/startups';
import { parseRecord, ValidationError } from '../../store/write';
import { FounderFields } from './FounderFields';
import { IdentityProblems, markIdentityProblems } from './IdentityProblems';
import { freeAreaUsed } from './freeSpace';
import { industryOptions } from './industryOptions';
import { remainingProposals } from './proposals';

type FounderValues = Partial<Founder>;
type Values = Partial<Startup> & { founders: FounderValues[] };

const newFounder = (): FounderValues => ({ id: crypto.randomUUID(), keyGroups: [], firstTime: true, trainingCertified: false });

export function StartupForm({ id, carrier }: { id?: string; carrier: Carrier }) {
  const existing = useLiveQuery(async () => (id ? ((await startupFile(db, id)) ?? null) : null), [id]);
  if (id && !existing) return <Spin />;
  return <StartupFormBody key={id ?? 'new'} carrier={carrier} startup={existing?.startup} founders={existing?.founders ?? []} />;
}

function StartupFormBody({ carrier, startup, founders }: { carrier: Carrier; startup?: Startup; founders: Founder[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [confirmed, setConfirmed] = useState<CompletableField[]>([]);
  const [identity, setIdentity] = useState<IdentityProblem[]>([]);
  const values = Form.useWatch([], form) as Values | undefined;
  const usedElsewhere = useLiveQuery(() => freeAreaUsed(startup?.id), [startup?.id]);
  const shape = startupSchema.shape;
  const f = (key: string) => t(`startups.form.${key}`);
  const required = { required: true, message: t('v.required') };
  const isTeam = values?.entityType === 'team';

  const initial: Values = startup
    ? { ...startup, founders }
    : { entityType: 'enterprise', stage: 'early', field: 'digital', feeWaived: false, keyProject: false, status: 'resident', area: 0, founders: [newFounder()] };

  const qualifies = values?.admittedOn ? qualifiesForFreeResidency({ admittedOn: values.admittedOn, registeredOn: values.registeredOn }, (values.founders ?? []).map((x) => ({ keyGroups: x?.keyGroups ?? [] }))) : undefined;
  const use = usedElsewhere === undefined ? undefined : freeSpaceUse(carrier, [{ area: usedElsewhere, feeWaived: true }, { area: values?.area ?? 0, feeWaived: !!values?.feeWaived }]);

  // A value the desk proposed stays a proposal until the manager confirms it or sets another.
  const proposal = (field: CompletableField) =>
    remainingProposals(startup, values, confirmed).includes(field) ? (
      <Space size={4}>
        <Tag color="gold">{t('startups.gaps.proposed')}</Tag>
        <Button size="small" aria-label={t('startups.gaps.confirm', { field: t(`startups.gaps.names.${field}`) })} onClick={() => setConfirmed([...confirmed, field])}>
          {t('common.confirm')}
        </Button>
      </Space>
    ) : undefined;

  const submit = async (v: Values) => {
    const { founders: people, ...rest } = v;
    const proposed = remainingProposals(startup, v, confirmed);
    const startupInput = clean({
      ...startup,
      ...rest,
      proposed: proposed.length > 0 ? proposed : undefined,
      id: startup?.id ?? crypto.randomUUID(),
      status: startup?.status ?? 'resident',
      updatedAt: new Date().toISOString(),
    });
    // Check every record first, so each problem is marked on its own field (founders by their row).
    const failures: [unknown, (string | number)[]][] = [];
    try {
      parseRecord('startup', startupInput);
    } catch (e) {
      failures.push([e, []]);
    }
    const founderInputs = (people ?? []).map((p, i) => {
      const input = clean({ ...startup && founders.find((x) => x.id === p.id), ...p, startupId: startupInput.id, updatedAt: new Date().toISOString() });
      try {
        parseRecord('founder', input);
      } catch (e) {
        failures.push([e, ['founders', i]]);
      }
      return input;
    });
    if (failures.length) {
      for (const [e, prefix] of failures) markIssues(form, e, t, prefix);
      message.error(t('common.fixFields'));
      return;
    }
    setSaving(true);
    setIdentity([]);
    try {
      const saved = await saveStartup(db, startupInput as Startup, founderInputs as Founder[]);
      message.success(t('common.saved'));
      navigate('startups', saved.id);
    } catch (error) {
      if (error instanceof ValidationError) markIssues(form, error, t);
      if (error instanceof IdentityError) {
        markIdentityProblems(form, error.problems, t);
        setIdentity(error.problems);
        message.error(t('common.fixFields'));
      } else message.error(saveErrorText(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      aria-label={startup ? f('editTitle') : f('newTitle')}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onFinishFailed={() => message.error(t('common.fixFields'))}
      scrollToFirstError
    >
      <Card title={startup ? f('editTitle') : f('newTitle')}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={f('name')} rules={[required, zodRule(shape.name, t)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="entityType" label={f('entityType')} rules={[required]}>
              <Select aria-label={f('entityType')} options={entityTypes.map((e) => ({ value: e, label: t(`enums.entityType.${e}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="stage" label={f('stage')} extra={proposal('stage')}>
              <Select aria-label={f('stage')} allowClear placeholder={t('common.notGiven')} options={stages.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="creditCode"
              label={f('creditCode')}
              extra={isTeam ? f('creditCodeTeam') : undefined}
              rules={[{ required: !isTeam, message: t('v.creditCode.required') }, zodRule(shape.creditCode, t)]}
            >
              <Input autoComplete="off" maxLength={24} disabled={isTeam} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="registeredOn" label={f('registeredOn')}>
              <DateInput aria-label={f('registeredOn')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="field" label={f('field')} extra={proposal('field')}>
              <Select aria-label={f('field')} allowClear placeholder={t('common.notGiven')} options={fields.map((x) => ({ value: x, label: t(`enums.field.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industry" label={f('industry')} extra={proposal('industry')}>
              <Select
                aria-label={f('industry')}
                allowClear
                placeholder={t('common.notGiven')}
                showSearch
                optionFilterProp="label"
                options={industryOptions(t)}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="admittedOn" label={f('admittedOn')} rules={[required]}>
              <DateInput aria-label={f('admittedOn')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="agreementEndsOn" label={f('agreementEndsOn')} rules={[required]} extra={proposal('agreementEndsOn')}>
              <DateInput aria-label={f('agreementEndsOn')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="room" label={f('room')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="area" label={f('area')} rules={[required]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contactName" label={f('contactName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="contactPhone" label={f('contactPhone')} rules={[zodRule(shape.contactPhone, t)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="feeWaived" valuePropName="checked">
              <Checkbox>{f('feeWaived')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item name="feeWaiverBasis" label={f('feeWaiverBasis')}>
              <Input disabled={!values?.feeWaived} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="keyProject" valuePropName="checked">
              <Checkbox>{f('keyProject')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="keyProjectCadre" label={f('keyProjectCadre')}>
              <Input disabled={!values?.keyProject} />
            </Form.Item>
          </Col>
        </Row>
        {qualifies !== undefined && <Alert role="status" type={qualifies ? 'success' : 'info'} showIcon title={qualifies ? f('qualifies') : f('notQualifies')} style={{ marginBottom: 8 }} />}
        {use && (
          <Alert
            type={use.share > 1 ? 'warning' : 'info'}
            showIcon
            title={t('startups.form.freeShare', { used: use.used, reserved: Math.round(use.reserved), percent: Math.round(use.share * 100) })}
            description={use.share > 1 ? f('freeShareOver') : undefined}
          />
        )}
      </Card>
      <Card title={f('founders')} style={{ marginTop: 16 }}>
        <Form.List name="founders">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => {
                const saved = founders.some((x) => x.id === form.getFieldValue(['founders', item.name, 'id']));
                return (
                  <div key={item.key} style={{ borderBottom: '1px dashed #e5e5e5', marginBottom: 12 }}>
                    <FounderFields index={item.name} />
                    {!saved && (
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={f('removeFounder')}>
                        {f('removeFounder')}
                      </Button>
                    )}
                  </div>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add(newFounder())}>
                {f('addFounder')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <IdentityProblems problems={identity} />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
        <Button onClick={() => (startup ? navigate('startups', startup.id) : navigate('startups'))}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
