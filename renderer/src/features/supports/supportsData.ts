import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import type { Carrier, Claim } from '@core/records';
import { standingsOf, supportsOf, type Check, type Condition, type Standing, type Support, type SupportRules } from '@core/supports';
import { useCallback, useEffect, useState } from 'react';
import { db } from '../../store/db';
import { eligibleRow, rejudgeStartup, scanEligibility, standingsAt, type EligibilityList, type EligibleRow } from '../../store/eligibilityList';
import { publishedSupportRules, supportRulesInForce, type SupportRulesInForce } from '../../store/publishedSupportRules';

export const today = () => new Date().toISOString().slice(0, 10);

/** The rule set in force for the carrier (published for its province, else its own), live; undefined while read. */
export function useSupportRules(carrier: Pick<Carrier, 'regionCode' | 'rules'> | undefined): SupportRulesInForce | undefined {
  const published = useLiveQuery(() => publishedSupportRules(db), []);
  return carrier && published ? supportRulesInForce(carrier, published) : undefined;
}

export type { EligibleRow };

/**
 * 可申请的扶持 for every resident, judged off the page's long tasks (`scanEligibility`), again whenever a
 * startup, founder, report or claim changes; the last list stays shown while the next is judged.
 */
export function useEligibilityList(rules: SupportRules): { list?: EligibilityList; judged?: number; rejudge: (startupId: string) => void } {
  // A new value whenever any of the four tables changes (a count reads a table's whole key range).
  const changed = useLiveQuery(async () => {
    await Promise.all([db.startups.count(), db.founders.count(), db.reports.count(), db.claims.count()]);
    return {};
  }, []);
  const [state, setState] = useState<{ list?: EligibilityList; judged?: number }>({});
  useEffect(() => {
    if (!changed) return;
    const stop = new AbortController();
    void scanEligibility(db, rules, today(), (p) => setState((was) => ({ ...was, judged: p.done })), stop.signal).then((list) => list && setState({ list }));
    return () => stop.abort();
  }, [changed, rules]);
  const rejudge = useCallback(
    (startupId: string) => {
      const list = state.list;
      if (!list) return;
      // Kept only if no newer list came meanwhile.
      void rejudgeStartup(db, list, startupId, rules, today()).then((next) => next && setState((was) => (was.list === list ? { ...was, list: next } : was)));
    },
    [state.list, rules],
  );
  return { ...state, rejudge };
}

export { PAGE_SIZE } from '../../store/eligibilityList';

/** The list's rows `at` judged in full (the shown page); the last page stays shown while the next is read. */
export function useStandingsAt(list: EligibilityList | undefined, at: Int32Array | undefined, rules: SupportRules): EligibleRow[] | undefined {
  const [rows, setRows] = useState<EligibleRow[]>();
  useEffect(() => {
    if (!list || !at) return;
    let current = true;
    void standingsAt(db, list, at, rules, today()).then((r) => current && setRows(r));
    return () => {
      current = false;
    };
  }, [list, at, rules]);
  return rows;
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
    return { startup, founders, claims, rows: standingsOf({ startup, founders, reports, claims, today: today() }, rules).map((s) => eligibleRow(s, startup, founders)) };
  }, [startupId, rules]);
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
