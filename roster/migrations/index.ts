import type { Kysely } from 'kysely';
import type { Dialect } from '../db/schema';
import { init } from './001_init';
import { wideIds } from './002_wide_ids';

/** A numbered migration; it is told the dialect because auto-numbered keys are spelled differently. */
export interface RosterMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Applied in key order; never edit one that has shipped, add the next number. */
export const migrations: Record<string, RosterMigration> = {
  '001_init': init,
  '002_wide_ids': wideIds,
};
