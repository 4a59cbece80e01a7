import Dexie, { type EntityTable } from 'dexie';
import type { Carrier, Claim, Evaluation, Exit, Founder, Mentor, Report, Session, Startup, Template } from '@core/records';
import type { OutboxEntry } from '@core/sync/protocol';
import { listChanges } from './listMemory';
import { schemaVersions } from './schema';
import type { StartupIndexRow } from './startupIndex';
import type { TallyRow } from './tallies';

export interface AuditEntry {
  seq?: number;
  at: string;
  who: string;
  entity: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export type DeskDb = Dexie & {
  carrier: EntityTable<Carrier, 'id'>;
  startups: EntityTable<Startup, 'id'>;
  founders: EntityTable<Founder, 'id'>;
  reports: EntityTable<Report, 'id'>;
  mentors: EntityTable<Mentor, 'id'>;
  sessions: EntityTable<Session, 'id'>;
  templates: EntityTable<Template, 'id'>;
  evaluations: EntityTable<Evaluation, 'id'>;
  exits: EntityTable<Exit, 'id'>;
  claims: EntityTable<Claim, 'id'>;
  audit: EntityTable<AuditEntry, 'seq'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaEntry, 'key'>;
  startupIndex: EntityTable<StartupIndexRow, 'id'>;
  tallies: EntityTable<TallyRow, 'key'>;
};


export const DB_NAME = 'incubator-desk';

/** Opens the desk's database at the given schema version (tests open older versions to prove upgrades). */
export function openDb(name = DB_NAME, upTo = schemaVersions.length): DeskDb {
  // Chromium relaxed IndexedDB durability in v121; a record the manager saved must survive a power cut.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as DeskDb;
  for (const v of schemaVersions.slice(0, upTo)) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  db.use(listChanges(db));
  return db;
}

export const db = openDb();
