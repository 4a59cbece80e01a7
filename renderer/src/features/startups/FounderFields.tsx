import { Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { educations, founderSchema, keyGroups } from '@core/records';
import { idNumberFacts } from '@core/validators/idNumber';
import { DateInput } from '../../shell/DateInput';
import { zodRule } from '../../shell/forms';
import { useLock } from '../lock/useLock';

/** One founder's fields inside the startup form's list; `index` is its place in that list. */
export function FounderFields({ index }: { index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const idNumber = Form.useWatch(['founders', index, 'idNumber'], form) as string | undefined;
  const facts = idNumber ? idNumberFacts(idNumber) : null;
  const shape = founderSchema.shape;
  const f = (key: string) => t(`startups.form.${key}`);
  // While the desk lock is set the number is typed and kept, but not shown on screen.
  const IdInput = useLock().settings ? Input.Password : Input;
  return (
    <Row gutter={16}>
      <Form.Item name={[index, 'id']} hidden>
        <Input />
      </Form.Item>
      <Col span={6}>
        <Form.Item name={[index, 'name']} label={f('founderName')} rules={[{ required: true, message: t('v.required') }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item
          name={[index, 'idNumber']}
          label={f('idNumber')}
          rules={[{ required: true, message: t('v.required') }, zodRule(shape.idNumber, t)]}
          extra={facts && <Typography.Text type="secondary">{t('startups.form.derived', { birthDate: facts.birthDate, gender: t(`enums.gender.${facts.gender}`) })}</Typography.Text>}
        >
          <IdInput autoComplete="off" maxLength={20} visibilityToggle={false} />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item name={[index, 'phone']} label={f('phone')} rules={[zodRule(shape.phone, t)]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={[index, 'education']} label={f('education')}>
          <Select aria-label={f('education')} allowClear options={educations.map((e) => ({ value: e, label: t(`enums.education.${e}`) }))} />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item name={[index, 'school']} label={f('school')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item name={[index, 'graduatedOn']} label={f('graduatedOn')}>
          <DateInput aria-label={f('graduatedOn')} />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item name={[index, 'keyGroups']} label={f('keyGroups')}>
          <Select aria-label={f('keyGroups')} mode="multiple" allowClear options={keyGroups.map((g) => ({ value: g, label: t(`enums.keyGroup.${g}`) }))} />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[index, 'firstTime']} valuePropName="checked" label=" " colon={false}>
          <Checkbox>{f('firstTime')}</Checkbox>
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[index, 'trainingCertified']} valuePropName="checked" label=" " colon={false}>
          <Checkbox>{f('trainingCertified')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
