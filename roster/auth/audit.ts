import type { Kysely } from 'kysely';
import type { RosterSchema, Store } from '../db/schema';
import type { AuditAction, AuditEntry } from '../http/consoleApi';
import type { Account } from './accounts';

/** Appends one officer action; the table has no update or delete path (its triggers refuse both). */
export async function appendAudit(
  db: Kysely<RosterSchema>,
  account: Account,
  action: AuditAction,
  carrierCode: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('console_audit')
    .values({ at: new Date().toISOString(), login: account.login, scope: account.scope, action, carrier_code: carrierCode, detail: JSON.stringify(detail) })
    .execute();
}

/** The newest entries about carriers inside the account's scope (and, for the nation, every entry). */
export async function readAudit(store: Store, account: Account, limit = 200): Promise<AuditEntry[]> {
  let query = store.db
    .selectFrom('console_audit')
    .leftJoin('carrier_profiles', 'carrier_profiles.carrier_code', 'console_audit.carrier_code')
    .select(['id', 'at', 'login', 'action', 'console_audit.carrier_code', 'detail'])
    .orderBy('id', 'desc')
    .limit(limit);
  if (account.scope !== 'nation') query = query.where('carrier_profiles.region_code', 'like', `${account.scope}%`);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    login: r.login,
    action: r.action as AuditAction,
    carrierCode: r.carrier_code,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
