import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRosterCli } from '../test/support/rosterProcess';
import { aFounder } from '@core/testing/records';
import { openStore } from './db/open';
import { startupRecord } from './fixtures';
import { readChanges } from './store/changes';
import { joinDesk } from './store/desks';
import { applyPush } from './store/push';
import { callerOfToken } from './store/tokens';
import { backends, type FreshDatabase } from './testing/backends';

describe.each(backends)('roster admin CLI on $name', (backend) => {
  let database: FreshDatabase | undefined;
  afterEach(() => database?.dispose());

  it('creates a carrier with a working token, publishes a template and refuses with a reason', { timeout: 60_000 }, async () => {
    database = await backend.fresh();
    const created = await runRosterCli([...database.flags, 'carrier:create', 'C-CLI', '杭州某众创空间']);
    expect(created.code).toBe(0);
    const { token } = JSON.parse(created.stdout) as { token: string };

    const file = join(tmpdir(), `template-${process.pid}-${backend.name}.json`);
    const template = {
      id: 'tpl-cli',
      updatedAt: '2026-01-01T00:00:00Z',
      name: '季度评价',
      version: 2,
      periodKind: 'quarter',
      indicators: [{ key: 'mentoring', label: '导师辅导', group: '服务', max: 5, rule: { kind: 'manual', rubric: '按辅导记录评分' } }],
      grades: [{ grade: 'pass', min: 60 }],
    };
    writeFileSync(file, JSON.stringify(template));
    expect((await runRosterCli([...database.flags, 'template:publish', file])).code).toBe(0);
    rmSync(file);

    const refused = await runRosterCli([...database.flags, 'startup:verify', 'C-CLI', 's404', 'mismatch', '名称不符']);
    expect(refused).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining('has not reported startup s404') }));
    expect((await runRosterCli([...database.flags, 'no-such-command'])).code).toBe(2);

    const store = await openStore(database.location);
    try {
      expect(await callerOfToken(store, `Bearer ${token}`)).toEqual({ code: 'C-CLI', status: 'listed', compactedTo: 0 });
      const { changes } = await readChanges(store, 'C-CLI', 0, 10);
      expect(changes.map((c) => c.kind)).toEqual(['carrierStatus', 'template']);
    } finally {
      await store.close();
    }
  });

  it('reports findings and a credit code across the country to the authority, ID numbers masked', { timeout: 120_000 }, async () => {
    database = await backend.fresh();
    const store = await openStore(database.location);
    try {
      const at = '2026-01-01T00:00:00Z';
      for (const code of ['C-A', 'C-B']) {
        await store.db.insertInto('carriers').values({ code, name: code, status: 'listed', token_hash: code, created_at: at }).execute();
        await store.db
          .insertInto('records')
          .values([
            { carrier_code: code, entity: 'startup', record_id: `${code}-s1`, data: JSON.stringify({ ...startupRecord(`${code}-s1`, 1), name: `${code}企业` }), deleted: 0, version: 1, updated_at: at },
            { carrier_code: code, entity: 'founder', record_id: `${code}-f1`, data: JSON.stringify(aFounder(`${code}-f1`, `${code}-s1`)), deleted: 0, version: 1, updated_at: at },
          ])
          .execute();
      }
    } finally {
      await store.close();
    }
    const founders = await runRosterCli([...database.flags, 'findings', 'founder']);
    expect(founders.code).toBe(0);
    expect(founders.stdout).not.toContain('11010519491231002X');
    expect(JSON.parse(founders.stdout)).toEqual({
      findings: [{ idNumber: '110105********002X', founders: [expect.objectContaining({ carrierCode: 'C-A', founderId: 'C-A-f1' }), expect.objectContaining({ carrierCode: 'C-B' })] }],
    });
    const code = String(startupRecord('x', 1).creditCode);
    expect(JSON.parse((await runRosterCli([...database.flags, 'startup:lookup', code])).stdout).holders).toHaveLength(2);
    expect(await runRosterCli([...database.flags, 'findings', 'everything'])).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining('kind: creditCode or founder') }));
  });

  it('makes a join code a desk joins with, and compacts relayed changes every live desk has pulled', { timeout: 60_000 }, async () => {
    database = await backend.fresh();
    expect((await runRosterCli([...database.flags, 'carrier:create', 'C-DESKS', '多台载体'])).code).toBe(0);
    const made = await runRosterCli([...database.flags, 'join-code:create', 'C-DESKS']);
    expect(made.code).toBe(0);
    const { code: joinCode, expiresAt } = JSON.parse(made.stdout) as { code: string; expiresAt: string };
    expect(joinCode).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(await runRosterCli([...database.flags, 'join-code:create', 'C-NONE'])).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining('unknown carrier C-NONE') }));

    const store = await openStore(database.location);
    try {
      await joinDesk(store, { joinCode, clientId: 'cli-desk-0001', deskName: '前台' }, new Date());
      const mutations = [{ mutationId: 1, entity: 'startup', recordId: 's1', op: 'upsert' as const, record: startupRecord('s1', 1), createdAt: 'now' }];
      await applyPush(store, 'C-DESKS', { carrierCode: 'C-DESKS', clientId: 'cli-desk-0002', mutations });
      await store.db.updateTable('desks').set({ pulled_to: 1_000 }).where('carrier_code', '=', 'C-DESKS').execute();
    } finally {
      await store.close();
    }
    const compacted = await runRosterCli([...database.flags, 'changes:compact', 'C-DESKS']);
    expect(compacted.code).toBe(0);
    expect(JSON.parse(compacted.stdout)).toEqual([{ carrierCode: 'C-DESKS', compactedTo: 1_000, deleted: 1 }]);
    expect(JSON.parse((await runRosterCli([...database.flags, 'changes:compact'])).stdout)).toEqual([{ carrierCode: 'C-DESKS', compactedTo: 1_000, deleted: 0 }]);
  });
});
