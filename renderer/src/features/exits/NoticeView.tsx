import { Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { PrintFrame } from '../../shell/PrintFrame';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';

/** The decision notice for an approved exit, on A4, with signature and seal lines. */
export function NoticeView({ carrier, exitId }: { carrier: Carrier; exitId: string }) {
  const { t } = useTranslation();
  const data = useLiveQuery(async () => {
    const exit = await db.exits.get(exitId);
    const startup = exit && (await db.startups.get(exit.startupId));
    const evaluations = exit ? await db.evaluations.bulkGet(exit.evidence.filter((e) => e.entity === 'evaluation').map((e) => e.id)) : [];
    const reports = exit ? await db.reports.bulkGet(exit.evidence.filter((e) => e.entity === 'report').map((e) => e.id)) : [];
    return exit && startup ? { exit, startup, evaluations, reports } : null;
  }, [exitId]);
  const title = t('exits.notice.title', { carrier: carrier.name });
  return (
    <PrintFrame label={t('exits.notice.label')} fileName={`${title}-${data?.startup.name ?? ''}`} ready={!!data} onBack={() => navigate('exits', 'decisions')}>
      {!data ? (
        <Spin />
      ) : (
        <section className="print-page">
          <h1>{title}</h1>
          <p>{t('exits.notice.to', { name: data.startup.name })}</p>
          {data.startup.creditCode && <p>{t('exits.notice.creditCode', { code: data.startup.creditCode })}</p>}
          <p>{t('exits.notice.body', { kind: t(`enums.exitKind.${data.exit.kind}`), date: data.exit.effectiveOn ?? data.exit.decidedOn ?? '' })}</p>
          <p>
            {t('exits.notice.reasons')}
            {data.exit.reasons.map((r) => t(`exits.reason.${r}`)).join('、') || '—'}
            {data.exit.note ? `。${data.exit.note}` : ''}
          </p>
          <p>
            {t('exits.notice.evidence')}
            {[
              ...data.evaluations.flatMap((e) => (e ? [t('startups.event.evaluation', { period: e.period, total: e.total })] : [])),
              ...data.reports.flatMap((r) => (r ? [t('startups.event.report', { period: r.period })] : [])),
            ].join('；') || '—'}
          </p>
          <div className="signatures">
            <div>{t('exits.notice.signature')}</div>
            <div>{t('exits.notice.approver')}</div>
          </div>
          <div className="seal">
            <p>{carrier.name}</p>
            <p>{t('exits.notice.seal')}</p>
            <p>{t('exits.notice.date', { date: data.exit.decidedOn ?? '' })}</p>
          </div>
        </section>
      )}
    </PrintFrame>
  );
}
