import type { Table } from 'dexie';
import { keyGroups, type Founder, type KeyGroup, type Startup } from '@core/records';
import type { DeskDb } from './db';
import { TallySum } from './importResidents';
import { operatorName } from './operator';
import { foundersOf, writeIndexRows } from './rebuildIndex';
import { DEXIE_TRACKS_BELOW } from './requestsInTasks';
import { prepareSeals, unsealFounders } from './sealing';
import type { StartupIndexRow } from './startupIndex';
import { parseRecord, prepareWrite, ValidationError, writeTables, type PreparedWrite } from './write';

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

/** Checks a step's startups before anything of the step is written; a record that fails its check is named. */
async function prepareStartups(db: DeskDb, startups: Startup[], befores: Startup[], who: string): Promise<PreparedWrite<'startup'>> {
  try {
    return await prepareWrite(db, 'startup', startups, who, { reindex: false, befores: Promise.resolve(befores) });
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
 * Each step is issued from the last one's answers, in tasks of its own, as the import writes
 * (importResidents.ts): the page keeps painting and answering while 5,000 are written. A step starts at
 * `BULK_STEP` startups and is then sized by time: the next one is as large as keeps its longest stretch of
 * main thread (the edits checked, or the list rows derived) near `STEP_MS`, between `MIN_STEP` and
 * `MAX_STEP`; its writes go in parts sized by time of their own (requestsInTasks.ts). Never below Dexie's
 * key-tracking threshold: steps that shrank to 10–40 startups under load had Dexie record every list-row
 * key they wrote, which held the page for 200–350 ms.
 */
export const BULK_STEP = 50;
const STEP_MS = 20;
const MIN_STEP = DEXIE_TRACKS_BELOW;
const MAX_STEP = 100;
const nextStep = (step: number, busiestMs: number) => Math.max(MIN_STEP, Math.min(MAX_STEP, Math.floor((step * STEP_MS) / Math.max(busiestMs, 1))));

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
 * Edits startups in one transaction, all or none, a step at a time: each step reads its startups with
 * their founders and list rows (one round trip), writes those the edit changes (each with its audit and
 * outbox entry; a startup the edit leaves as it is, is not written), then their founders the same way,
 * then their list rows from what it just wrote, read nothing again. The totals the rows move are summed
 * over the steps and added once at the end, as the import does. `step` fixes the step's size (tests).
 */
async function editInSteps(db: DeskDb, ids: readonly string[], withFounders: boolean, edit: Edit, onProgress?: (p: BulkProgress) => void, step?: number): Promise<BulkResult> {
  const who = operatorName();
  const founders = withFounders ? await foundersToEdit(db, [...ids]) : new Map<string, Founder[]>();
  const sealed = withFounders ? await prepareSeals(db, [...founders.values()].flat()) : undefined;
  const undo: BulkBefore[] = [];
  await db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    const totals = new TallySum();
    const indexTables = { startups: db.startups, founders: db.founders, startupIndex: db.startupIndex, tallies: totals as unknown as Table };
    let size = step ?? BULK_STEP;
    for (let i = 0; i < ids.length; ) {
      const part = ids.slice(i, i + size);
      const [stored, storedFounders, oldRows] = await Promise.all([db.startups.bulkGet(part), foundersOf(db, part), db.startupIndex.bulkGet(part)]);
      let started = performance.now();
      const startups: Startup[] = [];
      const startupBefores: Startup[] = [];
      const people: Founder[] = [];
      const peopleBefores: Founder[] = [];
      const touched: Startup[] = [];
      for (const s of stored) {
        if (!s) continue;
        const own = founders.get(s.id) ?? [];
        const next = edit(s, own);
        const before: BulkBefore = { id: s.id, founders: [] };
        const keys = changedKeys(s, next.startup);
        if (keys.length > 0) {
          before.startup = Object.fromEntries(keys.map((k) => [k, s[k as keyof Startup]]));
          startups.push(next.startup);
          startupBefores.push(s);
        }
        const storedById = new Map(storedFounders.get(s.id)!.map((f) => [f.id, f]));
        next.founders.forEach((f, k) => {
          if (!differs(f.keyGroups, own[k]!.keyGroups)) return;
          before.founders.push({ id: f.id, keyGroups: own[k]!.keyGroups });
          people.push(f);
          peopleBefores.push(storedById.get(f.id)!);
        });
        if (before.startup || before.founders.length > 0) {
          undo.push(before);
          touched.push(s);
        }
      }
      const startupWrite = startups.length > 0 ? await prepareStartups(db, startups, startupBefores, who) : undefined;
      const founderWrite = people.length > 0 ? await prepareWrite(db, 'founder', people, who, { stored: sealed, reindex: false, befores: Promise.resolve(peopleBefores) }) : undefined;
      const applying = startupWrite?.apply();
      let busiest = performance.now() - started;
      await applying;
      await founderWrite?.apply();
      // The list rows from the records as now stored (those just written, the others as read), nothing read again.
      const atRest = <T extends { id: string }>(write: PreparedWrite<'startup' | 'founder'> | undefined) => new Map((write?.saved ?? []).map((r, k) => [(r as { id: string }).id, write!.atRest[k] as T]));
      const nowStartups = atRest<Startup>(startupWrite);
      const nowFounders = atRest<Founder>(founderWrite);
      const rowFounders = new Map(touched.map((s) => [s.id, storedFounders.get(s.id)!.map((f) => nowFounders.get(f.id) ?? f)]));
      const oldRow = new Map((oldRows as (StartupIndexRow | undefined)[]).map((row, k) => [part[k]!, row]));
      started = performance.now();
      const rows = writeIndexRows(indexTables, touched.map((s) => nowStartups.get(s.id) ?? s), rowFounders, touched.map((s) => oldRow.get(s.id)));
      busiest = Math.max(busiest, performance.now() - started);
      await rows;
      i += part.length;
      onProgress?.({ done: i, total: ids.length });
      if (step === undefined) size = nextStep(size, busiest);
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
