import { Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { DateRange } from '@core/kpis/carrierNumbers';
import { selfAssessment } from '@core/official/selfAssessment';
import type { Carrier } from '@core/records';
import i18n from '../../i18n';
import { PrintFrame } from '../../shell/PrintFrame';
import { navigate } from '../../shell/route';
import { loadCarrierTotals } from '../../store/carrierNumbers';
import { db } from '../../store/db';
import { formatFigure, formatValue } from '../../shell/figures';

/** The carrier's self-assessment for a range on A4, signed and sealed on paper, so always in Chinese. */
export function SelfAssessmentView({ carrier, range }: { carrier: Carrier; range: DateRange }) {
  const { t } = useTranslation();
  const numbers = useLiveQuery(() => loadCarrierTotals(db, carrier, range), [carrier, range]);
  const zh = i18n.getFixedT('zh-CN');
  const title = zh('official.assessment.title', { carrier: carrier.name });
  const assessment = numbers && selfAssessment(numbers);
  return (
    <PrintFrame label={t('official.assessment.label')} fileName={`${title}-${range.from}-${range.to}`} ready={!!assessment} onBack={() => navigate('dashboard', 'official')}>
      {!assessment ? (
        <Spin />
      ) : (
        <section className="print-page">
          <h1>{title}</h1>
          <div className="subtitle">
            {zh('official.assessment.carrier', { name: carrier.name })}　{zh('official.assessment.period', { from: range.from, to: range.to })}
          </div>
          <table>
            <thead>
              <tr>
                <th>{zh('official.assessment.figure')}</th>
                <th className="num">{zh('official.assessment.value')}</th>
                <th className="num">{zh('official.assessment.basis')}</th>
                <th className="num">{zh('official.assessment.standard')}</th>
                <th className="num">{zh('official.assessment.result')}</th>
              </tr>
            </thead>
            <tbody>
              {assessment.lines.map(({ key, figure, comparison }) => (
                <tr key={key}>
                  <td>{zh(`exits.numbers.figure.${key}`)}</td>
                  <td className="num">{formatFigure(key, figure)}</td>
                  <td className="num">{figure.of ? `${figure.of.numerator} / ${figure.of.denominator}` : zh('official.assessment.none')}</td>
                  <td className="num">{comparison ? zh(`official.assessment.${comparison}`, { value: formatValue(key, figure.threshold!) }) : zh('official.assessment.none')}</td>
                  <td className="num">{comparison ? zh(figure.meets ? 'official.assessment.met' : 'official.assessment.notMet') : zh('official.assessment.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{zh('official.assessment.summary', { assessed: assessment.assessed, met: assessment.met })}</p>
          <div className="signatures">
            <div>{zh('official.assessment.preparer')}</div>
            <div>{zh('official.assessment.head')}</div>
          </div>
          <div className="seal">
            <p>{carrier.name}</p>
            <p>{zh('official.assessment.seal')}</p>
            <p>{zh('official.assessment.date')}</p>
          </div>
        </section>
      )}
    </PrintFrame>
  );
}
