import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { metrics, type Rule, type Template } from '@core/records';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';
import { saveTemplate, templateById, templateInUse } from '../../store/templates';
import { ValidationError } from '../../store/write';

const RULE_FIELDS: Record<Rule['kind'], string[]> = {
  threshold: ['metric', 'min', 'base', 'perUnit', 'cap'],
  linear: ['metric', 'unit', 'pointsPerUnit', 'cap'],
  bands: ['metric', 'whenMissing'],
  ratio: ['metric', 'whenMissing'],
  manual: ['rubric'],
};

/** The fields of one indicator's rule, as its kind needs them. */
function RuleFields({ index }: { index: number }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`evaluations.templates.${k}`);
  const n = index + 1;
  return (
    <Form.Item noStyle dependencies={[['indicators', index, 'rule', 'kind']]}>
      {({ getFieldValue }) => {
        const kind = getFieldValue(['indicators', index, 'rule', 'kind']) as Rule['kind'];
        return (
          <Row gutter={8}>
            {RULE_FIELDS[kind].map((field) => (
              <Col span={field === 'rubric' ? 24 : field === 'metric' ? 8 : 4} key={field}>
                <Form.Item name={[index, 'rule', field]} label={f(field)} rules={field === 'metric' || field === 'rubric' ? [{ required: true, message: t('v.required') }] : []}>
                  {field === 'metric' ? (
                    <Select aria-label={`${t('evaluations.templates.indicator', { n })} ${f('metric')}`} options={metrics.map((m) => ({ value: m, label: t(`evaluations.templates.metrics.${m}`) }))} />
                  ) : field === 'rubric' ? (
                    <Input.TextArea aria-label={`${t('evaluations.templates.indicator', { n })} ${f('rubric')}`} rows={2} />
                  ) : (
                    <InputNumber aria-label={`${t('evaluations.templates.indicator', { n })} ${f(field)}`} style={{ width: '100%' }} />
                  )}
                </Form.Item>
              </Col>
            ))}
            {(kind === 'bands' || kind === 'ratio') && (
              <Col span={24}>
                <Form.List name={[index, 'rule', 'bands']}>
                  {(bands, { add, remove }) => (
                    <Space direction="vertical" size={0}>
                      {bands.map((band, b) => (
                        <Space key={band.key} align="baseline">
                          <Form.Item name={[band.name, 'min']} rules={[{ required: true, message: t('v.required') }]}>
                            <InputNumber aria-label={`${t('evaluations.templates.indicator', { n })} ${t('evaluations.templates.bandMin', { n: b + 1 })}`} prefix="≥" />
                          </Form.Item>
                          <Form.Item name={[band.name, 'points']} rules={[{ required: true, message: t('v.required') }]}>
                            <InputNumber aria-label={`${t('evaluations.templates.indicator', { n })} ${t('evaluations.templates.bandPoints', { n: b + 1 })}`} min={0} />
                          </Form.Item>
                          <Form.Item name={[band.name, 'above']} valuePropName="checked">
                            <Checkbox>{t('evaluations.templates.bandAbove', { n: b + 1 })}</Checkbox>
                          </Form.Item>
                          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('evaluations.templates.removeBand', { n: b + 1 })} onClick={() => remove(band.name)} />
                        </Space>
                      ))}
                      <Button size="small" icon={<PlusOutlined />} onClick={() => add({ min: 0, points: 0 })}>
                        {t('evaluations.templates.addBand')}
                      </Button>
                    </Space>
                  )}
                </Form.List>
              </Col>
            )}
          </Row>
        );
      }}
    </Form.Item>
  );
}

/** Edits a template; a version already scored with is saved as the next version, never changed. */
export function TemplateEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Template>();
  const loaded = useLiveQuery(async () => {
    const template = await templateById(db, id);
    return template ? { template, inUse: await templateInUse(db, id) } : null;
  }, [id]);
  if (loaded === undefined) return <Spin />;
  if (loaded === null) return <Alert type="error" title={t('evaluations.refused.missing')} />;
  const { template, inUse } = loaded;
  const f = (k: string) => t(`evaluations.templates.${k}`);

  const submit = async (values: Template) => {
    try {
      const saved = await saveTemplate(db, { ...template, ...values });
      message.success(t('evaluations.templates.saved', { version: saved.version }));
      navigate('evaluations', 'templates');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      message.error(t('evaluations.templates.invalid', { reason: error.issues.map((i) => `${i.path.join('.')}: ${t(i.message)}`).join('；') }));
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={template} onFinish={(v) => void submit(v)}>
      <Card title={f('editTitle')} extra={<Button onClick={() => navigate('evaluations', 'templates')}>{t('common.cancel')}</Button>}>
        {inUse && <Alert type="info" showIcon title={t('evaluations.templates.versionNote', { next: template.version + 1 })} style={{ marginBottom: 16 }} />}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, message: t('v.required') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="periodKind" label={f('periodKind')}>
              <Select aria-label={f('periodKind')} options={(['quarter', 'half', 'year'] as const).map((k) => ({ value: k, label: t(`evaluations.templates.periodKinds.${k}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="grades">
          {(grades) => (
            <Space wrap>
              {grades.map((g, i) => (
                <Form.Item key={g.key} name={[g.name, 'min']} label={t('evaluations.templates.gradeMin', { grade: t(`evaluations.grades.${template.grades[i]?.grade ?? 'fail'}`) })}>
                  <InputNumber min={0} max={1000} />
                </Form.Item>
              ))}
            </Space>
          )}
        </Form.List>
      </Card>
      <Form.List name="indicators">
        {(items, { add, remove }) => (
          <>
            {items.map((item, index) => (
              <Card
                key={item.key}
                size="small"
                style={{ marginTop: 12 }}
                title={t('evaluations.templates.indicator', { n: index + 1 })}
                extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('evaluations.templates.removeIndicator', { n: index + 1 })} onClick={() => remove(item.name)} />}
              >
                <Row gutter={8}>
                  <Col span={4}>
                    <Form.Item name={[item.name, 'key']} label={f('key')} rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9]*$/, message: t('v.required') }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[item.name, 'label']} label={f('label')} rules={[{ required: true, message: t('v.required') }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[item.name, 'group']} label={f('group')} rules={[{ required: true, message: t('v.required') }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item name={[item.name, 'max']} label={f('max')} rules={[{ required: true, message: t('v.required') }]}>
                      <InputNumber min={0.5} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[item.name, 'rule', 'kind']} label={f('ruleKind')}>
                      <Select aria-label={`${t('evaluations.templates.indicator', { n: index + 1 })} ${f('ruleKind')}`} options={(Object.keys(RULE_FIELDS) as Rule['kind'][]).map((k) => ({ value: k, label: t(`evaluations.templates.ruleKinds.${k}`) }))} />
                    </Form.Item>
                  </Col>
                </Row>
                <RuleFields index={item.name} />
              </Card>
            ))}
            <Space style={{ marginTop: 12 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ key: `item${items.length + 1}`, label: '', group: '', max: 10, rule: { kind: 'manual', rubric: '' } })}>
                {t('evaluations.templates.addIndicator')}
              </Button>
              <Button type="primary" htmlType="submit">
                {t('common.save')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
