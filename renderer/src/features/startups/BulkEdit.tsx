import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, InputNumber, Modal, Progress, Radio, Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fields, keyGroups, stages } from '@core/records';
import { DateInput } from '../../shell/DateInput';
import { saveErrorText } from '../../shell/forms';
import { BulkEditError, bulkEdit, undoBulkEdit, type BulkProgress, type BulkResult, type BulkValues } from '../../store/bulkEdit';
import { db } from '../../store/db';
import { countMatches, matchingIds, type StartupQuery } from '../../store/startups';
import { industryOptions } from './industryOptions';
import { useListVersion } from './useStartupRows';

type Scope = 'selected' | 'all';
type LastEdit = { result: BulkResult; undone: boolean };

/** The last bulk edit of this window, kept while the manager opens the files it changed and comes back to undo it. */
let remembered: LastEdit | undefined;

/**
 * Bulk edit of the list: the rows selected, or every startup the current filter lists, set to the
 * same values in one action; afterwards the result stays on the page with the edit's undo.
 */
export function BulkEdit({ query, selected, onDone }: { query: StartupQuery; selected: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<Scope>('selected');
  const [form] = Form.useForm<BulkValues>();
  const [progress, setProgress] = useState<BulkProgress & { undoing?: boolean }>();
  const [last, setLastState] = useState(remembered);
  const setLast = (edit: LastEdit | undefined) => {
    remembered = edit;
    setLastState(edit);
  };
  const b = (key: string, values?: Record<string, unknown>) => t(`startups.bulk.${key}`, values);
  const label = (key: string) => t(`startups.form.${key}`);
  const chosen = selected.length > 0 ? scope : 'all';
  const version = useListVersion();
  const listed = useLiveQuery(async () => (open ? countMatches(db, query) : undefined), [open, query, version]);

  const run = async () => {
    const values = Object.fromEntries(Object.entries(form.getFieldsValue()).filter(([, v]) => v !== undefined && v !== null)) as BulkValues;
    if (Object.keys(values).length === 0) {
      message.warning(b('nothing'));
      return;
    }
    setProgress({ done: 0, total: chosen === 'selected' ? selected.length : (listed ?? 0) });
    try {
      const ids = chosen === 'selected' ? selected : await matchingIds(db, query);
      const result = await bulkEdit(db, ids, values, setProgress);
      setLast({ result, undone: false });
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (error) {
      message.error(error instanceof BulkEditError ? b('invalid', { name: error.startupName, problem: t(error.problem) }) : saveErrorText(error, t));
    } finally {
      setProgress(undefined);
    }
  };

  const undo = async () => {
    if (!last) return;
    setProgress({ done: 0, total: last.result.undo.length, undoing: true });
    try {
      const result = await undoBulkEdit(db, last.result.undo, (p) => setProgress({ ...p, undoing: true }));
      setLast({ result, undone: true });
    } catch (error) {
      message.error(saveErrorText(error, t));
    } finally {
      setProgress(undefined);
    }
  };

  const percent = (p: BulkProgress) => (p.total ? Math.round((p.done / p.total) * 100) : 0);

  return (
    <>
      <Space size="small">
        <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>
          {b('open')}
        </Button>
        {selected.length > 0 && <Typography.Text>{b('selected', { count: selected.length })}</Typography.Text>}
      </Space>
      {last && !open && (
        <Alert
          role="status"
          type="success"
          showIcon
          closable
          onClose={() => setLast(undefined)}
          title={last.undone ? b('undone', { changed: last.result.changed }) : b('done', { changed: last.result.changed, unchanged: last.result.unchanged })}
          description={progress?.undoing ? <Progress percent={percent(progress)} format={() => b('undoing', { done: progress.done, total: progress.total })} /> : undefined}
          action={
            !last.undone && last.result.changed > 0 ? (
              <Button size="small" loading={!!progress?.undoing} onClick={() => void undo()}>
                {b('undo')}
              </Button>
            ) : undefined
          }
        />
      )}
      <Modal
        open={open}
        title={b('title')}
        okText={b('apply')}
        cancelText={t('common.cancel')}
        onOk={() => void run()}
        okButtonProps={{ loading: !!progress }}
        cancelButtonProps={{ disabled: !!progress }}
        closable={!progress}
        maskClosable={false}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{b('intro')}</Typography.Paragraph>
          <Radio.Group aria-label={b('scope')} value={chosen} onChange={(e) => setScope(e.target.value as Scope)}>
            <Radio value="selected" disabled={selected.length === 0}>
              {b('scopeSelected', { count: selected.length })}
            </Radio>
            <Radio value="all" disabled={listed === undefined}>
              {b('scopeAll', { count: listed ?? 0 })}
            </Radio>
          </Radio.Group>
          <Form form={form} layout="vertical" disabled={!!progress}>
            <Form.Item name="industry" label={label('industry')}>
              <Select aria-label={label('industry')} allowClear showSearch optionFilterProp="label" options={industryOptions(t)} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="field" label={label('field')}>
                <Select aria-label={label('field')} allowClear style={{ width: 160 }} options={fields.map((x) => ({ value: x, label: t(`enums.field.${x}`) }))} />
              </Form.Item>
              <Form.Item name="stage" label={label('stage')}>
                <Select aria-label={label('stage')} allowClear style={{ width: 160 }} options={stages.map((x) => ({ value: x, label: t(`enums.stage.${x}`) }))} />
              </Form.Item>
              <Form.Item name="agreementEndsOn" label={label('agreementEndsOn')}>
                <DateInput aria-label={label('agreementEndsOn')} />
              </Form.Item>
              <Form.Item name="area" label={label('area')}>
                <InputNumber aria-label={label('area')} min={0} style={{ width: 160 }} />
              </Form.Item>
            </Space>
            <Form.Item name="keyGroup" label={b('keyGroup')} extra={b('keyGroupHint')}>
              <Select aria-label={b('keyGroup')} allowClear options={keyGroups.map((g) => ({ value: g, label: t(`enums.keyGroup.${g}`) }))} />
            </Form.Item>
          </Form>
          {progress && !progress.undoing && <Progress percent={percent(progress)} format={() => b('progress', { done: progress.done, total: progress.total })} />}
        </Space>
      </Modal>
    </>
  );
}
