import { afterEach, describe, expect, it } from 'vitest';
import { aFounder } from '@core/testing/records';
import type { Mutation } from '@core/sync/protocol';
import { idNumberCheckChar } from '@core/validators/idNumber';
import { createCarrier } from '../admin/actions';
import { openStore, type OpenStore } from '../db/open';
import { creditCodeFor, startupRecord } from '../fixtures';
import { applyPush } from '../store/push';
import { hashToken } from '../store/tokens';
import { backends, type FreshDatabase } from '../testing/backends';
import { countFindings } from './023_cross_carrier_findings';

const X = '11010519491231002X';
const Y = `11010519900101001${idNumberCheckChar('11010519900101001')}`;

describe.each(backends)('migration 023 (cross-carrier findings) on $name', (backend) => {
  let database: FreshDatabase | undefined;
  let store: OpenStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await database?.dispose();
  });

  /** The keys held at two carriers or more, by the tables' partial indexes, and at how many. */
  const findings = async (s: OpenStore) => ({
    creditCodes: await s.db.selectFrom('credit_code_carriers').select(['credit_code as key', 'carriers']).where('carriers', '>=', 2).orderBy('credit_code').execute(),
    idNumbers: await s.db.selectFrom('id_number_carriers').select(['id_number as key', 'carriers']).where('carriers', '>=', 2).orderBy('id_number').execute(),
  });
  /** Every key's count, left by the triggers, must be what counting the records from scratch gives. */
  async function expectRecounted(s: OpenStore): Promise<void> {
    const held = async () => ({
      creditCodes: await s.db.selectFrom('credit_code_carriers').selectAll().where('carriers', '<>', 0).orderBy('credit_code').execute(),
      idNumbers: await s.db.selectFrom('id_number_carriers').selectAll().where('carriers', '<>', 0).orderBy('id_number').execute(),
    });
    const kept = await held();
    await countFindings(s.db);
    expect(await held()).toEqual(kept);
  }

  it('counts what a roster of 022 already holds, and keeps counting new records', async () => {
    database = await backend.fresh();
    const old = await openStore(database.location, '022_carrier_figures');
    for (const code of ['C-A', 'C-B']) {
      await old.db.insertInto('carriers').values({ code, name: code, status: 'listed', token_hash: hashToken(`token-${code}`), created_at: '2026-01-01T00:00:00Z' }).execute();
    }
    const row = (carrier_code: string, entity: string, id: string, data: object) => ({ carrier_code, entity, record_id: id, data: JSON.stringify(data), deleted: 0, version: 1, updated_at: '2026-02-01T00:00:00Z' });
    await old.db
      .insertInto('records')
      .values([
        row('C-A', 'startup', 'a1', startupRecord('a1', 1)),
        row('C-A', 'startup', 'a2', startupRecord('a2', 2)),
        row('C-A', 'founder', 'fa', aFounder('fa', 'a1', { idNumber: X })),
        row('C-B', 'startup', 'b1', startupRecord('b1', 1)),
        // Left B: not a finding with A's a2.
        row('C-B', 'startup', 'b2', { ...startupRecord('b2', 2), status: 'exited', exitKind: 'graduated', exitedOn: '2026-02-01' }),
        row('C-B', 'founder', 'fb', aFounder('fb', 'b1', { idNumber: X })),
      ])
      .execute();
    await old.close();

    store = await openStore(database.location);
    expect(await findings(store)).toEqual({ creditCodes: [{ key: creditCodeFor(1), carriers: 2 }], idNumbers: [{ key: X, carriers: 2 }] });
    await store.db.updateTable('records').set({ data: JSON.stringify(startupRecord('b2', 2)) }).where('record_id', '=', 'b2').execute();
    expect((await findings(store)).creditCodes).toEqual([{ key: creditCodeFor(1), carriers: 2 }, { key: creditCodeFor(2), carriers: 2 }]);
    await expectRecounted(store);
  });

  it('finds a code when a second carrier admits it, and loses it on exit, void, another code or deletion', async () => {
    database = await backend.fresh();
    store = await openStore(database.location);
    const push = pusher(store);
    for (const code of ['C-A', 'C-B', 'C-C']) await createCarrier(store, { code, name: code });

    await push('C-A', [startup('s1', 1), startup('s2', 2), startup('s3', 3)]);
    await push('C-B', [startup('b1', 4)]);
    expect((await findings(store)).creditCodes).toEqual([]);
    // Two of A's own startups with one code are not a finding (a new one would be absorbed: s4 is corrected
    // to s1's code); B admitting codes 1 and 2 is, with C a third carrier of code 1.
    await push('C-A', [startup('s4', 9)]);
    await push('C-A', [startup('s4', 1)]);
    expect((await findings(store)).creditCodes).toEqual([]);
    await push('C-B', [startup('b2', 1), startup('b3', 2)]);
    await push('C-C', [startup('c1', 1)]);
    expect((await findings(store)).creditCodes).toEqual([{ key: creditCodeFor(1), carriers: 3 }, { key: creditCodeFor(2), carriers: 2 }]);

    // A still holds code 1 on s4 when s1 leaves; C's exit and B's void leave it at A alone.
    await push('C-A', [startup('s1', 1, { status: 'exited', exitKind: 'graduated', exitedOn: '2026-02-01' })]);
    expect((await findings(store)).creditCodes).toEqual([{ key: creditCodeFor(1), carriers: 3 }, { key: creditCodeFor(2), carriers: 2 }]);
    await push('C-C', [startup('c1', 1, { status: 'exited', exitKind: 'graduated', exitedOn: '2026-02-01' })]);
    await push('C-B', [startup('b2', 1, { voidedReason: '误录', voidedAt: '2026-03-02T08:00:00Z' })]);
    expect((await findings(store)).creditCodes).toEqual([{ key: creditCodeFor(2), carriers: 2 }]);
    // B's b3 corrected to code 3 moves the finding from 2 to 3 in one write; back in residence, c1 is one again.
    await push('C-B', [startup('b3', 3)]);
    expect((await findings(store)).creditCodes).toEqual([{ key: creditCodeFor(3), carriers: 2 }]);
    await push('C-C', [startup('c1', 1)]);
    expect((await findings(store)).creditCodes).toEqual([{ key: creditCodeFor(1), carriers: 2 }, { key: creditCodeFor(3), carriers: 2 }]);
    // In one batch A deletes s3 and corrects s2 to code 3: code 3 stays at A, code 2 leaves it.
    await push('C-A', [deletion('startup', 's3'), startup('s2', 3)]);
    expect((await findings(store)).creditCodes).toEqual([{ key: creditCodeFor(1), carriers: 2 }, { key: creditCodeFor(3), carriers: 2 }]);
    await push('C-A', [deletion('startup', 's4')]);
    await push('C-B', [deletion('startup', 'b3')]);
    expect((await findings(store)).creditCodes).toEqual([]);
    await expectRecounted(store);
  });

  it('finds an ID number founding at two carriers, and loses it when a founder is corrected or deleted', async () => {
    database = await backend.fresh();
    store = await openStore(database.location);
    const push = pusher(store);
    for (const code of ['C-A', 'C-B', 'C-C']) await createCarrier(store, { code, name: code });

    await push('C-A', [startup('s1', 1), founder('f1', 's1', X), founder('f2', 's1', Y)]);
    await push('C-B', [startup('b1', 2), founder('g1', 'b1', X), founder('g2', 'b1', X)]);
    await push('C-C', [startup('c1', 3), founder('h1', 'c1', X), founder('h2', 'c1', Y)]);
    expect((await findings(store)).idNumbers).toEqual([{ key: X, carriers: 3 }, { key: Y, carriers: 2 }]);
    // B's two founders of X: one corrected to Y keeps X at B and brings Y there.
    await push('C-B', [founder('g2', 'b1', Y)]);
    expect((await findings(store)).idNumbers).toEqual([{ key: X, carriers: 3 }, { key: Y, carriers: 3 }]);
    await push('C-B', [deletion('founder', 'g1'), deletion('founder', 'g2')]);
    await push('C-C', [founder('h2', 'c1', `11010519900101002${idNumberCheckChar('11010519900101002')}`)]);
    expect((await findings(store)).idNumbers).toEqual([{ key: X, carriers: 2 }]);
    await push('C-A', [deletion('founder', 'f1')]);
    expect((await findings(store)).idNumbers).toEqual([]);
    await expectRecounted(store);
  });

  it('counts two carriers admitting one code in transactions open at once', async () => {
    database = await backend.fresh();
    store = await openStore(database.location);
    const push = pusher(store);
    for (const code of ['C-A', 'C-B']) await createCarrier(store, { code, name: code });
    // A's batch is written (its trigger has run) and held open while B writes the same code.
    let release!: () => void;
    let written!: () => void;
    const heldOpen = new Promise<void>((r) => (release = r));
    const aWritten = new Promise<void>((r) => (written = r));
    const a = push('C-A', [startup('s1', 1), founder('f1', 's1', X)], async () => {
      written();
      await heldOpen;
    });
    await aWritten;
    const b = push('C-B', [startup('b1', 1), founder('g1', 'b1', X)]);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await Promise.all([a, b]);
    expect(await findings(store)).toEqual({ creditCodes: [{ key: creditCodeFor(1), carriers: 2 }], idNumbers: [{ key: X, carriers: 2 }] });
    await expectRecounted(store);
  });
});

