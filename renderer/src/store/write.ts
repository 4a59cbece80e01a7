import { changesNothing, fieldChanges } from '@core/identity';
import { isDemoId, recordSchemas, type Entity, type RecordOf } from '@core/records';
import { rosterOwnedFields, type OutboxEntry } from '@core/sync/protocol';
import Dexie, { type Transaction } from 'dexie';
import type { DeskDb } from './db';
import { checkUnsealedWrite } from './sealing';
import { tableOf } from './schema';
import { rebuildStartupIndex } from './rebuildIndex';
import { sendInTasks } from './requestsInTasks';
import { heldVersions, JOINED_VERSIONS } from './rosterVersions';
import { applyTallies, movesTallies, recordDelta } from './tallies';

/** A record failed its schema: the issues name the field and an i18n key, for the form to mark. */
export class ValidationError extends Error {
  constructor(readonly issues: { path: (string | number)[]; message: string }[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

export function parseRecord<E extends Entity>(entity: E, input: unknown): RecordOf<E> {
  const result = recordSchemas[entity].safeParse(input);
  if (!result.success) {
    throw new ValidationError(result.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })));
  }
  return result.data as RecordOf<E>;
}

const now = () => new Date().toISOString();
const keep = <T>(record: T) => record;
const definedOf = (record: object) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

/**
 * The top-level fields an edit changed, for the roster's field-level merge; every field of a new record.
 * A sealed founder's number changes as `idSealed` at rest: it is the record's `idNumber` that changed.
 */
function changedFields(before: object | null, atRest: object): string[] {
  const fields = before ? fieldChanges(before, atRest).map((c) => c.field) : Object.keys(atRest).filter((k) => k !== 'updatedAt');
  return [...new Set(fields.map((f) => (f === 'idSealed' ? 'idNumber' : f)))];
}

interface MutationCounter {
  clientId: string;
  next: number;
  clientStored: boolean;
}
const counters = new WeakMap<Transaction, Promise<MutationCounter>>();

/**
 * This desk's outbox counter, read once per transaction: writes running side by side in one
 * transaction (a startup and its founders) take their ids from it in turn, so none is taken twice.
 */
function mutationCounter(db: DeskDb): Promise<MutationCounter> {
  const tx = Dexie.currentTransaction;
  let counter = counters.get(tx);
  if (!counter) {
    counter = db.meta.bulkGet(['clientId', 'nextMutationId']).then(([client, next]) => ({
      clientId: (client?.value as string | undefined) ?? crypto.randomUUID(),
      next: (next?.value as number | undefined) ?? 1,
      clientStored: !!client,
    }));
    counters.set(tx, counter);
  }
  return counter;
}

/** Takes `count` consecutive mutation ids (the first is returned) for this desk's outbox. */
async function takeMutationIds(db: DeskDb, count: number): Promise<{ clientId: string; mutationId: number }> {
  const counter = await mutationCounter(db);
  const mutationId = counter.next;
  counter.next += count;
  const writes = [db.meta.put({ key: 'nextMutationId', value: counter.next })];
  if (!counter.clientStored) {
    counter.clientStored = true;
    writes.push(db.meta.put({ key: 'clientId', value: counter.clientId }));
  }
  await Promise.all(writes);
  return { clientId: counter.clientId, mutationId };
}

/** One record, written as `writeManyInTx` writes each of many. */
export async function writeInTx<E extends Entity>(
  db: DeskDb,
  entity: E,
  input: unknown,
  who: string,
  stored: (record: RecordOf<E>) => object = keep,
): Promise<RecordOf<E>> {
  return (await writeManyInTx(db, entity, [input], who, { stored }))[0]!;
}

/** Up to this many records, a write's requests are issued at once (see the end of `prepareWrite`). */
const TOGETHER = 10;

