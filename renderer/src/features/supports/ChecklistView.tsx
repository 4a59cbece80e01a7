import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { supportIds, type SupportId, type SupportRules } from '@core/supports';
import i18n from '../../i18n';
import { PrintFrame } from '../../shell/PrintFrame';
import { navigate } from '../../shell/route';
import { amountText, supportOf, today, useStartupStandings, whyText } from './supportsData';

/** An A4 application checklist for one applicant and support: the conditions with their figures, the documents. */
export function ChecklistView({ carrier, rules, startupId, support: supportParam, founderId }: { carrier: Carrier; rules: SupportRules; startupId: string; support: string; founderId?: string }) {
  const { t } = useTranslation();
  const data = useStartupStandings(startupId, rules);
  // Handed in to the 人社 office with the application, so in Chinese whatever language the desk shows.
  const zh = i18n.getFixedT('zh-CN');
  const support = (supportIds as readonly string[]).includes(supportParam) ? supportOf(rules, supportParam as SupportId) : undefined;
  const row = data?.rows.find((r) => r.support === support?.id && (r.founderId ?? '') === (founderId ?? ''));
  const claim = row?.claimId ? data?.claims.find((c) => c.id === row.claimId) : undefined;
  const title = zh('supports.print.title');
  const line = (label: string, value: string) => (
    <tr>
      <th style={{ width: '28%', textAlign: 'left' }}>{label}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <PrintFrame label={t('supports.print.title')} fileName={`${title}-${row?.applicantName ?? ''}`} ready={!!row} onBack={() => navigate('supports')}>
      {!row || !support || !data ? (
        <Spin />
      ) : (
        <section className="print-page">
          <h1>{title}</h1>
          <table>
            <tbody>
              {line(zh('supports.print.support'), zh(`supports.name.${support.id}`))}
              {line(zh('supports.print.clause'), `人社部发〔2025〕5号 ${support.clause}`)}
              {line(zh('supports.print.startup'), data.startup.name)}
              {line(zh('supports.print.applicant'), row.applicantName)}
              {line(zh('supports.print.amount'), claim ? `${claim.amountAsked.toLocaleString()} 元` : amountText(support, zh, row.amount))}
            </tbody>
          </table>
          <h2>{zh('supports.print.conditions')}</h2>
          <table>
            <tbody>
              {row.checks.map((c) => (
                <tr key={c.kind}>
                  <td style={{ width: '14%' }}>{zh(c.met ? 'supports.print.met' : 'supports.print.unmet')}</td>
                  <td>{whyText(c, zh)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{zh('supports.print.documents')}</h2>
          <table>
            <tbody>
              {support.documents.map((d) => (
                <tr key={d}>
                  <td style={{ width: '14%' }}>{claim?.documents.includes(d) ? `☑ ${zh('supports.print.inHand')}` : `☐ ${zh('supports.print.missing')}`}</td>
                  <td>{zh(`supports.doc.${d}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="signatures">
            <div>{zh('supports.print.signature')}</div>
            <div>{zh('supports.print.printedOn', { on: today() })}</div>
          </div>
          <div className="seal">
            <p>{carrier.name}</p>
          </div>
        </section>
      )}
    </PrintFrame>
  );
}
