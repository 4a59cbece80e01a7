import type { TFunction } from 'i18next';
import type { SyncErrorNote } from '../../store/syncState';
import { asFailure } from '../../sync/failure';

/** Why sync (or a request of the sync page) failed, in the manager's language. */
export const describeFailure = ({ kind, detail }: Pick<SyncErrorNote, 'kind' | 'detail'>, t: TFunction) =>
  t(`sync.errors.${kind}`, { detail: kind === 'unconfigured' ? t(`sync.missing.${detail}`) : detail });

export const failureText = (error: unknown, t: TFunction) => describeFailure(asFailure(error), t);
