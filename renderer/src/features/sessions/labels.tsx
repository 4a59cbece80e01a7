import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Session } from '@core/records';

const colors: Record<Session['status'], string> = { scheduled: 'blue', held: 'green', cancelled: 'default', noShow: 'orange' };

export function StatusTag({ status }: { status: Session['status'] }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`sessions.statuses.${status}`)}</Tag>;
}

export const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Column cells that must not wrap (dates, phone numbers, short codes). */
export const nowrap = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
