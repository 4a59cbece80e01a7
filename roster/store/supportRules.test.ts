import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSupportRules } from '@core/supports';
import { runRosterCli } from '../../test/support/rosterProcess';
import { send, syncClient } from '../client';
import { openStore } from '../db/open';
import { backends, type FreshDatabase } from '../testing/backends';
import { adminToken, type RunningRoster, startRoster } from '../testing/server';
import { readChanges } from './changes';

const zhejiang = { ...defaultSupportRules, version: 3, params: { ...defaultSupportRules.params, startupSubsidy: { ...defaultSupportRules.params.startupSubsidy, amount: 8000 } } };

describe.each(backends)('support rules published by the roster on $name', (backend) => {
  let roster: RunningRoster;
  beforeEach(async () => {
    roster = await startRoster(backend);
  });
  afterEach(() => roster.close());

  const publish = (body: unknown) => send(roster.url, 'POST', '/v1/admin/support-rules', adminToken, body);

  it('goes to every carrier on pull, validated by the rule-set schema, each version once', async () => {
    const desk = syncClient(roster.url, await roster.carrier('C-ZJ'));
    const other = syncClient(roster.url, await roster.carrier('C-JS'));
    expect((await publish({ province: '33', rules: zhejiang })).status).toBe(200);

    for (const client of [desk, other]) {
      const { changes } = await client.pull(0);
      expect(changes.filter((c) => c.kind === 'supportRules').map(({ seq: _seq, ...c }) => c)).toEqual([{ kind: 'supportRules', province: '33', rules: zhejiang }]);
    }

    // A rule set the schema refuses, a province that is not two digits, and a version not above the last: refused, nothing stored.
    const invalid = await publish({ province: '33', rules: { ...zhejiang, version: 4, soonDays: -1 } });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('soonDays');
    expect((await publish({ province: '330', rules: { ...zhejiang, version: 4 } })).status).toBe(400);
    const stale = await publish({ province: '33', rules: zhejiang });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain('version 3');
    // Another province keeps its own versions.
    expect((await publish({ province: '32', rules: { ...zhejiang, version: 1 } })).status).toBe(200);
    expect((await publish({ province: '33', rules: { ...zhejiang, version: 4 } })).status).toBe(200);

    const { changes } = await desk.pull(0);
    expect(changes.filter((c) => c.kind === 'supportRules').map((c) => c.kind === 'supportRules' && [c.province, (c.rules as { version: number }).version])).toEqual([
      ['33', 3],
      ['32', 1],
      ['33', 4],
    ]);
    // Only the admin may publish.
    expect((await send(roster.url, 'POST', '/v1/admin/support-rules', 'not-the-token', { province: '33', rules: { ...zhejiang, version: 9 } })).status).toBe(401);
  });
});

describe.each(backends)('support-rules:publish in the admin CLI on $name', (backend) => {
  let database: FreshDatabase | undefined;
  afterEach(() => database?.dispose());

  it('publishes a rule set file for a province and refuses a bad one with the reason', { timeout: 60_000 }, async () => {
    database = await backend.fresh();
    expect((await runRosterCli([...database.flags, 'carrier:create', 'C-CLI', '杭州某众创空间'])).code).toBe(0);
    const file = join(tmpdir(), `support-rules-${process.pid}-${backend.name}.json`);
    try {
      writeFileSync(file, JSON.stringify(zhejiang));
      expect((await runRosterCli([...database.flags, 'support-rules:publish', '33', file])).code).toBe(0);
      writeFileSync(file, JSON.stringify({ ...zhejiang, version: 0 }));
      const refused = await runRosterCli([...database.flags, 'support-rules:publish', '33', file]);
      expect(refused).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining('version') }));
    } finally {
      rmSync(file, { force: true });
    }
    const store = await openStore(database.location);
    try {
      const { changes } = await readChanges(store, 'C-CLI', 0, 10);
      expect(changes.map(({ seq: _seq, ...c }) => c)).toEqual([
        { kind: 'carrierStatus', rosterCode: 'C-CLI', status: 'listed' },
        { kind: 'supportRules', province: '33', rules: zhejiang },
      ]);
    } finally {
      await store.close();
    }
  });
});
