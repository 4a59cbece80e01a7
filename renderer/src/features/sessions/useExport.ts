import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveOutcome } from '@core/bridge';

/** Runs an export and says where the file went or why it failed; `busy` keeps the button from double firing. */
export function useExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<SaveOutcome>) => {
    setBusy(true);
    try {
      const outcome = await work();
      if (outcome.saved) message.success(t('sessions.exported', { where: outcome.where }));
    } catch (error) {
      message.error(t('sessions.exportFailed', { reason: String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
