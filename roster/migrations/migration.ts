import type { Kysely } from 'kysely';
import type { Dialect } from '../db/schema';

/** A numbered migration; it is told the dialect because auto-numbered keys are spelled differently. */
export interface RosterMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}
