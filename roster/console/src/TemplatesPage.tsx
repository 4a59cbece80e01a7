import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Metric, metrics, type Template, templateSchema } from '@core/records/template';
import type { MetricValues } from '@core/scoring/metrics';
import { scoreEvaluation } from '@core/scoring/score';
import { residentTemplate } from '@core/scoring/templates';
import type { AccountView, PublishedTemplate } from '../../http/consoleApi';
import { api, errorText } from './api';

type Parsed = { template: Template } | { problems: string[] };

/** The officer's JSON, checked with core's own template schema, as the roster will check it again. */
function useParsed(text: string): Parsed {
  const { t } = useTranslation();
  return useMemo(() => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      return { problems: [t('templates.notJson', { reason: (err as Error).message })] };
    }
    const parsed = templateSchema.safeParse(value);
    if (parsed.success) return { template: parsed.data };
    return { problems: parsed.error.issues.map((i) => t('templates.issue', { path: i.path.join('.') || '/', message: i.message })) };
  }, [text, t]);
}

/** The metrics a template's automatic indicators read, for the sample's inputs. */
const metricsOf = (template: Template): Metric[] => metrics.filter((m) => template.indicators.some((i) => i.rule.kind !== 'manual' && i.rule.metric === m));

/** How core's scoring rates one evaluation of the sample values: what a desk will compute with this template. */
function Preview({ template }: { template: Template }) {
  const { t } = useTranslation();
  const [sample, setSample] = useState<Partial<Record<Metric, number | null>>>({});
  const values = {} as MetricValues;
  for (const m of metrics) values[m] = { value: sample[m] ?? null, steps: [] };
  values.actionItemsDoneShare = { value: null, steps: [] };
  const scored = scoreEvaluation(template, values);
  return (
    <section aria-label={t('templates.preview')}>
      <Typography.Title level={5}>{t('templates.preview')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('templates.previewIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {metricsOf(template).map((m) => (
          <Space key={m} size={4}>
            <span>{t(`templates.metrics.${m}`)}</span>
            <InputNumber aria-label={t('templates.sample', { metric: t(`templates.metrics.${m}`) })} value={sample[m] ?? null} onChange={(v) => setSample((s) => ({ ...s, [m]: v }))} />
          </Space>
        ))}
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={scored.items.map((item) => ({ ...item, indicator: template.indicators.find((i) => i.key === item.key)! }))}
        columns={[
          { title: t('templates.indicator'), key: 'label', render: (_, r) => `${r.indicator.group} · ${r.indicator.label}` },
          {
            title: t('templates.points'),
            key: 'points',
            render: (_, r) => (r.indicator.rule.kind === 'manual' ? t('templates.manual') : `${r.points}/${r.indicator.max}`),
          },
        ]}
      />
      <Typography.Paragraph strong style={{ marginTop: 8 }} role="status">
        {t('templates.total', { total: scored.total, grade: t(`carrierWords.grades.${scored.grade}`) })}
      </Typography.Paragraph>
    </section>
  );
}

function PublishDialog({ base, onClose, onPublished }: { base: PublishedTemplate | null; onClose: () => void; onPublished: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!base) return;
    // The next version of the family, with the roster's own flags left for the roster to set.
    const { published: _p, retired: _r, ...template } = base.template;
    const family = base.id.slice(0, base.id.lastIndexOf('@'));
    setText(JSON.stringify({ ...template, id: `${family}@${base.version + 1}`, version: base.version + 1 }, null, 2));
    setError(undefined);
  }, [base]);
  const parsed = useParsed(text);
  const publish = () => {
    if (!('template' in parsed)) return;
    api<{ id: string }>('POST', '/templates', parsed.template).then(
      ({ id }) => {
        void message.success(t('templates.published', { id }));
        onPublished();
      },
      (err: unknown) => setError(errorText(t, err)),
    );
  };
  return (
    <Modal
      open={base !== null}
      title={t('templates.publish')}
      width={900}
      onCancel={onClose}
      okText={t('templates.publish')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !('template' in parsed) }}
      onOk={publish}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('templates.definition')} extra={t('templates.definitionHelp')}>
          <Input.TextArea aria-label={t('templates.definition')} value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 8, maxRows: 16 }} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" role="alert" title={error} style={{ marginBottom: 12 }} />}
      {'problems' in parsed ? (
        <Alert type="warning" role="alert" title={t('templates.invalid')} description={parsed.problems.map((p) => <div key={p}>{p}</div>)} />
      ) : (
        <Preview template={parsed.template} />
      )}
    </Modal>
  );
}

