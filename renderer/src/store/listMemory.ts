import Dexie, { type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type EntityTable, type Middleware, type Transaction } from 'dexie';
import { compareBy, searchableText } from './listQuery';
import { SORT_FIELDS, type SortField, type StartupIndexRow } from './startupIndex';

/**
 * The resident list held in memory: every startup's list row, loaded from `startupIndex` when the list
 * is first asked for, and kept in step with every write of that table once its transaction commits.
 * Filters, search, sorts and counts scan it (a few milliseconds at 100,000 rows). Before, IndexedDB kept
 * a key per filter value and sort order for every row, dozens of them, and each write of a startup
 * paid for all of them (issue 20). Held on the page rather than in a worker: a query then needs no
 * round trip and reads what this window has just committed.
 */

/** What the memory needs of a desk's database: its list rows (the desk's `DeskDb` is one). */
type ListDb = Dexie & { startupIndex: EntityTable<StartupIndexRow, 'id'> };

interface Entry {
  row: StartupIndexRow;
  /** What a search matches, folded once. */
  text: string;
}

/** A committed write of the table, in the order it was made. */
type Op = { put: StartupIndexRow } | { del: string } | { range: DBCoreKeyRange };

/** Rows read at a time while loading: each read is deserialised in one task of the page. */
const LOAD_PAGE = 2_000;
/** Changes up to this many move entries one by one; more rebuild each order in one merge. */
const FEW = 64;
/** Changes up to this many are applied at once; more over several tasks (5,000 took 124 ms at 10k in one). */
const AT_ONCE = 500;
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

const entryOf = (row: StartupIndexRow): Entry => ({ row, text: searchableText(row) });
const orderOf = (field: SortField) => {
  const compare = compareBy(field);
  return (a: Entry, b: Entry) => compare(a.row, b.row);
};
const ORDER = Object.fromEntries(SORT_FIELDS.map((f) => [f, orderOf(f)])) as Record<SortField, (a: Entry, b: Entry) => number>;

