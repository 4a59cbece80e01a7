import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRosterCli } from '../test/support/rosterProcess';
import { openStore } from './db/open';
import { readChanges } from './store/changes';
import { carrierOfToken } from './store/tokens';
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
      expect(await carrierOfToken(store, `Bearer ${token}`)).toEqual({ code: 'C-CLI', status: 'listed' });
      const { changes } = await readChanges(store, 'C-CLI', 0, 10);
      expect(changes.map((c) => c.kind)).toEqual(['carrierStatus', 'template']);
    } finally {
      await store.close();
    }
  });
});
