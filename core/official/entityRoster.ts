import type { DateRange } from '../kpis/carrierNumbers';
import { industryLabel, policyKeyGroups, type Founder, type Startup } from '../records';
import { residentsAt } from './residents';
import { problemsFor, type OfficialFile, type Problem, type Translate } from './sheet';

const columns = [
  ['no', 'number'],
  ['name', 'text'],
  ['creditCode', 'text'],
  ['entityType', 'text'],
  ['industry', 'text'],
  ['admittedOn', 'date'],
  ['agreementEndsOn', 'date'],
  ['room', 'text'],
  ['area', 'number'],
  ['founders', 'text'],
  ['contactName', 'text'],
  ['contactPhone', 'text'],
  ['keyGroups', 'text'],
  ['feeWaived', 'text'],
  ['feeWaiverBasis', 'text'],
  ['keyProject', 'text'],
] as const;

/** The founders of each startup, in a stable order. */
export function foundersByStartup(founders: readonly Founder[]): Map<string, Founder[]> {
  const out = new Map<string, Founder[]>();
  for (const f of [...founders].sort((a, b) => a.id.localeCompare(b.id))) out.set(f.startupId, [...(out.get(f.startupId) ?? []), f]);
  return out;
}

/** 在孵创业主体名册: every entity in residence on the range's last day, with who runs it and on what terms. */
export function entityRoster(input: { startups: readonly Startup[]; founders: readonly Founder[]; range: DateRange }, t: Translate): OfficialFile {
  const header = (key: string) => t(`official.entities.col.${key}`);
  const yes = (v: boolean) => t(v ? 'common.yes' : 'common.no');
  const people = foundersByStartup(input.founders);
  const problems: Problem[] = [];
  const rows = residentsAt(input.startups, input.range).map((s, i) => {
    const check = problemsFor(problems, { kind: 'startup', id: s.id, name: s.name }, t);
    const founders = people.get(s.id) ?? [];
    const contactName = s.contactName || founders[0]?.name || '';
    const contactPhone = s.contactPhone || founders[0]?.phone || '';
    const groups = policyKeyGroups.filter((g) => founders.some((f) => f.keyGroups.includes(g)));
    if (s.entityType !== 'team' && !s.creditCode) check.missing(header('creditCode'));
    if (founders.length === 0) check.missing(header('founders'));
    if (!contactPhone) check.missing(header('contactPhone'));
    if (s.feeWaived && !s.feeWaiverBasis) check.missing(header('feeWaiverBasis'));
    if (!s.industry) check.missing(header('industry'));
    return [
      i + 1,
      s.name,
      s.creditCode ?? '',
      t(`enums.entityType.${s.entityType}`),
      s.industry ? industryLabel(s.industry, t) : '',
      s.admittedOn,
      s.agreementEndsOn,
      s.room ?? '',
      s.area,
      founders.map((f) => f.name).join('、'),
      contactName,
      contactPhone,
      groups.map((g) => t(`enums.keyGroup.${g}`)).join('、'),
      yes(s.feeWaived),
      s.feeWaiverBasis ?? '',
      yes(s.keyProject),
    ];
  });
  return { sheet: { name: t('official.entities.sheet'), columns: columns.map(([key, kind]) => ({ header: header(key), kind })), rows }, problems };
}
