import { App, Button, Divider, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultRuleSet, type Carrier, type RuleSet } from '@core/records';
import { saveErrorText } from '../../shell/forms';
import { saveRules } from '../../store/carrier';
import { db } from '../../store/db';

type Path = [keyof RuleSet] | ['thresholds', keyof RuleSet['thresholds']] | ['graduation', keyof RuleSet['graduation']];
interface Field {
  path: Path;
  /** Kept as a fraction, edited as a percentage. */
  percent?: boolean;
  max?: number;
}

const sections: { title?: string; fields: Field[] }[] = [
  {
    fields: [
      { path: ['freeSpaceShare'], percent: true },
      { path: ['incubationMonths'], max: 120 },
      { path: ['minSessionsPerMentorYear'] },
      { path: ['maxResidentsPerMentor'] },
      { path: ['quietDays'] },
      { path: ['graduationMinJobs'] },
      { path: ['backupsKept'], max: 100 },
    ],
  },
  {
    title: 'rules.graduation.title',
    fields: [{ path: ['graduation', 'equityFinancingTotal'] }, { path: ['graduation', 'yearRevenue'] }, { path: ['graduation', 'employmentMonths'], max: 120 }],
  },
  {
    title: 'rules.thresholds.title',
    fields: [
      { path: ['thresholds', 'occupancy'], percent: true },
      { path: ['thresholds', 'residents'] },
      { path: ['thresholds', 'jobs'] },
      { path: ['thresholds', 'successRate'], percent: true },
      { path: ['thresholds', 'onTimeExitRate'], percent: true },
      { path: ['thresholds', 'sessionsPerMentorYear'] },
      { path: ['thresholds', 'residentsPerMentor'] },
    ],
  },
];
const allFields = sections.flatMap((s) => s.fields);

function get(o: object, path: Path): number {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as number;
}
function convert(rules: RuleSet, scale: number): RuleSet {
  const out = structuredClone(rules);
  for (const f of allFields.filter((x) => x.percent)) {
    const parent = (f.path.length === 1 ? out : out[f.path[0] as 'thresholds']) as Record<string, number>;
    const key = f.path.at(-1)!;
    parent[key] = Math.round(parent[key]! * scale * 1000) / 1000;
  }
  return out;
}

export function RulesForm({ carrier }: { carrier: Carrier }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleSet>();
  // Carriers saved before thresholds existed read the defaults.
  const rules = { ...defaultRuleSet, ...carrier.rules };

  const submit = async (values: RuleSet) => {
    try {
      await saveRules(db, convert({ ...rules, ...values, thresholds: { ...rules.thresholds, ...values.thresholds }, graduation: { ...rules.graduation, ...values.graduation } }, 1 / 100));
      message.success(t('common.saved'));
    } catch (error) {
      message.error(saveErrorText(error, t));
    }
  };

  return (
    <Form form={form} layout="horizontal" labelCol={{ span: 14 }} initialValues={convert(rules, 100)} onFinish={submit} style={{ maxWidth: 680 }}>
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      {sections.map((section, i) => (
        <div key={i}>
          {section.title && <Divider titlePlacement="start">{t(section.title)}</Divider>}
          {section.fields.map((f) => (
            <Form.Item key={f.path.join('.')} name={f.path} label={t(`rules.${f.path.join('.')}`)} rules={[{ required: true, message: t('v.required') }]}>
              <InputNumber min={0} max={f.percent ? 100 : f.max} precision={f.percent || get(rules, f.path) % 1 !== 0 ? 1 : 0} addonAfter={f.percent ? '%' : undefined} />
            </Form.Item>
          ))}
        </div>
      ))}
      <Button htmlType="submit">{t('common.save')}</Button>
    </Form>
  );
}