/** Pushes batches as a desk of each carrier would, each mutation id after the last. */
function pusher(store: OpenStore) {
  const next = new Map<string, number>();
  return async (carrier: string, mutations: Omit<Mutation, 'mutationId'>[], pause?: () => Promise<void>) => {
    const first = next.get(carrier) ?? 1;
    next.set(carrier, first + mutations.length);
    const outcome = await applyPush(store, carrier, { carrierCode: carrier, clientId: `desk-${carrier}-01`, mutations: mutations.map((m, i) => ({ ...m, mutationId: first + i }) as Mutation) }, { pause });
    expect(outcome.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
  };
}

const upsert = (entity: string, record: { id: string }): Omit<Mutation, 'mutationId'> => ({ entity, recordId: record.id, op: 'upsert', record, createdAt: '2026-03-01T08:00:00Z' });
const startup = (id: string, n: number, over: Record<string, unknown> = {}) => upsert('startup', { ...startupRecord(id, n), ...over } as { id: string });
const founder = (id: string, startupId: string, idNumber: string) => upsert('founder', aFounder(id, startupId, { idNumber }));
const deletion = (entity: string, id: string): Omit<Mutation, 'mutationId'> => ({ entity, recordId: id, op: 'delete', record: null, createdAt: '2026-03-01T08:00:00Z' });
