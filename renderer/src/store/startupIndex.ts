import { qualifiesForFreeResidency } from '@core/residency';
import type { Founder, KeyGroup, Startup } from '@core/records';
import { normalizeCode, toHalfWidth } from '@core/text';

export type ListState = 'resident' | 'exited' | 'voided';

/**
 * One compact row per startup, derived from the startup and its founders and kept in step by every
 * write: the list reads and sorts these through indexes instead of loading records into React.
 */
export interface StartupIndexRow {
  id: string;
  state: ListState;
  name: string;
  entityType: Startup['entityType'];
  creditCode: string;
  stage: Startup['stage'];
  industry: string;
  field: Startup['field'];
  admittedOn: string;
  agreementEndsOn: string;
  area: number;
  founders: string;
  groups: KeyGroup[];
  /** 0/1, because IndexedDB cannot index booleans. */
  key: 0 | 1;
  free: 0 | 1;
  qualifiesFree: boolean;
  terms: string[];
}

const fold = (s: string) => toHalfWidth(s).toLowerCase().replace(/\s+/g, '');

/** Name bigrams (and the last character), the credit code and the founders' names: what search looks up. */
export function searchTerms(name: string, creditCode: string | undefined, founderNames: string[]): string[] {
  const n = fold(name);
  const terms = new Set<string>();
  for (let i = 0; i < n.length - 1; i++) terms.add(n.slice(i, i + 2));
  if (n) terms.add(n.slice(-1));
  if (creditCode) terms.add(creditCode.toLowerCase());
  for (const f of founderNames) terms.add(fold(f));
  return [...terms];
}

export function indexRowOf(s: Startup, founders: Founder[]): StartupIndexRow {
  return {
    id: s.id,
    state: s.voidedAt ? 'voided' : s.status,
    name: s.name,
    entityType: s.entityType,
    creditCode: s.creditCode ?? '',
    stage: s.stage,
    industry: s.industry,
    field: s.field,
    admittedOn: s.admittedOn,
    agreementEndsOn: s.agreementEndsOn,
    area: s.area,
    founders: founders.map((f) => f.name).join('、'),
    groups: [...new Set(founders.flatMap((f) => f.keyGroups))],
    key: s.keyProject || s.keyProjectDesignated ? 1 : 0,
    free: s.feeWaived ? 1 : 0,
    qualifiesFree: qualifiesForFreeResidency(s, founders),
    terms: searchTerms(s.name, s.creditCode, founders.map((f) => f.name)),
  };
}

/** How a search text is looked up: the index term to start from, and the test each candidate must pass. */
export function searchPlan(text: string): { term: string; prefix: boolean; matches: (row: StartupIndexRow) => boolean } {
  const q = fold(text);
  const code = normalizeCode(text).toLowerCase();
  const matches = (row: StartupIndexRow) =>
    fold(row.name).includes(q) || fold(row.founders).includes(q) || (code.length > 0 && row.creditCode.toLowerCase().startsWith(code));
  // Two characters pin a bigram of the name; a single character or a code prefix is found by prefix.
  return q.length >= 2 && !/^[0-9a-z]+$/.test(q) ? { term: q.slice(0, 2), prefix: false, matches } : { term: q, prefix: true, matches };
}
