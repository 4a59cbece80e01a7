import type { Claim, Founder, Startup } from '@core/records';
import { exportTable } from '../../files/exportTable';
import type { SheetSpec } from '../../files/writeTable';
import i18n from '../../i18n';
import { bridge } from '../../platform/bridge';
import { amountText, supportOf, whyText, type EligibleRow } from './supportsData';
import type { SupportRules } from '@core/supports';

// Files for the 人社 office, in Chinese whatever language the desk shows.
const zh = () => i18n.getFixedT('zh-CN');

export function eligibleSheet(rows: readonly EligibleRow[], rules: SupportRules): SheetSpec {
  const t = zh();
  const col = (k: string) => t(`supports.col.${k}`);
  return {
    name: t('supports.sheet.eligibleName'),
    columns: [{ header: col('startup') }, { header: col('applicant') }, { header: col('support') }, { header: col('clause') }, { header: col('status') }, { header: col('amount') }, { header: col('why'), width: 80 }],
    rows: rows.map((r) => {
      const s = supportOf(rules, r.support);
      return [r.startupName, r.applicantName, t(`supports.name.${r.support}`), s.clause, t(`supports.status.${r.status}`), amountText(s, t, r.amount), r.checks.map((c) => whyText(c, t)).join('；')];
    }),
  };
}

export function claimsSheet(claims: readonly Claim[], startups: ReadonlyMap<string, Pick<Startup, 'name'>>, founders: ReadonlyMap<string, Pick<Founder, 'name'>>, rules: SupportRules): SheetSpec {
  const t = zh();
  const col = (k: string) => t(`supports.col.${k}`);
  return {
    name: t('supports.sheet.claimsName'),
    columns: [
      { header: col('startup') },
      { header: col('applicant') },
      { header: col('support') },
      { header: col('clause') },
      { header: col('state') },
      { header: col('asked'), kind: 'money' },
      { header: col('granted'), kind: 'money' },
      { header: col('submittedOn'), kind: 'date' },
      { header: col('decidedOn'), kind: 'date' },
      { header: col('paidOn'), kind: 'date' },
      { header: col('remindOn'), kind: 'date' },
      { header: col('qualified') },
      { header: col('reason'), width: 40 },
      { header: col('documents'), width: 60 },
    ],
    rows: claims.map((c) => {
      const startup = startups.get(c.startupId)?.name ?? '';
      const support = supportOf(rules, c.support);
      // In the order the support lists them, whatever order they were checked off in.
      const rank = (d: string) => (support.documents.includes(d) ? support.documents.indexOf(d) : support.documents.length);
      return [
        startup,
        (c.founderId && founders.get(c.founderId)?.name) || startup,
        t(`supports.name.${c.support}`),
        support.clause,
        t(`supports.state.${c.state}`),
        c.amountAsked,
        c.amountGranted ?? null,
        c.submittedOn ?? null,
        c.decidedOn ?? null,
        c.paidOn ?? null,
        c.remindOn ?? null,
        t(c.qualified ? 'common.yes' : 'common.no'),
        c.reason ?? '',
        [...c.documents].sort((a, b) => rank(a) - rank(b)).map((d) => t(`supports.doc.${d}`)).join('、'),
      ];
    }),
  };
}

export async function saveSheet(spec: SheetSpec, file: string, on: string) {
  return bridge.saveFile({ suggestedName: `${zh()(file)}-${on}.xlsx`, bytes: await exportTable(spec, 'xlsx') });
}
