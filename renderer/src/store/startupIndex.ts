import { qualifiesForFreeResidency } from '@core/residency';
import { factsOf } from '@core/tallies/contributions';
import { completionGaps, type CompletableField, type Founder, type KeyGroup, type Startup } from '@core/records';

export type ListState = 'resident' | 'exited' | 'voided';
export type SortField = 'name' | 'admittedOn' | 'agreementEndsOn';
export const SORT_FIELDS: readonly SortField[] = ['name', 'admittedOn', 'agreementEndsOn'];

/**
 * One compact row per startup, derived from the startup and its founders and kept in step by every
 * write. The list answers from these rows held in memory (`listMemory`); IndexedDB keeps them for the
 * next open, with one plain index per sort order for the first page before they are loaded.
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
  key: 0 | 1;
  free: 0 | 1;
  qualifiesFree: boolean;
  /** What is still to complete (待补充), left empty or proposed by the desk; absent when nothing is. */
  gaps?: CompletableField[];
}

export function indexRowOf(s: Startup, founders: Founder[]): StartupIndexRow {
  const facts = factsOf(s, founders);
  const gaps = completionGaps(s);
  return {
    id: s.id,
    state: facts.state,
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
    groups: facts.groups,
    key: s.keyProject || s.keyProjectDesignated ? 1 : 0,
    free: s.feeWaived ? 1 : 0,
    qualifiesFree: qualifiesForFreeResidency(s, founders),
    ...(gaps.length > 0 ? { gaps } : {}),
  };
}
