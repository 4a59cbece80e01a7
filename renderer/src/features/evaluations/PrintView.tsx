import { Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import i18n from '../../i18n';
import { PrintFrame } from '../../shell/PrintFrame';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';
import { evidenceText, valueText } from './format';
import { loadEvaluation, loadRound, loadSheets, type RoundData, type SheetRow } from './roundData';

/** Evaluation sheets are signed on paper, in Chinese, whatever language the desk shows. */
const zh = () => i18n.getFixedT('zh-CN');
const periodText = (period: string) => zh()('reports.periodOption', { year: period.slice(0, 4), q: period.slice(5) });

function Summary({ carrier, period, data }: { carrier: Carrier; period: string; data: RoundData }) {
  const t = zh();
  return (
    <section className="print-page landscape">
      <h1>{t('evaluations.print.summaryTitle', { carrier: carrier.name, period: periodText(period) })}</h1>
      <div className="subtitle">{t('evaluations.print.count', { count: data.rows.length })}</div>
      <table>
        <thead>
          <tr>
            <th className="num">{t('evaluations.rank')}</th>
            <th>{t('evaluations.startup')}</th>
            {data.indicators.map((i) => (
              <th className="num" key={i.key}>
                {i.label}
                <br />（{i.max}）
              </th>
            ))}
            <th className="num">{t('evaluations.total')}</th>
            <th className="num">{t('evaluations.grade')}</th>
            <th className="num">{t('evaluations.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map(({ evaluation: e, startup, points, rank }) => (
            <tr key={e.id}>
              <td className="num">{rank}</td>
              <td>{startup?.name}</td>
              {data.indicators.map((i, k) => (
                <td className="num" key={i.key}>
                  {points[k] ?? ''}
                </td>
              ))}
              <td className="num">{e.total}</td>
              <td className="num">{t(`evaluations.grades.${e.grade}`)}</td>
              <td className="num">{t(`evaluations.statuses.${e.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="signatures">
        <div>{t('evaluations.print.evaluatorSign')}</div>
        <div>{t('evaluations.print.reviewerSign')}</div>
      </div>
      <div className="seal">
        {t('evaluations.print.carrierSeal')}
        <br />
        {t('evaluations.print.date')}
      </div>
    </section>
  );
}

function Sheet({ carrier, row }: { carrier: Carrier; row: SheetRow }) {
  const t = zh();
  const { evaluation: e, startup, template } = row;
  return (
    <section className="print-page">
      {e.status === 'draft' && <div className="draft-mark">{t('evaluations.print.draftMark')}</div>}
      <h1>{t('evaluations.print.title', { carrier: carrier.name })}</h1>
      <table style={{ marginBottom: '4mm' }}>
        <tbody>
          <tr>
            <th>{t('evaluations.print.startup')}</th>
            <td>{startup?.name}</td>
            <th>{t('evaluations.print.creditCode')}</th>
            <td>{startup?.creditCode ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('evaluations.print.period')}</th>
            <td>{periodText(e.period)}</td>
            <th>{t('evaluations.print.template')}</th>
            <td>{t('evaluations.templateVersion', { name: template.name, version: template.version })}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th className="num">{t('evaluations.print.no')}</th>
            <th>{t('evaluations.detail.indicator')}</th>
            <th className="num">{t('evaluations.detail.max')}</th>
            <th className="num">{t('evaluations.detail.value')}</th>
            <th className="num">{t('evaluations.detail.points')}</th>
            <th>{t('evaluations.detail.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {template.indicators.map((indicator, n) => {
            const item = e.items.find((x) => x.key === indicator.key);
            return (
              <tr key={indicator.key}>
                <td className="num">{n + 1}</td>
                <td>{indicator.label}</td>
                <td className="num">{indicator.max}</td>
                <td className="num">{valueText('zh-CN', indicator, item?.value ?? null)}</td>
                <td className="num">{item?.points ?? ''}</td>
                <td className="evidence">{[item && evidenceText(t, 'zh-CN', item.evidence), item?.comment].filter(Boolean).join('；')}</td>
              </tr>
            );
          })}
          <tr>
            <th colSpan={4}>{t('evaluations.print.subtotal')}</th>
            <td className="num">
              <b>{e.total}</b>
            </td>
            <td>
              {t('evaluations.grade')}：<b>{t(`evaluations.grades.${e.grade}`)}</b>
            </td>
          </tr>
          <tr>
            <th colSpan={2}>{t('evaluations.print.overall')}</th>
            <td colSpan={4} style={{ height: '16mm' }}>
              {e.comment}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="signatures">
        <div>{t('evaluations.print.evaluatorSign')}</div>
        <div>{t('evaluations.print.reviewerSign')}</div>
        <div>{t('evaluations.print.startupSign')}</div>
        <div>{t('evaluations.print.date')}</div>
      </div>
      <div className="seal">
        {t('evaluations.print.carrierSeal')}
        <br />
        {t('evaluations.print.date')}
      </div>
    </section>
  );
}

/** The round summary and a sheet per startup (or one evaluation's sheet), A4, ready for printToPdf. */
export function PrintView({ carrier, period, evaluationId }: { carrier: Carrier; period: string; evaluationId?: string }) {
  const { t } = useTranslation();
  const data = useLiveQuery(async (): Promise<{ summary?: RoundData; rows: SheetRow[] }> => {
    if (!evaluationId) {
      const summary = await loadRound(db, period);
      return { summary, rows: await loadSheets(db, summary.rows) };
    }
    const one = await loadEvaluation(db, evaluationId);
    return { rows: one ? [one] : [] };
  }, [period, evaluationId]);
  const name = t('evaluations.print.summaryTitle', { carrier: carrier.name, period });

  return (
    <PrintFrame label={t('evaluations.printRound')} fileName={name} ready={!!data} onBack={() => (evaluationId ? navigate('evaluations', 'e', evaluationId) : navigate('evaluations'))}>
      {!data ? (
        <Spin />
      ) : (
        <>
          {data.summary && <Summary carrier={carrier} period={period} data={data.summary} />}
          {data.rows.map((row) => (
            <Sheet key={row.evaluation.id} carrier={carrier} row={row} />
          ))}
        </>
      )}
    </PrintFrame>
  );
}
