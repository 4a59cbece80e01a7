import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRestore } from './useRestore';

/** Picks a backup file (an upload in the browser, the file dialog in Electron) and restores it. */
export function RestoreButton({ label }: { label?: string }) {
  const { t } = useTranslation();
  const restore = useRestore();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      // Compressed backups (.json.gz), and plain ones made before backups were compressed.
      accept=".gz,.json,application/gzip,application/json"
      showUploadList={false}
      beforeUpload={(file) => {
        setBusy(true);
        void restore(file).finally(() => setBusy(false));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy}>
        {label ?? t('backup.restoreFile')}
      </Button>
    </Upload>
  );
}
