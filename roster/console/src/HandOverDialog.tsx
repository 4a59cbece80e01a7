import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * What an officer hands to a carrier's manager, shown once (the roster keeps only its hash): the carrier's
 * token, or a join code with which one more desk of the carrier joins.
 */
export type HandOver = { kind: 'token'; code: string; secret: string } | { kind: 'joinCode'; code: string; secret: string; expiresAt: string };

export function HandOverDialog({ handOver, onClose }: { handOver: HandOver | null; onClose: () => void }) {
  const { t } = useTranslation();
  const words = handOver?.kind ?? 'token';
  return (
    <Modal
      open={handOver !== null}
      title={t(`${words}.title`)}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t(`${words}.done`)}
        </Button>
      }
      destroyOnHidden
    >
      {handOver && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t(`${words}.intro`, { code: handOver.code, expiresAt: handOver.kind === 'joinCode' ? new Date(handOver.expiresAt).toLocaleString() : '' })}
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph code copyable={{ tooltips: [t(`${words}.copy`), t(`${words}.copy`)] }} aria-label={t(`${words}.title`)}>
            {handOver.secret}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
