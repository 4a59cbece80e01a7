import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { RosterMigration } from './migration';

/**
 * The authority's console: personal accounts with a scope, their sessions, failed sign-ins (the
 * lockout counts them in the database, so several service processes count together), the officers'
 * audit log, and where the authority registered each carrier (the scope is checked against it).
 */
export const consoleAccounts: RosterMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const autoKey = (c: ColumnDefinitionBuilder) => (dialect === 'pg' ? c.primaryKey() : c.primaryKey().autoIncrement());
    const autoType = dialect === 'pg' ? 'serial' : 'integer';

    await db.schema
      .createTable('console_accounts')
      .addColumn('login', 'text', (c) => c.primaryKey())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('console_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('login', 'text', (c) => c.notNull().references('console_accounts.login'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('console_login_failures')
      .addColumn('id', autoType, autoKey)
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('console_login_failures_subject').on('console_login_failures').columns(['subject', 'at']).execute();

    await db.schema
      .createTable('console_audit')
      .addColumn('id', autoType, autoKey)
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('login', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('carrier_code', 'text')
      .addColumn('detail', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('console_audit_carrier').on('console_audit').columns(['carrier_code', 'id']).execute();
    // The log cannot be edited, not even by a bug in the service: the database itself refuses.
    if (dialect === 'pg') {
      await sql`create function console_audit_append_only() returns trigger language plpgsql as $$
        begin raise exception 'console_audit is append-only'; end $$`.execute(db);
      await sql`create trigger console_audit_no_change before update or delete on console_audit
        for each row execute function console_audit_append_only()`.execute(db);
    } else {
      await sql`create trigger console_audit_no_update before update on console_audit
        begin select raise(abort, 'console_audit is append-only'); end`.execute(db);
      await sql`create trigger console_audit_no_delete before delete on console_audit
        begin select raise(abort, 'console_audit is append-only'); end`.execute(db);
    }

    await db.schema
      .createTable('carrier_profiles')
      .addColumn('carrier_code', 'text', (c) => c.primaryKey().references('carriers.code'))
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('line', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('carrier_profiles_region').on('carrier_profiles').columns(['region_code']).execute();
  },
};
