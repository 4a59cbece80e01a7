import { CopyOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Template } from '@core/records';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';
import { allTemplates, copyTemplate, latestVersions, templateInUse } from '../../store/templates';

interface TemplateRow {
  template: Template;
  stored: boolean;
  inUse: boolean;
}

/** Templates as data: each family's current version, to copy or edit. */
export function TemplatesView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rows = useLiveQuery(async () => {
    const latest = latestVersions(await allTemplates(db));
    return Promise.all(latest.map(async (template): Promise<TemplateRow> => ({ template, stored: !!(await db.templates.get(template.id)), inUse: await templateInUse(db, template.id) })));
  });
  const copy = async (source: Template) => {
    const name = t('evaluations.templates.copyOf', { name: source.name });
    const saved = await copyTemplate(db, source, name);
    message.success(t('evaluations.templates.copied', { name }));
    navigate('evaluations', 'templates', saved.id);
  };
  return (
    <Table<TemplateRow>
      size="middle"
      rowKey={(r) => r.template.id}
      loading={!rows}
      dataSource={rows}
      pagination={false}
      columns={[
        {
          title: t('evaluations.templates.name'),
          key: 'name',
          render: (_, r) => (
            <Space>
              {r.template.name}
              {!r.stored && <Tag>{t('evaluations.templates.builtIn')}</Tag>}
              {r.inUse && <Tag color="blue">{t('evaluations.templates.inUse')}</Tag>}
              {r.template.retired && <Tag color="default">{t('evaluations.templates.retired')}</Tag>}
            </Space>
          ),
        },
        { title: t('evaluations.templates.version'), key: 'version', width: 80, render: (_, r) => r.template.version },
        { title: t('evaluations.templates.periodKind'), key: 'periodKind', width: 100, render: (_, r) => t(`evaluations.templates.periodKinds.${r.template.periodKind}`) },
        { title: t('evaluations.templates.indicators'), key: 'indicators', width: 90, render: (_, r) => r.template.indicators.length },
        { title: t('evaluations.templates.maxTotal'), key: 'max', width: 100, render: (_, r) => r.template.indicators.reduce((s, i) => s + i.max, 0) },
        {
          title: '',
          key: 'actions',
          width: 200,
          render: (_, r) => (
            <Space>
              <Button size="small" icon={<CopyOutlined />} aria-label={`${t('evaluations.templates.copy')} ${r.template.name}`} onClick={() => void copy(r.template)}>
                {t('evaluations.templates.copy')}
              </Button>
              <Button size="small" icon={<EditOutlined />} aria-label={`${t('evaluations.templates.edit')} ${r.template.name}`} onClick={() => navigate('evaluations', 'templates', r.template.id)}>
                {t('evaluations.templates.edit')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
