import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateIncubator } from '@core/demo/generate';
import { openDb, type DeskDb } from './db';
import { importResidents, type ImportRow } from './importResidents';
import { ValidationError } from './write';

let db: DeskDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`import-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

const rows = (count: number, prefix = 'imp-'): ImportRow[] => {
  const inc = generateIncubator({ startups: count, sessionsPerStartup: 0, quarters: 0, today: '2025-11-15', idPrefix: prefix });
  return inc.startups.map((startup) => ({ startup, founder: inc.founders.find((f) => f.startupId === startup.id) }));
};

describe('importResidents (bulk)', () => {
  it('writes every row with its audit entry, index row and one outbox entry, ids consecutive', async () => {
    const input = rows(30);
    expect(await importResidents(db, input)).toEqual({ added: 30, updated: 0 });
    expect(await db.startups.count()).toBe(30);
    expect(await db.founders.count()).toBe(30);
    expect(await db.startupIndex.count()).toBe(30);
    expect(await db.audit.count()).toBe(60);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.mutationId)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(outbox.map((e) => e.clientId)).size).toBe(1);
    expect((await db.meta.get('nextMutationId'))?.value).toBe(61);
    expect((await db.startupIndex.get(input[0]!.startup.id))?.founders).toBe(input[0]!.founder!.name);
  });

  it('an update keeps what the desk decided; an unchanged row writes nothing', async () => {
    const [row] = rows(1);
    await importResidents(db, [row!]);
    const id = row!.startup.id;
    await db.startups.update(id, { status: 'exited', rosterId: 'RS00000001' });
    const before = await db.audit.count();
    expect(await importResidents(db, [{ ...row!, startup: { ...row!.startup, id: 'ignored', name: '新名称有限公司', status: 'resident' }, updates: id }])).toEqual({ added: 0, updated: 1 });
    expect(await db.startups.get(id)).toMatchObject({ name: '新名称有限公司', status: 'exited', rosterId: 'RS00000001' });
    expect(await db.audit.count()).toBe(before + 1);
    await importResidents(db, [{ ...row!, startup: { ...row!.startup, name: '新名称有限公司' }, updates: id }]);
    expect(await db.audit.count()).toBe(before + 1);
  });

  it('one invalid row leaves the whole import unwritten', async () => {
    const input = rows(5);
    input[3] = { ...input[3]!, startup: { ...input[3]!.startup, name: '' } };
    await expect(importResidents(db, input)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.startups.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
