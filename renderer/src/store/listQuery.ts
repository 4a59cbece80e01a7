import type { CompletableField, KeyGroup, Startup } from '@core/records';
import { addDays } from '@core/supports/calendar';
import { normalizeCode, toHalfWidth } from '@core/text';
import type { ListState, SortField, StartupIndexRow } from './startupIndex';

/** What the resident list is asked for: a state, filters, a search text and an order. */
export interface StartupQuery {
  state: ListState;
  text?: string;
  stage?: Startup['stage'];
  industry?: string;
  field?: Startup['field'];
  group?: KeyGroup;
  keyProject?: boolean;
  free?: boolean;
  /** Something still to complete (待补充): anything, or this field. */
  gap?: CompletableField | 'any';
  /** Agreement ends between today and today + days. */
  endingWithinDays?: number;
  today: string;
  sort: SortField;
  descending?: boolean;
}

/** A query that filters nothing: the whole of one state's list, in an order. */
export const filtersNothing = (q: StartupQuery) =>
  !q.text?.trim() && !q.stage && !q.industry && !q.field && !q.group && q.keyProject === undefined && q.free === undefined && !q.gap && q.endingWithinDays === undefined;

const fold = (s: string) => toHalfWidth(s).toLowerCase().replace(/\s+/g, '');

/** What a search text is matched against: the name and the founders' names, folded once per row. */
export const searchableText = (row: StartupIndexRow) => `${fold(row.name)}\u0000${fold(row.founders)}`;

/**
 * The test a row passes to be listed. `text` is the row's `searchableText`: a search matches a part of
 * the name or of a founder's name (full-width letters and spaces folded), or the start of the credit code.
 */
export function matcherOf(q: StartupQuery): (row: StartupIndexRow, text: string) => boolean {
  const until = q.endingWithinDays !== undefined ? addDays(q.today, q.endingWithinDays) : undefined;
  const search = q.text?.trim() ? fold(q.text) : '';
  const code = search ? normalizeCode(q.text!).toLowerCase() : '';
  const key = q.keyProject === undefined ? undefined : q.keyProject ? 1 : 0;
  const free = q.free === undefined ? undefined : q.free ? 1 : 0;
  return (r, text) =>
    r.state === q.state &&
    (!q.stage || r.stage === q.stage) &&
    (!q.industry || r.industry === q.industry) &&
    (!q.field || r.field === q.field) &&
    (!q.group || r.groups.includes(q.group)) &&
    (key === undefined || r.key === key) &&
    (free === undefined || r.free === free) &&
    (!q.gap || (q.gap === 'any' ? !!r.gaps : !!r.gaps?.includes(q.gap))) &&
    (!until || (r.agreementEndsOn >= q.today && r.agreementEndsOn <= until)) &&
    (!search || text.includes(search) || (code.length > 0 && r.creditCode.toLowerCase().startsWith(code)));
}

/** The list's order: by the sort field, ties by id (code unit order, as IndexedDB compares keys). */
export const compareBy = (field: SortField) => (a: StartupIndexRow, b: StartupIndexRow) =>
  a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
