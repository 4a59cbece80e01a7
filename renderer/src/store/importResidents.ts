import type { Table } from 'dexie';
import { mergeImported } from '@core/import';
import type { Founder, Startup } from '@core/records';
import { normalizeCode } from '@core/text';
import type { DeskDb, TallyRow } from './db';
import { operatorName } from './operator';
import { rebuildStartupIndex } from './rebuildIndex';
import { prepareSeals, unsealFounders } from './sealing';
import { applyTallies } from './tallies';
import { writeManyInTx, writeTables } from './write';

export interface ImportRow {
  startup: Startup;
  founder?: Founder;
  /** The id of the startup this row updates, when the desk already holds its credit code. */
  updates?: string;
}

/** What the desk decides about a startup, never overwritten by a spreadsheet. */
const deskOwned = ['id', 'status', 'exitKind', 'exitedOn', 'voidedReason', 'voidedAt', 'rosterId', 'verification', 'verificationNote', 'keyProjectDesignated'] as const;

/** Keys asked for at once: issuing a query costs the page about 0.1 ms, so a batch stays a short task. */
const LOOKUP_BATCH = 250;

/**
 * Records whose `index` holds one of `keys`, asked a batch at a time in one transaction: `anyOf` walks
 * a cursor from key to key, a round trip each, and 5,000 credit codes took seconds.
 */
async function withKeys<T, I>(db: DeskDb, table: Table<T, string, I>, index: string, keys: string[]): Promise<T[]> {
  return db.transaction('r', table, async () => {
    const found: T[] = [];
    for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
      for (const rows of await Promise.all(keys.slice(i, i + LOOKUP_BATCH).map((key) => table.where(index).equals(key).toArray()))) found.push(...rows);
    }
    return found;
  });
}

/** Lookups the import preview needs, read once through indexes for the codes the file holds. */
export async function importLookups(db: DeskDb, creditCodes: string[]) {
  const codes = [...new Set(creditCodes.map(normalizeCode).filter(Boolean))];
  const existing = await withKeys(db, db.startups, 'creditCode', codes);
  const byCode = new Map(existing.map((s) => [s.creditCode!, s.id]));
  const founders = await unsealFounders(await withKeys(db, db.founders, 'startupId', existing.map((s) => s.id)));
  const founderKey = new Map(founders.map((f) => [`${f.startupId}|${f.idNumber}`, f.id]));
  return {
    existingByCreditCode: (code: string) => byCode.get(code),
    existingFounder: (startupId: string, idNumber: string) => founderKey.get(`${startupId}|${idNumber}`),
  };
}

/**
 * Stands in for the tallies table while the import rebuilds index rows step by step: the kept totals
 * the steps move are summed here, to be added to the real ones once at the end. 500 startups move about
 * 5,700 totals (a search term, a day, a filter value each) and 5,000 about 27,000: added per step,
 * most totals were read and written again by every step, and that took half the import.
 */
export class TallySum {
  readonly sum = new Map<string, number>();
  /** Adds what was summed to the kept totals, `TALLY_STEP` at a time. */
  async addTo(tallies: DeskDb['tallies']) {
    const moved = [...this.sum];
    for (let i = 0; i < moved.length; i += TALLY_STEP) await applyTallies(tallies, new Map(moved.slice(i, i + TALLY_STEP)));
  }
  async bulkGet(keys: string[]): Promise<(TallyRow | undefined)[]> {
    return keys.map((key) => (this.sum.has(key) ? { key, n: this.sum.get(key)! } : undefined));
  }
  async bulkPut(rows: TallyRow[]) {
    for (const { key, n } of rows) this.sum.set(key, n);
  }
  async bulkDelete(keys: string[]) {
    for (const key of keys) this.sum.delete(key);
  }
}

/** Totals added per request at the end of an import, so none of those requests holds the page long. */
const TALLY_STEP = 500;

/**
 * Rows per step of the import. Each step's requests are issued from the last step's answers, in a task
 * of their own (the transaction stays open across them), so the page keeps painting: 5,000 rows
 * validated and written at once held the main thread for 0.7–0.9 s.
 */
export const IMPORT_STEP = 150;

export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Imports the previewed rows in one transaction: every row whole or none at all. A row for a startup the
 * desk already holds updates it, keeping what the desk itself decided (status, exit, void, roster).
 * The rows go in steps of `IMPORT_STEP`: each step writes its startups, then their founders, in bulk
 * (each record with its audit and outbox entry) and the list's index rows once for both.
 */
export async function importResidents(db: DeskDb, rows: ImportRow[], onProgress?: (p: ImportProgress) => void, step = IMPORT_STEP): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  const who = operatorName();
  const sealed = await prepareSeals(db, rows.flatMap((r) => (r.founder ? [r.founder] : [])));
  await db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    const totals = new TallySum();
    const indexTables = { startups: db.startups, founders: db.founders, startupIndex: db.startupIndex, tallies: totals as unknown as Table };
    for (let i = 0; i < rows.length; i += step) {
      const part = rows.slice(i, i + step);
      const targets = part.flatMap((r) => (r.updates ? [r.updates] : []));
      const existing = new Map(targets.length ? (await db.startups.bulkGet(targets)).map((s, k) => [targets[k]!, s]) : []);
      const startups = part.map((row) => {
        if (!row.updates) {
          added++;
          return row.startup;
        }
        const before = existing.get(row.updates);
        if (!before) return row.startup;
        updated++;
        const startup = mergeImported(before, row.startup);
        for (const key of deskOwned) (startup as Record<string, unknown>)[key] = before[key];
        return startup;
      });
      const saved = await writeManyInTx(db, 'startup', startups, who, { reindex: false });
      const withFounder = part.flatMap((row, k) => (row.founder ? [{ founder: row.founder, startupId: saved[k]!.id, updates: !!row.updates }] : []));
      // Only a startup being updated can already hold the founder: its stored fields the sheet lacks are kept.
      const known = withFounder.filter((x) => x.updates).map((x) => x.founder.id);
      const stored = new Map(known.length ? (await db.founders.bulkGet(known)).map((f, k) => [known[k]!, f]) : []);
      const founders = withFounder.map((x) => ({ ...stored.get(x.founder.id), ...x.founder, startupId: x.startupId }));
      await writeManyInTx(db, 'founder', founders, who, { stored: sealed, reindex: false });
      await rebuildStartupIndex(indexTables, saved.map((s) => s.id));
      onProgress?.({ done: i + part.length, total: rows.length });
    }
    await totals.addTo(db.tallies);
  });
  return { added, updated };
}
