import type { SyncView } from './useSync';

export type BadgeState = 'unconfigured' | 'offline' | 'syncing' | 'error' | 'attention' | 'pending' | 'synced';

/** One word for the badge; the network and a missing setup come first, since they explain the rest. */
export function badgeState({ online, runner, status }: Pick<SyncView, 'online' | 'runner' | 'status'>): BadgeState {
  const failure = runner.lastFailure ?? status?.lastError?.kind;
  if (!online || failure === 'offline') return 'offline';
  if (failure === 'unconfigured') return 'unconfigured';
  if (runner.syncing) return 'syncing';
  if (failure) return 'error';
  if (status?.attention) return 'attention';
  if (status?.pending) return 'pending';
  return 'synced';
}
