import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRosterProcess } from '../../support/rosterProcess';

export interface E2eRoster {
  url: string;
  /** The carrier's token, as the authority issues it. */
  token: string;
  stop(): Promise<void>;
}

/** The real roster service on a free loopback port, over a SQLite file of the test's own, with one carrier. */
export async function startCarrierRoster(carrierCode: string): Promise<E2eRoster> {
  const adminToken = 'e2e-admin-token';
  const dir = mkdtempSync(join(tmpdir(), 'desk-e2e-roster-'));
  const roster = await startRosterProcess(['--db', join(dir, 'roster.sqlite')], { ROSTER_ADMIN_TOKEN: adminToken });
  const created = await fetch(`${roster.url}/v1/admin/carriers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: carrierCode, name: '青山湖创业孵化基地' }),
  });
  const { token } = (await created.json()) as { token: string };
  return {
    url: roster.url,
    token,
    stop: async () => {
      await roster.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