/** Where `entry` goes in `list` (sorted by `order`): the first position not before it. */
function positionOf(list: readonly Entry[], entry: Entry, order: (a: Entry, b: Entry) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function merge(a: readonly Entry[], b: readonly Entry[], order: (x: Entry, y: Entry) => number): Entry[] {
  const out: Entry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(order(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

const inRange = (id: string, r: DBCoreKeyRange) => {
  if (r.type === 3) return true; // Any: the table cleared
  if (r.type === 4) return false;
  if (r.type === 1) return id === r.lower;
  const above = r.lower === undefined || (r.lowerOpen ? id > r.lower : id >= r.lower);
  const below = r.upper === undefined || (r.upperOpen ? id < r.upper : id <= r.upper);
  return above && below;
};

export class ListMemory {
  private readonly entries = new Map<string, Entry>();
  private orders: Record<SortField, Entry[]> = { name: [], admittedOn: [], agreementEndsOn: [] };
  /** Writes committed while loading, applied once the load is in; undefined after. */
  private queued: Op[][] | undefined = [];
  /** Large writes being applied over several tasks: a query waits for them. */
  private work: Promise<void> | undefined;
  readonly loaded: Promise<void>;

  constructor(
    private readonly db: ListDb,
    readonly backend: unknown,
  ) {
    // Started from a timer, outside any live query or transaction whose zone would otherwise own its reads.
    this.loaded = new Promise((resolve, reject) => setTimeout(() => this.load().then(resolve, reject)));
  }

  get isLoaded() {
    return this.queued === undefined;
  }

  private async load() {
    let rows = await this.db.startupIndex.orderBy(':id').limit(LOAD_PAGE).toArray();
    while (rows.length > 0) {
      for (const row of rows) this.entries.set(row.id, entryOf(row));
      if (rows.length < LOAD_PAGE) break;
      rows = await this.db.startupIndex.where(':id').above(rows.at(-1)!.id).limit(LOAD_PAGE).toArray();
    }
    const all = [...this.entries.values()];
    for (const field of SORT_FIELDS) {
      // A task per order: sorting 100,000 rows takes tens of milliseconds each.
      await nextTask();
      this.orders[field] = all.toSorted(ORDER[field]);
    }
    // Writes committed meanwhile, in their order, including those committed while these apply.
    for (let ops = this.queued!.shift(); ops; ops = this.queued!.shift()) await this.apply(ops, true);
    this.queued = undefined;
  }

  /** Applies a committed write (or keeps it for after the load, or after large writes still applying). */
  commit(ops: Op[]) {
    if (this.queued) this.queued.push(ops);
    // Applied at once only when that is synchronous: a range deleted (a clear) resumes after an await.
    else if (this.work || ops.length > AT_ONCE || ops.some((op) => 'range' in op)) {
      const work: Promise<void> = (this.work ?? Promise.resolve()).then(() => this.apply(ops, true)).finally(() => {
        if (this.work === work) this.work = undefined;
      });
      this.work = work;
    } else void this.apply(ops, false);
  }

  /** Resolves once every committed write is applied. */
  async settled() {
    await this.loaded;
    while (this.work) await this.work;
  }

  private async apply(ops: Op[], inTasks: boolean) {
    let changes = new Map<string, StartupIndexRow | null>();
    for (const op of ops) {
      if ('put' in op) changes.set(op.put.id, op.put);
      else if ('del' in op) changes.set(op.del, null);
      else {
        await this.change(changes, inTasks);
        changes = new Map();
        if (op.range.type === 3) {
          this.entries.clear();
          this.orders = { name: [], admittedOn: [], agreementEndsOn: [] };
        } else for (const id of this.entries.keys()) if (inRange(id, op.range)) changes.set(id, null);
      }
    }
    await this.change(changes, inTasks);
  }

  private async change(changes: Map<string, StartupIndexRow | null>, inTasks: boolean) {
    if (changes.size === 0) return;
    const before = [...changes.keys()].flatMap((id) => this.entries.get(id) ?? []);
    const after: Entry[] = [];
    let done = 0;
    for (const [id, row] of changes) {
      if (inTasks && ++done % AT_ONCE === 0) await nextTask();
      if (row) {
        const entry = entryOf(row);
        this.entries.set(id, entry);
        after.push(entry);
      } else this.entries.delete(id);
    }
    for (const field of SORT_FIELDS) {
      if (inTasks) await nextTask();
      const order = ORDER[field];
      let list = this.orders[field];
      if (changes.size <= FEW) {
        for (const old of before) list.splice(positionOf(list, old, order), 1);
        for (const entry of after) list.splice(positionOf(list, entry, order), 0, entry);
      } else {
        list = merge(
          list.filter((e) => !changes.has(e.row.id)),
          after.toSorted(order),
          order,
        );
      }
      this.orders[field] = list;
    }
  }

  /** The rows a test passes, in an order, from after a row (keyset), up to `limit`. */
  *matching(test: (row: StartupIndexRow, text: string) => boolean, sort: SortField, descending = false, after?: StartupIndexRow): Generator<StartupIndexRow> {
    const list = this.orders[sort];
    const order = ORDER[sort];
    if (!descending) {
      let i = after ? positionOf(list, entryOf(after), order) : 0;
      if (after && list[i]?.row.id === after.id) i++;
      for (; i < list.length; i++) if (test(list[i]!.row, list[i]!.text)) yield list[i]!.row;
    } else {
      let i = after ? positionOf(list, entryOf(after), order) - 1 : list.length - 1;
      for (; i >= 0; i--) if (test(list[i]!.row, list[i]!.text)) yield list[i]!.row;
    }
  }

  count(test: (row: StartupIndexRow, text: string) => boolean): number {
    let n = 0;
    for (const { row, text } of this.entries.values()) if (test(row, text)) n++;
    return n;
  }
}

const memories = new WeakMap<ListDb, ListMemory>();

/** Who re-reads when the list changes: per database, across the memories it has over reopenings. */
const watchers = new WeakMap<ListDb, { version: number; listeners: Set<() => void> }>();
const watchOf = (db: ListDb) => watchers.get(db) ?? watchers.set(db, { version: 0, listeners: new Set() }).get(db)!;

function changed(db: ListDb) {
  const w = watchOf(db);
  w.version++;
  for (const fn of w.listeners) fn();
}

/** For React's useSyncExternalStore: a number that moves whenever the list's rows change or load. */
export const listVersion = (db: ListDb) => watchOf(db).version;
export function watchList(db: ListDb, fn: () => void): () => void {
  const w = watchOf(db);
  w.listeners.add(fn);
  return () => w.listeners.delete(fn);
}

/** The database's list memory, created (and its load started) on first use or after a reopening. */
function memoryOf(db: ListDb): ListMemory {
  const backend = db.backendDB();
  let memory = memories.get(db);
  if (!memory || memory.backend !== backend) {
    memory = new ListMemory(db, backend);
    memories.set(db, memory);
    channelOf(db);
    void memory.loaded.then(() => changed(db), () => memories.get(db) === memory && memories.delete(db));
  }
  return memory;
}

/** The list memory once loaded (awaiting its load). */
export async function listOf(db: ListDb): Promise<ListMemory> {
  if (!db.isOpen()) await db.open();
  const memory = memoryOf(db);
  await memory.settled();
  return memory;
}

/** The list memory if it is loaded already; otherwise undefined, its load started. */
export async function loadedListOf(db: ListDb): Promise<ListMemory | undefined> {
  if (!db.isOpen()) await db.open();
  const memory = memoryOf(db);
  if (!memory.isLoaded) return undefined;
  await memory.settled();
  return memory;
}

/** Another window of the same desk re-reads the rows this one wrote (the browser bridge allows two tabs). */
const channels = new WeakMap<ListDb, BroadcastChannel | null>();
function channelOf(db: ListDb): BroadcastChannel | null {
  if (channels.has(db)) return channels.get(db)!;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`desk-list:${db.name}`);
  channels.set(db, channel);
  if (channel) {
    (channel as { unref?: () => void }).unref?.();
    channel.onmessage = (e: { data: { ids: string[] } | { all: true } }) => {
      const memory = memories.get(db);
      if (!memory) return;
      if ('all' in e.data) {
        memories.delete(db);
        changed(db);
        return;
      }
      const ids = e.data.ids;
      setTimeout(async () => {
        const rows = await db.startupIndex.bulkGet(ids);
        if (memories.get(db) !== memory) return;
        memory.commit(ids.map((id, i) => (rows[i] ? { put: rows[i] } : { del: id })));
        changed(db);
      });
    };
  }
  return channel;
}

function committed(db: ListDb, ops: Op[]) {
  memories.get(db)?.commit(ops);
  changed(db);
  const all = ops.some((op) => 'range' in op);
  channelOf(db)?.postMessage(all ? { all: true } : { ids: ops.map((op) => ('put' in op ? op.put.id : (op as { del: string }).del)) });
}

/** Writes of one transaction, kept until it commits. */
const pending = new WeakMap<object, Op[]>();

function noteWrite(db: ListDb, req: DBCoreMutateRequest) {
  let trans: Transaction | null = Dexie.currentTransaction;
  while (trans?.parent) trans = trans.parent;
  const key = trans ?? req.trans;
  let ops = pending.get(key);
  if (!ops) {
    const mine: Op[] = [];
    ops = mine;
    pending.set(key, ops);
    // The transaction's own completion: it runs before whoever awaits the write goes on, so what was
    // saved is listed at once. Outside Dexie's transactions, the IndexedDB event.
    if (trans) trans.on('complete', () => committed(db, mine));
    else (req.trans as unknown as EventTarget).addEventListener('complete', () => committed(db, mine));
  }
  if (req.type === 'put' || req.type === 'add') for (const row of req.values as StartupIndexRow[]) ops.push({ put: row });
  else if (req.type === 'delete') for (const id of req.keys as string[]) ops.push({ del: id });
  else ops.push({ range: req.range });
}

/** Sees every write of the list rows, whoever makes it. */
export const listChanges = (db: ListDb): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'listMemory',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'startupIndex') return table;
      return {
        ...table,
        // Dexie's own promise, not an await: a native one between its requests lets the transaction commit.
        mutate: (req) =>
          table.mutate(req).then((res) => {
            noteWrite(db, req);
            return res;
          }),
      };
    },
  }),
});
