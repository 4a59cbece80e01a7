import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A date field whose value is the ISO date string the records keep (YYYY-MM-DD), not a dayjs object. */
export function DateInput({ value, onChange, id, ...rest }: { value?: string; onChange?: (v: string | undefined) => void; id?: string; 'aria-label'?: string }) {
  return (
    <DatePicker
      id={id}
      {...rest}
      value={value ? dayjs(value) : null}
      format="YYYY-MM-DD"
      style={{ width: '100%' }}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
