import { qualifiesForFreeResidency } from '@core/residency';
import { factsOf } from '@core/tallies/contributions';
import { completionGaps, type CompletableField, type Founder, type KeyGroup, type Startup } from '@core/records';
import { normalizeCode, toHalfWidth } from '@core/text';

export type ListState = 'resident' | 'exited' | 'voided';
export type SortField = 'name' | 'admittedOn' | 'agreementEndsOn';
export const SORT_FIELDS: readonly SortField[] = ['name', 'admittedOn', 'agreementEndsOn'];

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
  /** '' while not yet completed (待补充). */
  stage: NonNullable<Startup['stage']> | '';
  industry: string;
  field: NonNullable<Startup['field']> | '';
  admittedOn: string;
  agreementEndsOn: string;
  exitedOn?: string;
  exitKind?: Startup['exitKind'];
  area: number;
  founders: string;
  groups: KeyGroup[];
  /** 0/1, because IndexedDB cannot index booleans. */
  key: 0 | 1;
  free: 0 | 1;
  qualifiesFree: boolean;
  /**
   * What is still to complete (待补充), left empty or proposed by the desk; absent when nothing is, so
   * the rows of complete startups are those version 5 wrote.
   */
  gaps?: CompletableField[];
  /**
   * The list's keyset keys, one multi-entry index per sort order: `state␀facet␀sort value␀id` for the
   * whole list (facet `*`) and for every filter value the startup has, so any one filter pages in any
   * order straight from an index. Only the name order carries the search terms (searches list by name).
   */
  byName: string[];
  byAdmittedOn: string[];
  byAgreementEndsOn: string[];
}

/** The index holding the list in a sort order. */
export const sortIndex = (sort: SortField) => `by${sort[0]!.toUpperCase()}${sort.slice(1)}` as 'byName' | 'byAdmittedOn' | 'byAgreementEndsOn';

/** NUL sorts before every character, so a key's parts compare one after another. */
export const SEP = '\u0000';
export const ALL = '*';
export const facet = {
  stage: (v: string) => `s:${v}`,
  industry: (v: string) => `i:${v}`,
  field: (v: string) => `f:${v}`,
  group: (v: string) => `g:${v}`,
  key: (v: 0 | 1) => `k:${v}`,
  free: (v: 0 | 1) => `r:${v}`,
  term: (v: string) => `t:${v}`,
  /** Something to complete (`any`), or the field that is. */
  gap: (v: CompletableField | 'any') => `c:${v}`,
};

/** Where a facet's keys start (and, with `\uffff` after it, end) in a sort index. */
export const facetPrefix = (state: ListState, f: string) => `${state}${SEP}${f}${SEP}`;
/** A row's key in a facet: the keyset position to continue after. */
export const listKey = (state: ListState, f: string, value: string, id: string) => `${facetPrefix(state, f)}${value}${SEP}${id}`;

const fold = (s: string) => toHalfWidth(s).toLowerCase().replace(/\s+/g, '');

/** Bigrams (and the last character) of the name and the founders' names, and the credit code: what search looks up. */
export function searchTerms(name: string, creditCode: string | undefined, founderNames: string[]): string[] {
  const terms = new Set<string>();
  const addBigrams = (text: string) => {
    for (let i = 0; i < text.length - 1; i++) terms.add(text.slice(i, i + 2));
    if (text) terms.add(text.slice(-1));
  };
  addBigrams(fold(name));
  for (const f of founderNames) addBigrams(fold(f));
  if (creditCode) terms.add(creditCode.toLowerCase());
  return [...terms];
}

export function indexRowOf(s: Startup, founders: Founder[]): StartupIndexRow {
  const facts = factsOf(s, founders);
  const { state, groups } = facts;
  const key = s.keyProject || s.keyProjectDesignated ? 1 : 0;
  const free = s.feeWaived ? 1 : 0;
  const terms = searchTerms(s.name, s.creditCode, founders.map((f) => f.name));
  const gaps = completionGaps(s);
  const gapFacets = gaps.length > 0 ? [facet.gap('any'), ...gaps.map(facet.gap)] : [];
  const facets = [ALL, facet.stage(facts.stage), facet.industry(facts.industry), facet.field(s.field ?? ''), facet.key(key), facet.free(free), ...groups.map(facet.group), ...gapFacets];
  const keys = (value: string, extra: string[] = []) => [...facets, ...extra].map((f) => listKey(state, f, value, s.id));
  return {
    id: s.id,
    state,
    name: s.name,
    entityType: s.entityType,
    creditCode: s.creditCode ?? '',
    stage: s.stage ?? '',
    industry: facts.industry,
    field: s.field ?? '',
    admittedOn: s.admittedOn,
    agreementEndsOn: s.agreementEndsOn,
    ...(s.exitedOn ? { exitedOn: s.exitedOn } : {}),
    ...(s.exitKind ? { exitKind: s.exitKind } : {}),
    area: s.area,
    founders: founders.map((f) => f.name).join('、'),
    groups,
    key,
    free,
    qualifiesFree: qualifiesForFreeResidency(s, founders),
    ...(gaps.length > 0 ? { gaps } : {}),
    byName: keys(s.name, terms.map(facet.term)),
    byAdmittedOn: keys(s.admittedOn),
    byAgreementEndsOn: keys(s.agreementEndsOn),
  };
}

/**
 * How a search text is looked up: the index term to start from, whether the term is a prefix of the
 * stored ones, whether the term alone decides (a whole bigram), and the test a candidate must pass.
 */
export function searchPlan(text: string): { term: string; prefix: boolean; exact: boolean; matches: (row: StartupIndexRow) => boolean } {
  const q = fold(text);
  const code = normalizeCode(text).toLowerCase();
  const matches = (row: StartupIndexRow) =>
    fold(row.name).includes(q) || fold(row.founders).includes(q) || (code.length > 0 && row.creditCode.toLowerCase().startsWith(code));
  // Two characters pin a bigram of the name; a single character or a code prefix is found by prefix.
  return q.length >= 2 && !/^[0-9a-z]+$/.test(q)
    ? { term: q.slice(0, 2), prefix: false, exact: q.length === 2, matches }
    : { term: q, prefix: true, exact: false, matches };
}