function RetireDialog({ target, onClose, onRetired }: { target: PublishedTemplate | null; onClose: () => void; onRetired: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string>();
  const retire = async () => {
    const { reason } = await form.validateFields();
    api('POST', `/templates/${encodeURIComponent(target!.id)}/retire`, { reason }).then(
      () => {
        void message.success(t('templates.retiredDone', { id: target!.id }));
        onRetired();
      },
      (err: unknown) => setError(errorText(t, err)),
    );
  };
  return (
    <Modal
      open={target !== null}
      title={target && t('templates.retireTitle', { name: target.name })}
      onCancel={onClose}
      okText={t('templates.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => void retire().catch(() => undefined)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('templates.reason')} rules={[{ required: true, whitespace: true, message: t('templates.reasonRequired') }]}>
          <Input.TextArea maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" role="alert" title={error} />}
    </Modal>
  );
}

/** What a first version starts from where the roster has published none: the desk's built-in template. */
const builtIn: PublishedTemplate = {
  id: residentTemplate.id,
  name: residentTemplate.name,
  version: residentTemplate.version,
  periodKind: residentTemplate.periodKind,
  indicators: residentTemplate.indicators.length,
  retired: false,
  at: residentTemplate.updatedAt,
  template: residentTemplate,
};

/** The templates the roster has published, and for a national officer, publishing a new version and retiring one. */
export function TemplatesPage({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<PublishedTemplate[]>();
  const [error, setError] = useState<string>();
  const [base, setBase] = useState<PublishedTemplate | null>(null);
  const [retiring, setRetiring] = useState<PublishedTemplate | null>(null);
  const decides = account.role === 'officer' && account.scope === 'nation';
  const load = useCallback(() => {
    api<{ templates: PublishedTemplate[] }>('GET', '/templates').then((a) => setTemplates(a.templates), (err: unknown) => setError(errorText(t, err)));
  }, [t]);
  useEffect(load, [load]);
  return (
    <Card
      title={t('templates.title')}
      role="region"
      aria-label={t('templates.title')}
      extra={
        decides &&
        templates?.length === 0 && (
          <Button type="primary" onClick={() => setBase(builtIn)}>
            {t('templates.publish')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('templates.intro')}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" title={error} />}
      <Table<PublishedTemplate>
        rowKey="id"
        loading={!templates && !error}
        dataSource={templates}
        pagination={false}
        locale={{ emptyText: t('templates.empty') }}
        expandable={{ expandedRowRender: (r) => <Descriptions size="small" column={1} items={[{ key: 'json', label: t('templates.definition'), children: <pre style={{ margin: 0, maxHeight: 240, overflow: 'auto' }}>{JSON.stringify(r.template, null, 2)}</pre> }]} /> }}
        columns={[
          { title: t('templates.name'), dataIndex: 'name' },
          { title: t('templates.id'), dataIndex: 'id' },
          { title: t('templates.version'), dataIndex: 'version' },
          { title: t('templates.periodKind'), dataIndex: 'periodKind', render: (k: string) => t(`templates.periodKinds.${k}`) },
          { title: t('templates.indicators'), dataIndex: 'indicators' },
          { title: t('templates.state'), dataIndex: 'retired', render: (retired: boolean) => (retired ? <Tag>{t('templates.retired')}</Tag> : <Tag color="green">{t('templates.inUse')}</Tag>) },
          { title: t('templates.at'), dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
          ...(decides
            ? [
                {
                  title: t('templates.actions'),
                  key: 'actions',
                  render: (_: unknown, r: PublishedTemplate) => (
                    <Space>
                      <Button size="small" aria-label={t('templates.publishFrom', { name: r.name })} onClick={() => setBase(r)}>
                        {t('templates.publish')}
                      </Button>
                      {!r.retired && (
                        <Button size="small" danger aria-label={t('templates.retire', { name: r.name })} onClick={() => setRetiring(r)}>
                          {t('templates.retireButton')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PublishDialog
        base={base}
        onClose={() => setBase(null)}
        onPublished={() => {
          setBase(null);
          load();
        }}
      />
      <RetireDialog
        target={retiring}
        onClose={() => setRetiring(null)}
        onRetired={() => {
          setRetiring(null);
          load();
        }}
      />
    </Card>
  );
}
