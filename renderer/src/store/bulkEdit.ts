import type { Table } from 'dexie';
import { keyGroups, type Founder, type KeyGroup, type Startup } from '@core/records';
import type { DeskDb } from './db';
import { TallySum } from './importResidents';
import { operatorName } from './operator';
import { foundersOf, rebuildStartupIndex } from './rebuildIndex';
import { prepareSeals, unsealFounders } from './sealing';
import { parseRecord, ValidationError, writeManyInTx, writeTables } from './write';

/** What one bulk edit sets on every startup chosen, and a key group it adds to each one's founders. */
export interface BulkValues {
  industry?: string;
  field?: NonNullable<Startup['field']>;
  stage?: NonNullable<Startup['stage']>;
  agreementEndsOn?: string;
  area?: number;
  /** A person's group, not the startup's: added to every founder of the startup who lacks it. */
  keyGroup?: KeyGroup;
}
type StartupValue = Exclude<keyof BulkValues, 'keyGroup'>;
const startupValues: readonly StartupValue[] = ['industry', 'field', 'stage', 'agreementEndsOn', 'area'];

/**
 * A startup as it was before a bulk edit changed it: the fields the edit changed (undefined where not
 * given) and the key groups of the founders it changed. Written back, it undoes the edit.
 */
export interface BulkBefore {
  id: string;
  startup?: Partial<Startup>;
  founders: Pick<Founder, 'id' | 'keyGroups'>[];
}

export interface BulkResult {
  /** Startups written (with their founders); the others already had the values. */
  changed: number;
  unchanged: number;
  /** What undoes the edit, as a second bulk edit (`undoBulkEdit`). */
  undo: BulkBefore[];
}

/** A startup the edit would make invalid (an agreement ending before admission): nothing at all is written. */
export class BulkEditError extends Error {
  constructor(
    readonly startupName: string,
    /** The i18n key of what is wrong. */
    readonly problem: string,
  ) {
    super(`${startupName}: ${problem}`);
    this.name = 'BulkEditError';
  }
}

/** The write of a step's startups; a record that fails its check is named. */
async function writeStartups(db: DeskDb, startups: Startup[], who: string) {
  try {
    await writeManyInTx(db, 'startup', startups, who, { reindex: false });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const s of startups) {
      try {
        parseRecord('startup', s);
      } catch (invalid) {
        throw new BulkEditError(s.name, (invalid as ValidationError).issues[0]!.message);
      }
    }
    throw error;
  }
}

export interface BulkProgress {
  done: number;
  total: number;
}

/**
 * Startups per step. Each step is issued from the last one's answers, in a task of its own, as the
 * import writes (importResidents.ts): the page keeps painting and answering while 5,000 are written.
 * Half the import's step: an edit derives each list row's totals twice, before and after.
 */
export const BULK_STEP = 75;

/** The startup with the values set; a value set by a person is no longer a proposal. */
function withValues(s: Startup, values: BulkValues): Startup {
  const next: Startup = { ...s };
  for (const key of startupValues) if (values[key] !== undefined) Object.assign(next, { [key]: values[key] });
  const proposed = s.proposed?.filter((f) => values[f] === undefined);
  if (proposed?.length) next.proposed = proposed;
  else delete next.proposed;
  return next;
}

/** The startup with fields put back as they were (undefined: removed again). */
function restored(s: Startup, before: Partial<Startup>): Startup {
  const next: Record<string, unknown> = { ...s };
  for (const [key, value] of Object.entries(before)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as Startup;
}

/** Key groups in their listed order, so adding one twice or in another order changes nothing. */
const withGroup = (groups: readonly KeyGroup[], group: KeyGroup) => keyGroups.filter((g) => g === group || groups.includes(g));

const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/** The keys whose values differ between a record and its edit (updatedAt aside). */
const changedKeys = (before: object, after: object) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'updatedAt' && differs((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]));

type Edit = (startup: Startup, founders: Founder[]) => { startup: Startup; founders: Founder[] };

/**
 * The chosen startups' founders, read and opened before the edit's transaction: under the desk lock
 * their ID numbers are sealed, and sealing again is WebCrypto, which cannot wait inside a transaction.
 */
