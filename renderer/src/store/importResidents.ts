import type { Table } from 'dexie';
import { mergeImported } from '@core/import';
import type { Founder, Startup } from '@core/records';
import type { DeskDb } from './db';
import type { TallyRow } from './tallies';
import { operatorName } from './operator';
import { rebuildStartupIndex } from './rebuildIndex';
import { prepareSeals } from './sealing';
import { applyTallies } from './tallies';
import { writeManyInTx, writeTables } from './write';

export interface ImportRow {
  startup: Startup;
  founder?: Founder;
  /** The id of the startup this row updates, when the desk already holds it (see core/import/matching). */
  updates?: string;
  /** The startup updated had exited or was voided: it is admitted again. */
  readmits?: boolean;
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
  const updatedIds = new Set<string>();
  const who = operatorName();
  const sealed = await prepareSeals(db, rows.flatMap((r) => (r.founder ? [r.founder] : [])));
  await db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    const totals = new TallySum();
    const written = new Set<string>();
    const indexTables = { startups: db.startups, founders: db.founders, startupIndex: db.startupIndex, tallies: totals as unknown as Table };
    for (let i = 0; i < rows.length; i += step) {
      const part = rows.slice(i, i + step);
      const targets = part.flatMap((r) => (r.updates ? [r.updates] : []));
      const existing = new Map(targets.length ? (await db.startups.bulkGet(targets)).map((s, k) => [targets[k]!, s]) : []);
      // A startup is written once, by its first row; later rows of it (one per founder) add their founder.
      const firstRows = part.filter((row) => !written.has(row.startup.id) && !!written.add(row.startup.id));
      const startups = firstRows.map((row) => {
        const before = row.updates ? existing.get(row.updates) : undefined;
        if (!before) added++;
        return before ? mergeImported(before, row.startup, row.readmits) : row.startup;
      });
      const saved = await writeManyInTx(db, 'startup', startups, who, { reindex: false });
      // A record that changed nothing keeps its stored time: a startup counts as updated when it, or a founder of it, changed.
      saved.forEach((s, k) => {
        const before = existing.get(firstRows[k]!.updates ?? '');
        if (before && s.updatedAt !== before.updatedAt) updatedIds.add(s.id);
      });
      const withFounder = part.flatMap((row) => (row.founder ? [{ founder: row.founder, startupId: row.updates ?? row.startup.id, updates: !!row.updates }] : []));
      // Only a startup being updated can already hold the founder: its stored fields the sheet lacks are kept.
      const known = withFounder.filter((x) => x.updates).map((x) => x.founder.id);
      const stored = new Map(known.length ? (await db.founders.bulkGet(known)).map((f, k) => [known[k]!, f]) : []);
      const founders = withFounder.map((x) => ({ ...stored.get(x.founder.id), ...x.founder, startupId: x.startupId }));
      const savedFounders = await writeManyInTx(db, 'founder', founders, who, { stored: sealed, reindex: false });
      savedFounders.forEach((f, k) => {
        const before = stored.get(f.id);
        if (withFounder[k]!.updates && f.updatedAt !== before?.updatedAt) updatedIds.add(f.startupId);
      });
      await rebuildStartupIndex(indexTables, [...new Set([...saved.map((s) => s.id), ...withFounder.map((x) => x.startupId)])]);
      onProgress?.({ done: i + part.length, total: rows.length });
    }
    await totals.addTo(db.tallies);
  });
  return { added, updated: updatedIds.size };
}
