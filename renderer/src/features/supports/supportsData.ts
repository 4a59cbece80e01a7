import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { addTo } from '@core/grouping';
import type { Claim, Founder, Startup } from '@core/records';
import { standingsOf, supportsOf, type Check, type Condition, type Standing, type Support, type SupportRules } from '@core/supports';
import { db } from '../../store/db';

export const today = () => new Date().toISOString().slice(0, 10);

/** A support for one applicant, with the names the lists show. */
export interface EligibleRow extends Standing {
  key: string;
  startupName: string;
  /** The founder's name for a founder's support, else the startup's. */
  applicantName: string;
}

/** Every resident and each of its founders, judged live against the rule set. */
export function useEligibility(rules: SupportRules) {
  return useLiveQuery(async () => {
    const startups = (await db.startups.where('status').equals('resident').toArray()).filter((s) => !s.voidedAt);
    const ids = startups.map((s) => s.id);
    const [founders, reports, claims] = await Promise.all([db.founders.where('startupId').anyOf(ids).toArray(), db.reports.where('startupId').anyOf(ids).toArray(), db.claims.where('startupId').anyOf(ids).toArray()]);
    const on = today();
    const [foundersOf, reportsOf, claimsOf] = [byStartup(founders), byStartup(reports), byStartup(claims)];
    const rows = startups.flatMap((startup) => {
      const own = foundersOf.get(startup.id) ?? [];
      return standingsOf({ startup, founders: own, reports: reportsOf.get(startup.id) ?? [], claims: claimsOf.get(startup.id) ?? [], today: on }, rules).map((s) => toRow(s, startup, own));
    });
    return { rows, startups, founders, claims };
  }, [rules]);
}

function byStartup<T extends { startupId: string }>(list: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of list) addTo(map, x.startupId, x);
  return map;
}

/** One startup's supports, live (its file). */
export function useStartupStandings(startupId: string, rules: SupportRules) {
  return useLiveQuery(async () => {
    const [startup, founders, reports, claims] = await Promise.all([
      db.startups.get(startupId),
      db.founders.where('startupId').equals(startupId).toArray(),
      db.reports.where('startupId').equals(startupId).toArray(),
      db.claims.where('startupId').equals(startupId).toArray(),
    ]);
    if (!startup) return undefined;
    return { startup, founders, claims, rows: standingsOf({ startup, founders, reports, claims, today: today() }, rules).map((s) => toRow(s, startup, founders)) };
  }, [startupId, rules]);
}

function toRow(s: Standing, startup: Startup, founders: readonly Founder[]): EligibleRow {
  const founder = s.founderId ? founders.find((f) => f.id === s.founderId) : undefined;
  return { ...s, key: `${s.startupId}:${s.support}:${s.founderId ?? ''}`, startupName: startup.name, applicantName: founder?.name ?? startup.name };
}

export const supportOf = (rules: SupportRules, id: Support['id']): Support => supportsOf(rules).find((s) => s.id === id)!;

/** A judged condition in words, its figures filled in (a key group named in the user's language). */
export function whyText(check: Check, t: TFunction): string {
  const group = check.facts.group;
  return t(`supports.why.${check.why}`, { ...check.facts, ...(group ? { group: t(`enums.keyGroup.${group}`) } : {}) });
}

export function amountText(support: Support, t: TFunction, amount?: number): string {
  if (!support.amount) return t('supports.amount.none');
  if (support.amount.kind === 'perHire' && amount === undefined) return t('supports.amount.perHire', { amount: support.amount.yuan.toLocaleString() });
  return t(`supports.amount.${support.amount.kind === 'fixed' ? 'fixed' : 'cap'}`, { amount: (amount ?? support.amount.yuan).toLocaleString() });
}

/** A rule set's condition in words, for the rule set view and the checklist. */
export function conditionText(c: Condition, t: TFunction): string {
  switch (c.kind) {
    case 'keyGroup': {
      const groups = c.groups.map((g) => t(`enums.keyGroup.${g}`)).join('、');
      return c.graduateYears === undefined ? t('supports.condition.keyGroup', { groups }) : t('supports.condition.keyGroupGraduate', { groups, years: c.graduateYears });
    }
    case 'registeredWithin':
      return t(c.teamsQualify ? 'supports.condition.registeredWithinTeams' : 'supports.condition.registeredWithin', { years: c.years });
    case 'operatingFor':
      return t('supports.condition.operatingFor', { months: c.months });
    case 'insuredHires':
      return t('supports.condition.insuredHires', { min: c.min });
    case 'jobsKept':
      return t('supports.condition.jobsKept', { rate: `${Math.round(c.maxReduction * 1000) / 10}%` });
    case 'noDefault':
      return t('supports.condition.noDefault');
    case 'loanDue':
      return t('supports.condition.loanDue', { days: c.noticeDays });
  }
}

export const statusColor: Record<Standing['status'], string> = { claimed: 'blue', qualifies: 'green', soon: 'gold', not: 'default' };
export const stateColor: Record<Claim['state'], string> = { preparing: 'default', submitted: 'processing', granted: 'green', rejected: 'red', paid: 'cyan', withdrawn: 'default', defaulted: 'volcano' };
