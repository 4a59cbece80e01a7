import { Card } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSupportRules } from '@core/supports';
import { getCarrier } from '../../store/carrier';
import { db } from '../../store/db';
import { ClaimDialog } from './ClaimDialog';
import { StandingsTable } from './StandingsTable';
import { useStartupStandings, useSupportRules, type EligibleRow } from './supportsData';

/** On a startup's file: its supports and its founders' (qualifies / soon and why / claimed). */
export function StartupSupports({ startupId }: { startupId: string }) {
  const { t } = useTranslation();
  // The file is shown without the carrier at hand; its rule set is read here (the desk always has a carrier by now).
  const rules = useSupportRules(useLiveQuery(() => getCarrier(db), []))?.rules ?? defaultSupportRules;
  const data = useStartupStandings(startupId, rules);
  const [recording, setRecording] = useState<EligibleRow>();
  // Those that do not qualify and are not near are left to the incubator's list.
  const rows = data?.rows.filter((r) => r.status !== 'not');
  return (
    <Card title={t('supports.file.title')} role="region" aria-label={t('supports.file.title')}>
      <StandingsTable rows={rows} rules={rules} showStartup={false} loading={!data} onRecord={setRecording} />
      {recording && data && (
        <ClaimDialog startupId={startupId} startupName={data.startup.name} rules={rules} support={recording.support} founderId={recording.founderId} onClose={() => setRecording(undefined)} />
      )}
    </Card>
  );
}
