import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from './route';

/** What a page that a later release fills will hold: said plainly, nothing fake. */
export function ComingPage({ page }: { page: Exclude<Page, 'settings'> }) {
  const { t } = useTranslation();
  return (
    <Empty
      style={{ marginTop: 80 }}
      description={
        <>
          <Typography.Title level={4}>{t('empty.comingTitle')}</Typography.Title>
          <Typography.Paragraph>{t(`empty.${page}`)}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('empty.demoHint')}</Typography.Text>
        </>
      }
    />
  );
}
