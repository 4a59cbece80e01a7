import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A carrier's bearer token, shown once: the roster keeps only its hash. */
export function TokenDialog({ issued, onClose }: { issued: { code: string; token: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={issued !== null}
      title={t('token.title')}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('token.done')}
        </Button>
      }
      destroyOnHidden
    >
      {issued && (
        <>
          <Alert type="warning" showIcon title={t('token.intro', { code: issued.code })} style={{ marginBottom: 16 }} />
          <Typography.Paragraph code copyable={{ tooltips: [t('token.copy'), t('token.copy')] }} aria-label={t('token.title')}>
            {issued.token}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
