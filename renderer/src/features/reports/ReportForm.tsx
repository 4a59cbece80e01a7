import { Alert, App, Checkbox, Col, Form, InputNumber, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isMoney, type ReportFigure } from '@core/reports';
import type { Startup } from '@core/records';
import { markIssues, saveErrorText } from '../../shell/forms';
import { db } from '../../store/db';
import { saveReport } from '../../store/reports';
import { usePeriodLabel } from './PeriodSelect';
import { inputOf, issuesOf, type RowValues } from './rows';

const GROUPS: Record<'people' | 'business' | 'innovation' | 'money', ReportFigure[]> = {
  people: ['employees', 'keyGroupHires', 'newGraduateHires', 'insuredEmployees'],
  business: ['revenue', 'netProfit', 'taxPaid', 'rdSpend'],
  innovation: ['ipApplied', 'inventionPatentsGranted', 'otherIpGranted'],
  money: ['financing', 'guaranteeLoans', 'equityFinancing', 'subsidies'],
};

/** One startup's report for one period, every field, with the balance checks spelled out as they fail. */
export function ReportForm({ startup, period, values, onClose }: { startup: Startup; period: string; values: RowValues; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RowValues>();
  const periodLabel = usePeriodLabel();
  const watched = (Form.useWatch([], form) as RowValues | undefined) ?? values;
  const balance = issuesOf(inputOf(startup.id, period, watched)).filter((i) => i.message.startsWith('v.ofWhich'));

  const submit = async (v: RowValues) => {
    try {
      await saveReport(db, inputOf(startup.id, period, v));
      message.success(t('common.saved'));
      onClose(true);
    } catch (error) {
      if (markIssues(form, error, t)) message.error(t('common.fixFields'));
      else message.error(saveErrorText(error, t));
    }
  };

  return (
    <Modal open width={820} title={t('reports.formTitle', { startup: startup.name, period: periodLabel(period) })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={values} onFinish={(v) => void submit(v)}>
        {Object.entries(GROUPS).map(([group, fields]) => (
          <div key={group}>
            <Typography.Title level={5}>{t(`reports.groups.${group}`)}</Typography.Title>
            <Row gutter={12}>
              {fields.map((field) => (
                <Col span={6} key={field}>
                  <Form.Item name={field} label={t(`reports.fields.${field}`)}>
                    <InputNumber style={{ width: '100%' }} min={field === 'netProfit' ? undefined : 0} precision={isMoney(field) ? 2 : 0} suffix={isMoney(field) ? t('reports.unitYuan') : undefined} />
                  </Form.Item>
                </Col>
              ))}
              {group === 'innovation' && (
                <Col span={6}>
                  <Form.Item name="highTech" valuePropName="checked" label=" ">
                    <Checkbox>{t('reports.fields.highTech')}</Checkbox>
                  </Form.Item>
                </Col>
              )}
            </Row>
          </div>
        ))}
        {balance.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('reports.balanceTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {balance.map((i) => (
                  <li key={i.message}>{t(i.message)}</li>
                ))}
              </ul>
            }
          />
        )}
      </Form>
    </Modal>
  );
}
