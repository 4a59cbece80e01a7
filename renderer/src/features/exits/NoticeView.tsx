import { Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import i18n from '../../i18n';
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
  // A notice is signed and sealed on paper, in Chinese, whatever language the desk shows.
  const zh = i18n.getFixedT('zh-CN');
  const title = zh('exits.notice.title', { carrier: carrier.name });
  return (
    <PrintFrame label={t('exits.notice.label')} fileName={`${title}-${data?.startup.name ?? ''}`} ready={!!data} onBack={() => navigate('exits', 'decisions')}>
      {!data ? (
        <Spin />
      ) : (
        <section className="print-page">
          <h1>{title}</h1>
          <p>{zh('exits.notice.to', { name: data.startup.name })}</p>
          {data.startup.creditCode && <p>{zh('exits.notice.creditCode', { code: data.startup.creditCode })}</p>}
          <p>{zh('exits.notice.body', { kind: zh(`enums.exitKind.${data.exit.kind}`), date: data.exit.effectiveOn ?? data.exit.decidedOn ?? '' })}</p>
          <p>
            {zh('exits.notice.reasons')}
            {data.exit.reasons.map((r) => zh(`exits.reason.${r}`)).join('、') || '—'}
            {data.exit.note ? `。${data.exit.note}` : ''}
          </p>
          <p>
            {zh('exits.notice.evidence')}
            {[
              ...data.evaluations.flatMap((e) => (e ? [zh('startups.event.evaluation', { period: e.period, total: e.total })] : [])),
              ...data.reports.flatMap((r) => (r ? [zh('startups.event.report', { period: r.period })] : [])),
            ].join('；') || '—'}
          </p>
          <div className="signatures">
            <div>{zh('exits.notice.signature')}</div>
            <div>{zh('exits.notice.approver')}</div>
          </div>
          <div className="seal">
            <p>{carrier.name}</p>
            <p>{zh('exits.notice.seal')}</p>
            <p>{zh('exits.notice.date', { date: data.exit.decidedOn ?? '' })}</p>
          </div>
        </section>
      )}
    </PrintFrame>
  );
}
