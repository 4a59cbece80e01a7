import { init } from './001_init';
import { wideIds } from './002_wide_ids';
import { nationalKeys } from './003_national_keys';
import { residentCounts } from './004_resident_counts';
import { desks } from './005_desks';
import { consoleAccounts } from './020_console';
import { verificationQueue } from './021_verification_queue';
import { carrierFigures } from './022_carrier_figures';
import { crossCarrierFindings } from './023_cross_carrier_findings';
import type { RosterMigration } from './migration';

export type { RosterMigration } from './migration';

/**
 * Applied in key order; never edit one that has shipped, add the next number. A roster that already ran
 * 020 and 021 runs 005 after them (the migrator allows it): 005 touches nothing they made.
 */
export const migrations: Record<string, RosterMigration> = {
  '001_init': init,
  '002_wide_ids': wideIds,
  '003_national_keys': nationalKeys,
  '004_resident_counts': residentCounts,
  '005_desks': desks,
  '020_console': consoleAccounts,
  '021_verification_queue': verificationQueue,
  '022_carrier_figures': carrierFigures,
  '023_cross_carrier_findings': crossCarrierFindings,
};
