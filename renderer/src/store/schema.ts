import type { Transaction } from 'dexie';
import type { Entity } from '@core/records';
import { scanDuplicates } from './duplicateScan';
import { dropListTallies } from './tallies';
import { rebuildDerived, rebuildIncomplete, type DerivedTables } from './rebuildIndex';

/** Where each record kind lives. */
export const tableOf = {
  carrier: 'carrier',
  startup: 'startups',
  founder: 'founders',
  report: 'reports',
  mentor: 'mentors',
  session: 'sessions',
  template: 'templates',
  evaluation: 'evaluations',
  exit: 'exits',
  claim: 'claims',
} as const satisfies Record<Entity, string>;

const derivedTables = (tx: Transaction): DerivedTables => ({
  startups: tx.table('startups'),
  founders: tx.table('founders'),
  startupIndex: tx.table('startupIndex'),
  tallies: tx.table('tallies'),
  sessions: tx.table('sessions'),
  reports: tx.table('reports'),
  evaluations: tx.table('evaluations'),
  mentors: tx.table('mentors'),
});

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Numbered schema versions. Never change a primary key; a table left out of a later version is kept.
 * Each new version gets an upgrade test that opens data written by the version before it.
 */
export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      carrier: 'id',
      startups: 'id, name, creditCode, status, admittedOn, agreementEndsOn',
      founders: 'id, startupId, name',
      reports: 'id, startupId, period, [startupId+period]',
      mentors: 'id, name',
      sessions: 'id, startsAt, *mentorIds, *startupIds, status',
      templates: 'id',
      evaluations: 'id, startupId, period',
      exits: 'id, startupId, status',
      audit: '++seq, recordId, [entity+recordId], at',
      outbox: '++seq, &mutationId, recordId',
      meta: 'key',
    },
  },
  {
    // The resident list at scale: a derived row per startup with the indexes search, filters and sorting
    // use. Its rows are derived by version 4's upgrade, which derives everything derived anew.
    version: 2,
    stores: {
      startupIndex:
        'id, [state+name], [state+admittedOn], [state+agreementEndsOn], [state+stage], [state+industry], [state+field], [state+key], [state+free], *terms, *groups',
    },
  },
  {
    // Roster sync: mutations the roster rejected (kept until fixed and re-sent) and the version it
    // acknowledged per record. New tables only; nothing to convert.
    version: 3,
    stores: {
      syncAttention: 'mutationId, [entity+recordId]',
      rosterVersions: '[entity+recordId]',
    },
  },
  {
    // At 100,000 startups. The list: a keyset key per filter value and sort order, so a filtered list
    // pages from one index range (version 2's indexes made each filter read and sort its whole slice).
    // The dashboard: counts and sums kept up to date on write (core/tallies), not read from every record.
    version: 4,
    stores: { startupIndex: 'id, *byName, *byAdmittedOn, *byAgreementEndsOn', tallies: 'key' },
    // An async function: Dexie keeps the transaction open across its awaits only for those.
    upgrade: async (tx) => {
      await rebuildDerived(derivedTables(tx));
    },
  },
  {
    // A round read a page at a time in id order (`roundPage`): reading a 100,000-resident round's keys
    // from the period index at once held the page for 141 ms.
    version: 5,
    stores: { evaluations: 'id, startupId, period, [period+id]' },
  },
  {
    // 待补充: a startup's industry, field and stage may wait to be completed, and values the desk
    // proposed wait to be confirmed; the list finds and counts them through a facet of its index rows
    // (`facet.gap`). No index changes: the rows of startups with something to complete are derived anew.
    version: 6,
    stores: {},
    upgrade: async (tx) => {
      await rebuildIncomplete(derivedTables(tx));
    },
  },
  {
    // One person, one ID number (core/identity): the form and the import find the founders holding a
    // number through its index (a sealed founder's holds the masked number, opened to compare). A desk
    // may already hold duplicates from before the rules: they are listed once, for the manager to merge
    // or keep (store/duplicates.ts).
    version: 7,
    stores: { founders: 'id, startupId, name, idNumber' },
    upgrade: async (tx) => {
      await scanDuplicates({ startups: tx.table('startups'), founders: tx.table('founders'), meta: tx.table('meta') });
    },
  },
  {
    // Supports (扶持政策): claims of a support by a startup or its founder, found by startup and by state
    // (open claims, reminders). A new table only; nothing to convert.
    version: 8,
    stores: { claims: 'id, startupId, support, state, remindOn' },
  },
  {
    // Several desks: the conflicts the roster keeps open per record (the value that lost a concurrent
    // edit), listed on the sync page and on the record's file until the manager settles them. A new
    // table only; nothing to convert.
    version: 9,
    stores: { conflicts: 'id, [entity+recordId]' },
  },
  {
    // The list answers from memory (store/listMemory.ts): its rows lose their dozens of keyset keys per
    // filter value and sort order, which every write of a startup paid for, and keep one plain index per
    // sort order for the first page shown before the memory is loaded. The totals kept for the filters go.
    version: 10,
    stores: { startupIndex: 'id, [state+name+id], [state+admittedOn+id], [state+agreementEndsOn+id]' },
    upgrade: async (tx) => {
      await tx.table('startupIndex').toCollection().modify((row: Record<string, unknown>) => {
        delete row.byName;
        delete row.byAdmittedOn;
        delete row.byAgreementEndsOn;
      });
      await dropListTallies(tx.table('tallies'));
    },
  },
  {
    // A join keeps the snapshot's roster versions a page to a row (store/rosterVersions.ts), found by
    // record through the multi-entry index: a row per record was a third of what a join wrote. A new
    // table only; nothing to convert.
    version: 11,
    stores: { joinedVersions: '++seq, *keys' },
  },
];
