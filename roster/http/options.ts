import type { Store } from '../db/schema';

/** What the service is built with; each group of routes reads what it needs. */
export interface AppOptions {
  store: Store;
  /** Admin endpoints answer 403 when no admin token is configured. */
  adminToken?: string;
  /** Tests only: milliseconds each batch's transaction is held open, so a kill lands inside it. */
  applyDelayMs?: number;
  /** The clock (join codes' 24 hours, desks' last seen); tests move it. */
  now?: () => Date;
}