interface WriteOptions<E extends Entity> {
  stored?: (record: RecordOf<E>) => object;
  reindex?: boolean;
  /** The records as stored, in input order, where the caller reads them anyway (in the same round trip). */
  befores?: Promise<(object | undefined)[]>;
  /**
   * Records another desk made, as the roster relays them (store/relay.ts): stored as they came (their
   * own times, the roster's fields), audited with `who` per record, with no outbox entry of their own.
   */
  relayed?: { who: readonly string[] };
  /** The conflicts (their ids) this edit settles, sent with its outbox entry (store/conflicts.ts). */
  resolves?: readonly string[];
}

/** A write of records of one kind, read and checked, its requests not yet sent. */
export interface PreparedWrite<E extends Entity> {
  /** The records as validated; an unchanged one keeps its stored time. */
  saved: RecordOf<E>[];
  /** Each record as its table will hold it. */
  atRest: object[];
  /** Whether any record differs from its stored form (if none, `apply` sends nothing). */
  changes: boolean;
  /** Sends the requests: the records, their audit and outbox entries, their derived rows. */
  apply: () => Promise<void>;
}

/**
 * Writes records of one kind inside an open transaction that covers their table, audit, outbox and meta
 * (`writeTables`): each record validated, with its audit entry, outbox entry and derived rows. The
 * requests go out in bulk, not a round trip per record: an import of 5,000 rows was six times slower
 * than IndexedDB writing the same rows that way. Ids must be distinct (a record written twice in one
 * call would miss its own first write as its "before").
 * `stored` gives the form a record takes at rest (a founder's sealed ID number while the desk lock is
 * set); the outbox still carries the record as validated, for the roster.
 * `reindex: false` leaves the list's index rows to the caller, who writes startups and their founders
 * and rebuilds the rows once for both (rebuilding after each would write every row twice).
 */
export async function writeManyInTx<E extends Entity>(db: DeskDb, entity: E, inputs: readonly unknown[], who: string, options: WriteOptions<E> = {}): Promise<RecordOf<E>[]> {
  const write = await prepareWrite(db, entity, inputs, who, options);
  await write.apply();
  return write.saved;
}

/**
 * `writeManyInTx`'s reads and checks, its writes left for `apply`: a caller writing several kinds at
 * once (a startup with its founders) reads for all of them, then writes for all of them.
 */
