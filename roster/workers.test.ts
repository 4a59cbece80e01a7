import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startRosterProcess, type RosterProcess } from '../test/support/rosterProcess';
import { createCarrier } from './admin/actions';
import { workerHeader } from './config';
import { type OpenStore, openStore } from './db/open';
import { inBatches } from './fixtures';
import { backends, type FreshDatabase } from './testing/backends';
import { checkExactlyOnce, type Desk, deskMutations, pushUntilAnswered } from './testing/deskLoad';

const perDesk = 300;
const batchSize = 50;

// Several workers only make sense on PostgreSQL (the service refuses them on SQLite).
const postgres = backends.find((b) => b.name === 'pg')!;

const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The worker that answers a health check on a connection of its own (a kept-alive one stays with one worker). */
const answeringWorker = (url: string): Promise<string> =>
  new Promise((resolve, reject) => {
    get(`${url}/v1/health`, { agent: false }, (response) => {
      response.resume();
      resolve(String(response.headers[workerHeader]));
    }).once('error', reject);
  });

async function until(what: string, holds: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await holds()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('the roster with --workers 2 on PostgreSQL', () => {
  let database: FreshDatabase | undefined;
  let store: OpenStore | undefined;
  let service: RosterProcess | undefined;
  afterEach(async () => {
    await service?.kill('SIGTERM');
    await store?.close();
    await database?.dispose();
  });

  it('spreads the pushes over both workers, replaces one that dies, applies each mutation once and stops on SIGTERM', { timeout: 180_000 }, async () => {
    database = await postgres.fresh();
    store = await openStore(database.location);
    const carrier = await createCarrier(store, { code: 'C-WORK-A', name: '多进程载体甲' });
    const desks: Desk[] = ['w1', 'w2', 'w3'].map((records) => ({ carrierCode: carrier.code, clientId: `desk-work-${records}`, token: carrier.token, records, lastAnswered: 0 }));
    service = await startRosterProcess([...database.flags, '--workers', '2']);
    const target = () => service!.url;
    await until('both workers run', () => childrenOf(service!.pid).length === 2);

    const answeredBy = new Set<string>();
    await until('both workers answered', async () => answeredBy.add(await answeringWorker(service!.url)).size === 2);

    // Halfway through, one worker is killed; the primary starts another and the desks resend what went unanswered.
    const [victim] = childrenOf(service.pid);
    await Promise.all(
      desks.map(async (desk, d) => {
        for (const [i, batch] of inBatches(deskMutations(desk, 1, perDesk), batchSize).entries()) {
          if (d === 0 && i === 3) process.kill(victim!, 'SIGKILL');
          // Not "one applied, one duplicate": the killed worker may have committed a batch and died before answering.
          await Promise.all([pushUntilAnswered(target, desk, batch), pushUntilAnswered(target, desk, batch)]);
        }
      }),
    );
    await until('a new worker replaced the dead one', () => !alive(victim!) && childrenOf(service!.pid).filter((pid) => pid !== victim).length === 2);

    const check = await checkExactlyOnce(store, target, desks);
    expect(check).toEqual({ resent: desks.length * perDesk, notDuplicate: 0, lost: 0, doubled: 0, outOfOrder: 0, badRosterIds: 0 });

    const workers = childrenOf(service.pid);
    await service.kill('SIGTERM');
    service = undefined;
    expect(workers.filter(alive)).toEqual([]);
  });
});
