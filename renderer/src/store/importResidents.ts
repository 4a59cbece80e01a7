import type { Founder, Startup } from '@core/records';
import { normalizeCode } from '@core/text';
import type { DeskDb } from './db';
import { operatorName } from './operator';
import { prepareSeals, unsealFounders } from './sealing';
import { writeInTx, writeTables } from './write';

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
 */
export async function importResidents(db: DeskDb, rows: ImportRow[]): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  const sealed = await prepareSeals(db, rows.flatMap((r) => (r.founder ? [r.founder] : [])));
  await db.transaction('rw', writeTables(db, 'startup', 'founder'), async () => {
    for (const row of rows) {
      let startup: Startup = row.startup;
      if (row.updates) {
        const existing = await db.startups.get(row.updates);
        if (existing) {
          startup = { ...existing, ...row.startup };
          for (const key of deskOwned) (startup as Record<string, unknown>)[key] = existing[key];
          updated++;
        }
      } else added++;
      const saved = await writeInTx(db, 'startup', startup, operatorName());
      if (row.founder) {
        const before = await db.founders.get(row.founder.id);
        await writeInTx(db, 'founder', { ...before, ...row.founder, startupId: saved.id }, operatorName(), sealed);
      }
    }
  });
  return { added, updated };
}
