import type { Dataset } from './results';

/** What the print desk page (print.html) exposes as `window.printDesk` for the driver. */
export interface PrintDesk {
  /** Fills the desk and drafts a round of `residents` evaluations; resolves with the round's period. */
  prepare(residents: number): Promise<{ period: string; residents: number; dataset: Dataset }>;
}
