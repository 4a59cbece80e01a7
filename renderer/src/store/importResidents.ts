import type { Founder, Startup } from '@core/records';
import { normalizeCode } from '@core/text';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { prepareSeals, unsealFounders } from './sealing';
import { writeManyInTx, writeTables } from './write';

export interface ImportRow {
  startup: Startup;
  founder?: Founder;
  /** The id of the startup this row updates, when the desk already holds its credit code. */
  updates?: string;
}

/** What the desk decides about a startup, never overwritten by a spreadsheet. */
const deskOwned = ['id', 'status', 'exitKind', 'exitedOn', 'voidedReason', 'voidedAt', 'rosterId', 'verification', 'verificationNote', 'keyProjectDesignated'] as const;

/** Lookups the import preview needs, read once through indexes for the codes the file holds. */
export async function importLookups(db: DeskDb, creditCodes: string[]) {
  const codes = [...new Set(creditCodes.map(normalizeCode).filter(Boolean))];
  const existing = await db.startups.where('creditCode').anyOf(codes).toArray();
  const byCode = new Map(existing.map((s) => [s.creditCode!, s.id]));
  const founders = await unsealFounders(await db.founders.where('startupId').anyOf(existing.map((s) => s.id)).toArray());
  const founderKey = new Map(founders.map((f) => [`${f.startupId}|${f.idNumber}`, f.id]));
  return {
    existingByCreditCode: (code: string) => byCode.get(code),
    existingFounder: (startupId: string, idNumber: string) => founderKey.get(`${startupId}|${idNumber}`),
  };
}

/**
 * Imports the previewed rows in one transaction: every row whole or none at all. A row for a startup the
 * desk already holds updates it, keeping what the desk itself decided (status, exit, void, roster).
 * The rows are written in bulk (startups, then founders), each record with its audit and outbox entry.
 */
export async function importResidents(db: DeskDb, rows: ImportRow[]): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  const sealed = await prepareSeals(db, rows.flatMap((r) => (r.founder ? [r.founder] : [])));
  await db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    const targets = rows.flatMap((r) => (r.updates ? [r.updates] : []));
    const existing = new Map((await db.startups.bulkGet(targets)).map((s, i) => [targets[i]!, s]));
    const startups = rows.map((row) => {
      if (!row.updates) {
        added++;
        return row.startup;
      }
      const before = existing.get(row.updates);
      if (!before) return row.startup;
      updated++;
      const startup: Startup = { ...before, ...row.startup };
      for (const key of deskOwned) (startup as Record<string, unknown>)[key] = before[key];
      return startup;
    });
    const saved = await writeManyInTx(db, 'startup', startups, operatorName());
    const withFounder = rows.flatMap((row, i) => (row.founder ? [{ founder: row.founder, startupId: saved[i]!.id }] : []));
    const before = await db.founders.bulkGet(withFounder.map((x) => x.founder.id));
    await writeManyInTx(db, 'founder', withFounder.map((x, i) => ({ ...before[i], ...x.founder, startupId: x.startupId })), operatorName(), sealed);
  });
  return { added, updated };
}