export async function prepareWrite<E extends Entity>(
  db: DeskDb,
  entity: E,
  inputs: readonly unknown[],
  who: string,
  { stored = keep, reindex = true, befores: given, relayed, resolves }: WriteOptions<E> = {},
): Promise<PreparedWrite<E>> {
  const ids = inputs.map((input) => (input as { id: string }).id);
  if (new Set(ids).size !== ids.length) throw new Error(`writeManyInTx: an id appears twice among ${ids.length} ${entity} records`);
  const table = db.table(tableOf[entity]);
  // Read together: the records as they are, the outbox counter (taken if anything changed), and for
  // founders whether they may go unsealed. Each round trip inside a transaction costs about 2 ms here.
  const [befores, , baseVersions] = await Promise.all([
    given ?? table.bulkGet(ids),
    mutationCounter(db),
    relayed ? [] : heldVersions(db, ids.map((recordId) => ({ entity, recordId }))),
    entity === 'founder' ? checkUnsealedWrite(db, stored !== keep) : undefined,
  ]);
  const at = now();
  const saved: RecordOf<E>[] = [];
  const atRests: object[] = [];
  const changed: { record: RecordOf<E>; atRest: object; before: unknown; who: string; baseVersion: number }[] = [];
  inputs.forEach((input, i) => {
    const before = befores[i];
    const kept = before ? Object.fromEntries((rosterOwnedFields[entity] ?? []).filter((k) => before[k] !== undefined).map((k) => [k, before[k]])) : {};
    // The roster's own fields: a desk's edit keeps what it holds; a relayed record brings the roster's.
    const record = relayed ? parseRecord(entity, { ...kept, ...definedOf(input as object) }) : parseRecord(entity, { ...(input as object), ...kept, updatedAt: at });
    const atRest = stored(record);
    // A relayed record is the roster's to the letter, its time included; an edit settling a conflict
    // is sent even when it keeps the value the record holds.
    const same = before && changesNothing(before, atRest) && (!relayed || (before as { updatedAt?: string }).updatedAt === (atRest as { updatedAt?: string }).updatedAt);
    if (same && !resolves?.length) {
      saved.push({ ...record, updatedAt: (before as { updatedAt: string }).updatedAt });
      atRests.push(before);
    } else {
      saved.push(record);
      atRests.push(atRest);
      changed.push({ record, atRest, before: before ?? null, who: relayed?.who[i] ?? who, baseVersion: baseVersions[i] ?? 0 });
    }
  });
  const idOf = (record: RecordOf<E>) => (record as { id: string }).id;
  const outgoing = relayed ? [] : changed.filter(({ record }) => !isDemoId(idOf(record)));
  const sendOut = async () => {
    const { clientId, mutationId } = await takeMutationIds(db, outgoing.length);
    const entries = outgoing.map(({ record, atRest, before, baseVersion }, i): OutboxEntry => ({
      clientId,
      mutationId: mutationId + i,
      entity,
      recordId: idOf(record),
      op: 'upsert',
      record,
      createdAt: at,
      baseVersion,
      fields: changedFields(before as object | null, atRest),
      by: who,
      ...(resolves?.length ? { resolves: [...resolves] } : {}),
    }));
    await sendInTasks(db.outbox, 'bulkAdd', entries);
  };
  const derive = () => {
    if (reindex && (entity === 'startup' || entity === 'founder')) {
      const startupIds = changed.map(({ record }) => (entity === 'startup' ? idOf(record) : (record as { startupId: string }).startupId));
      return rebuildStartupIndex(db, [...new Set(startupIds)]);
    }
    if (movesTallies(entity)) return applyTallies(db.tallies, recordDelta(entity, changed.map(({ before, atRest }) => ({ before, after: atRest }))));
  };
  // A transaction runs its requests in order (the index rebuild reads the records just put). A few
  // records go out together, one round trip for an edit. Many go one kind at a time, each in parts of
  // bounded time (`sendInTasks`): a bulk request serialises its rows in the task that issues it, and 100
  // drafts with their audit and outbox entries in one task took 140 ms.
  const steps = [
    () => sendInTasks(table, 'bulkPut', changed.map((c) => c.atRest)),
    () => sendInTasks(db.audit, 'bulkAdd', changed.map(({ record, atRest, before, who }) => ({ at, who, entity, recordId: idOf(record), before, after: atRest }))),
    derive,
    () => (outgoing.length > 0 ? sendOut() : undefined),
  ];
  const apply = async () => {
    if (changed.length === 0) return;
    if (changed.length <= TOGETHER) await Promise.all(steps.map((step) => step()));
    else for (const step of steps) await step();
  };
  return { saved, atRest: atRests, changes: changed.length > 0, apply };
}

/** Tables a write touches, for callers that group several writes in one transaction. */
export const writeTables = (db: DeskDb, ...entities: Entity[]) => {
  const names = new Set<string>([...entities.map((e) => tableOf[e]), 'audit', 'outbox', 'meta', 'rosterVersions', JOINED_VERSIONS]);
  // Startup and founder writes also keep the list's index rows in step; they and some others, the totals.
  if (names.has('startups') || names.has('founders')) for (const n of ['startups', 'founders', 'startupIndex']) names.add(n);
  if (names.has('startupIndex') || entities.some(movesTallies)) names.add('tallies');
  return [...names].map((n) => db.table(n));
};

/** The one way a record is saved: the record, its audit entry and its outbox entry, all or nothing. */
export async function saveRecord<E extends Entity>(db: DeskDb, entity: E, input: unknown, who: string, resolves?: readonly string[]): Promise<RecordOf<E>> {
  return db.transaction('rw', writeTables(db, entity), async () => (await writeManyInTx(db, entity, [input], who, { resolves }))[0]!);
}