async function foundersToEdit(db: DeskDb, ids: string[]): Promise<Map<string, Founder[]>> {
  const byStartup = await db.transaction('r', db.founders, () => foundersOf(db, ids));
  const opened = await unsealFounders([...byStartup.values()].flat());
  const byId = new Map(opened.map((f) => [f.id, f]));
  return new Map([...byStartup].map(([id, founders]) => [id, founders.map((f) => byId.get(f.id)!)]));
}

/**
 * Edits startups in one transaction, all or none, `step` at a time: each step reads its startups,
 * writes those the edit changes (each with its audit and outbox entry; a startup the edit leaves as it
 * is, is not written), then their founders the same way, then their list rows once for both. The
 * totals the rows move are summed over the steps and added once at the end, as the import does.
 */
async function editInSteps(db: DeskDb, ids: readonly string[], withFounders: boolean, edit: Edit, onProgress?: (p: BulkProgress) => void, step = BULK_STEP): Promise<BulkResult> {
  const who = operatorName();
  const founders = withFounders ? await foundersToEdit(db, [...ids]) : new Map<string, Founder[]>();
  const sealed = withFounders ? await prepareSeals(db, [...founders.values()].flat()) : undefined;
  const undo: BulkBefore[] = [];
  await db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    const totals = new TallySum();
    const indexTables = { startups: db.startups, founders: db.founders, startupIndex: db.startupIndex, tallies: totals as unknown as Table };
    for (let i = 0; i < ids.length; i += step) {
      const part = ids.slice(i, i + step);
      const startups: Startup[] = [];
      const people: Founder[] = [];
      const touched: string[] = [];
      for (const s of await db.startups.bulkGet(part)) {
        if (!s) continue;
        const own = founders.get(s.id) ?? [];
        const next = edit(s, own);
        const before: BulkBefore = { id: s.id, founders: [] };
        const keys = changedKeys(s, next.startup);
        if (keys.length > 0) {
          before.startup = Object.fromEntries(keys.map((k) => [k, s[k as keyof Startup]]));
          startups.push(next.startup);
        }
        next.founders.forEach((f, k) => {
          if (!differs(f.keyGroups, own[k]!.keyGroups)) return;
          before.founders.push({ id: f.id, keyGroups: own[k]!.keyGroups });
          people.push(f);
        });
        if (before.startup || before.founders.length > 0) {
          undo.push(before);
          touched.push(s.id);
        }
      }
      if (startups.length > 0) await writeStartups(db, startups, who);
      if (people.length > 0) await writeManyInTx(db, 'founder', people, who, { stored: sealed, reindex: false });
      if (touched.length > 0) await rebuildStartupIndex(indexTables, touched);
      onProgress?.({ done: i + part.length, total: ids.length });
    }
    await totals.addTo(db.tallies);
  });
  return { changed: undo.length, unchanged: ids.length - undo.length, undo };
}

/**
 * Sets the same values on many startups (a 待补充 view's selection, or every startup a filter lists):
 * one audit entry and one outbox entry per record written, undone by `undoBulkEdit` with what it returns.
 */
export function bulkEdit(db: DeskDb, ids: readonly string[], values: BulkValues, onProgress?: (p: BulkProgress) => void, step?: number): Promise<BulkResult> {
  const group = values.keyGroup;
  return editInSteps(
    db,
    ids,
    !!group,
    (s, founders) => ({ startup: withValues(s, values), founders: group ? founders.map((f) => ({ ...f, keyGroups: withGroup(f.keyGroups, group) })) : [] }),
    onProgress,
    step,
  );
}

/** Puts back what a bulk edit changed, as a second bulk edit (its own audit and outbox entries); it returns what redoes it. */
export function undoBulkEdit(db: DeskDb, undo: readonly BulkBefore[], onProgress?: (p: BulkProgress) => void, step?: number): Promise<BulkResult> {
  const byId = new Map(undo.map((b) => [b.id, b]));
  return editInSteps(
    db,
    undo.map((b) => b.id),
    undo.some((b) => b.founders.length > 0),
    (s, founders) => {
      const before = byId.get(s.id)!;
      const groups = new Map(before.founders.map((f) => [f.id, f.keyGroups]));
      return {
        startup: before.startup ? restored(s, before.startup) : s,
        founders: founders.map((f) => (groups.has(f.id) ? { ...f, keyGroups: groups.get(f.id)! } : f)),
      };
    },
    onProgress,
    step,
  );
}
