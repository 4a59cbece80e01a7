import type { SyncFailureKind } from '../store/syncState';

/** Why a sync stopped; the kind picks the message shown, the detail is the roster's reason or the error. */
export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'SyncFailure';
  }
}

export const asFailure = (error: unknown): SyncFailure =>
  error instanceof SyncFailure ? error : new SyncFailure('invalid', error instanceof Error ? error.message : String(error));
