import type { DeskBridge } from '@core/bridge';
import type { DeskDb } from '../store/db';
import { readSyncStatus } from '../store/syncState';
import type { RosterEndpoint } from './client';
import { SyncFailure } from './failure';

/** The roster's address from the desk's settings, the token from the bridge's secret store. */
export async function deskEndpoint(db: DeskDb, bridge: Pick<DeskBridge, 'getSecret' | 'rosterRequest'>): Promise<RosterEndpoint> {
  const [{ rosterUrl }, token] = await Promise.all([readSyncStatus(db), bridge.getSecret('rosterToken')]);
  if (!rosterUrl) throw new SyncFailure('unconfigured', 'rosterUrl');
  if (!token) throw new SyncFailure('unconfigured', 'token');
  return { url: rosterUrl, token, transport: (request) => bridge.rosterRequest(request) };
}
