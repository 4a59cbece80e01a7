import { describe, expect, it } from 'vitest';
import { absorbAdmission, type Edit, type Fields, type HeldRecord, isVoid, mergeEdit, type MergeContext, sameValue } from './merge';
import type { Origin } from './protocol';

const deskA: Origin = { clientId: 'desk-a', desk: '前台', by: '王芳' };
const deskB: Origin = { clientId: 'desk-b', desk: '外勤笔记本', by: '李强' };

function context(entity = 'startup', validate: (r: Fields) => Fields | undefined = (r) => r): MergeContext {
  let n = 0;
  return { entity, recordId: 's1', at: '2026-03-02T00:00:00.000Z', newConflictId: () => `c${++n}`, validate, rosterOwned: ['rosterId'] };
}

const record = (fields: Fields = {}): Fields => ({ id: 's1', updatedAt: '2026-03-01T00:00:00Z', name: '甲', room: '101', area: 40, ...fields });

/** Version 1 by desk A, then version 2 with `edited` by desk A. */
function heldAt2(edited: Fields): HeldRecord {
  const first = mergeEdit(undefined, { op: 'upsert', record: record(), origin: deskA }, context());
  return mergeEdit(first, { op: 'upsert', record: record(edited), baseVersion: 1, fields: Object.keys(edited), origin: deskA }, context());
}

const editB = (fields: Fields, extra: Partial<Edit> = {}): Edit => ({
  op: 'upsert',
  record: record(fields),
  baseVersion: 1,
  fields: Object.keys(fields),
  origin: deskB,
  ...extra,
});

describe('mergeEdit', () => {
  it('stores a new record at version 1 with every field at 1', () => {
    const held = mergeEdit(undefined, { op: 'upsert', record: record(), origin: deskA }, context());
    expect(held).toEqual({ record: record(), version: 1, fieldVersions: { id: 1, updatedAt: 1, name: 1, room: 1, area: 1 }, origins: { 1: deskA }, conflicts: [] });
  });

  it('replaces the record whole when nothing happened since the edit’s base (a desk of before: no base)', () => {
    const held = heldAt2({ name: '乙' });
    const whole = mergeEdit(held, { op: 'upsert', record: { id: 's1', updatedAt: 'x', name: '丙' }, origin: deskB }, context());
    expect(whole.record).toEqual({ id: 's1', updatedAt: 'x', name: '丙' });
    expect(whole.version).toBe(3);
    expect(whole.conflicts).toEqual([]);
    const atBase = mergeEdit(held, editB({ room: '202' }, { baseVersion: 2 }), context());
    expect(atBase.record).toEqual(record({ room: '202' }));
    expect(atBase.fieldVersions).toEqual(expect.objectContaining({ name: 2, room: 3, area: 1 }));
  });

  it('keeps fields edited on only one side from both (disjoint fields, no conflict)', () => {
    const merged = mergeEdit(heldAt2({ name: '乙' }), editB({ room: '303' }), context());
    expect(merged.record).toEqual(record({ name: '乙', room: '303' }));
    expect(merged.version).toBe(3);
    expect(merged.conflicts).toEqual([]);
    expect(merged.origins).toEqual({ 2: deskA, 3: deskB, 1: deskA });
  });

  it('lets the later edit win the same field and keeps the loser as one conflict', () => {
    const merged = mergeEdit(heldAt2({ name: '乙' }), editB({ name: '丙' }), context());
    expect(merged.record?.name).toBe('丙');
    expect(merged.conflicts).toEqual([
      { id: 'c1', entity: 'startup', recordId: 's1', field: 'name', kept: '丙', lost: '乙', keptBy: deskB, lostBy: deskA, cause: 'field', at: '2026-03-02T00:00:00.000Z' },
    ]);
  });

  it('sees no conflict when both sides set the same value, or the other side changed the field before the base', () => {
    expect(mergeEdit(heldAt2({ name: '乙' }), editB({ name: '乙' }), context()).conflicts).toEqual([]);
    expect(mergeEdit(heldAt2({ name: '乙' }), editB({ name: '丙' }, { baseVersion: 2 }), context()).conflicts).toEqual([]);
  });

  it('never makes a desk’s own earlier edit the other side of a conflict (both still in its outbox, made on one base)', () => {
    const own = mergeEdit(heldAt2({ name: '乙' }), { ...editB({ name: '丙' }), origin: deskA }, context());
    expect(own.record?.name).toBe('丙');
    expect(own.conflicts).toEqual([]);
    const voidedByA = heldAt2({ voidedAt: '2026-03-01T09:00:00.000Z' });
    const editedByA = mergeEdit(voidedByA, { ...editB({ room: '707' }), origin: deskA }, context());
    expect(editedByA.record).toEqual(expect.objectContaining({ room: '707', voidedAt: '2026-03-01T09:00:00.000Z' }));
    expect(editedByA.conflicts).toEqual([]);
  });

  it('takes fields named but absent as cleared', () => {
    const merged = mergeEdit(heldAt2({ name: '乙' }), { ...editB({}), record: { id: 's1', updatedAt: 'y', name: '甲', area: 40 }, fields: ['room'] }, context());
    expect(merged.record).toEqual({ id: 's1', updatedAt: 'y', name: '乙', area: 40 });
  });

  it('never merges or reports the roster’s own fields or bookkeeping', () => {
    const merged = mergeEdit(heldAt2({ name: '乙' }), { ...editB({}), fields: undefined, record: record({ name: '乙', rosterId: 'RS1', updatedAt: 'z' }) }, context());
    expect(merged.conflicts).toEqual([]);
    expect(merged.record?.rosterId).toBeUndefined();
    expect(merged.record?.updatedAt).toBe('z');
  });

  it('takes the later edit whole when the merged fields do not hold together, with a conflict per field lost', () => {
    const validate = (r: Fields) => (r.name === '乙' && r.room === '303' ? undefined : r);
    const merged = mergeEdit(heldAt2({ name: '乙' }), editB({ room: '303' }), context('startup', validate));
    expect(merged.record).toEqual(record({ room: '303' }));
    expect(merged.conflicts.map((c) => [c.field, c.kept, c.lost])).toEqual([['name', '甲', '乙']]);
  });

  it('removes the conflicts an edit resolves, after its own merge', () => {
    const conflicted = mergeEdit(heldAt2({ name: '乙' }), editB({ name: '丙' }), context());
    const chosen = mergeEdit(conflicted, { ...editB({ name: '乙' }), baseVersion: 3, resolves: ['c1'], origin: deskA }, context());
    expect(chosen.record?.name).toBe('乙');
    expect(chosen.conflicts).toEqual([]);
  });

  it('lets a void beat a concurrent edit, keeping the edit in the conflicts', () => {
    const voided = heldAt2({ voidedAt: '2026-03-01T09:00:00.000Z', voidedReason: '误录' });
    expect(isVoid('startup', voided.record)).toBe(true);
    const merged = mergeEdit(voided, editB({ room: '404', area: 50 }), context());
    expect(merged.record).toEqual(voided.record);
    expect(merged.version).toBe(3);
    expect(merged.conflicts.map((c) => [c.field, c.kept, c.lost, c.cause, c.keptBy, c.lostBy])).toEqual([
      ['room', '101', '404', 'void', deskA, deskB],
      ['area', 40, 50, 'void', deskA, deskB],
    ]);
  });

  it('lets an edit that clears the void merge like every other edit', () => {
    const voided = heldAt2({ voidedAt: '2026-03-01T09:00:00.000Z' });
    const merged = mergeEdit(voided, editB({ voidedAt: undefined }), context());
    expect(merged.record?.voidedAt).toBeUndefined();
  });

  it('applies a void over a concurrent edit: the edited fields stay in the voided record', () => {
    const merged = mergeEdit(heldAt2({ room: '505' }), editB({ voidedAt: '2026-03-01T10:00:00.000Z' }), context());
    expect(merged.record).toEqual(record({ room: '505', voidedAt: '2026-03-01T10:00:00.000Z' }));
    expect(merged.conflicts).toEqual([]);
  });

  it('applies a delete over a concurrent edit, keeping what was edited as conflicts', () => {
    const merged = mergeEdit(heldAt2({ room: '505' }), { op: 'delete', record: null, baseVersion: 1, origin: deskB }, context());
    expect(merged.record).toBeNull();
    expect(merged.conflicts.map((c) => [c.field, c.kept, c.lost, c.cause, c.lostBy])).toEqual([['room', undefined, '505', 'void', deskA]]);
  });

  it('keeps a tombstone against a concurrent edit', () => {
    const deleted = mergeEdit(heldAt2({ room: '505' }), { op: 'delete', record: null, origin: deskA }, context());
    const merged = mergeEdit(deleted, editB({ room: '606' }), context());
    expect(merged.record).toBeNull();
    expect(merged.version).toBe(4);
    expect(merged.conflicts.map((c) => [c.field, c.kept, c.lost, c.cause])).toEqual([['room', undefined, '606', 'void']]);
  });

  it('never changes a finalized evaluation by a merge; a concurrent correction becomes conflicts', () => {
    const ctx = () => context('evaluation');
    const draft = mergeEdit(undefined, { op: 'upsert', record: { id: 's1', status: 'draft', total: 60 }, origin: deskA }, ctx());
    const finalized = mergeEdit(draft, { op: 'upsert', record: { id: 's1', status: 'finalized', total: 70 }, baseVersion: 1, fields: ['status', 'total'], origin: deskA }, ctx());
    const merged = mergeEdit(finalized, { op: 'upsert', record: { id: 's1', status: 'draft', total: 80 }, baseVersion: 1, fields: ['total'], origin: deskB }, ctx());
    expect(merged.record).toEqual({ id: 's1', status: 'finalized', total: 70 });
    expect(merged.conflicts.map((c) => [c.field, c.kept, c.lost, c.cause])).toEqual([['total', 70, 80, 'finalized']]);
    // Made on the finalized version itself (not concurrent): a correction as the desk always made them.
    const superseded = mergeEdit(finalized, { op: 'upsert', record: { id: 's1', status: 'superseded', total: 70 }, baseVersion: 2, origin: deskB }, ctx());
    expect(superseded.record?.status).toBe('superseded');
  });

  it('takes every field of a record stored before several desks as changed at its version', () => {
    const old: HeldRecord = { record: record({ name: '乙' }), version: 5, fieldVersions: null, origins: {}, conflicts: [] };
    const merged = mergeEdit(old, editB({ name: '丙' }, { baseVersion: 4 }), context());
    expect(merged.conflicts.map((c) => [c.field, c.lost, c.lostBy])).toEqual([['name', '乙', { clientId: '', desk: '' }]]);
    expect(merged.fieldVersions).toEqual(expect.objectContaining({ name: 6, room: 5 }));
  });

  it('records the same loss once when the same edit arrives twice', () => {
    const once = mergeEdit(heldAt2({ name: '乙' }), editB({ name: '丙' }), context());
    const reverted = mergeEdit(once, { ...editB({ name: '乙' }), baseVersion: 3, origin: deskA }, context());
    const twice = mergeEdit(reverted, editB({ name: '丙' }), context());
    expect(twice.conflicts.filter((c) => c.lost === '乙')).toHaveLength(1);
  });
});

describe('absorbAdmission', () => {
  it('keeps the standing record, fills what it lacks, and keeps other differences as sameCompany conflicts', () => {
    const standing = mergeEdit(undefined, { op: 'upsert', record: record({ contactName: '' }), origin: deskA }, context());
    const admitted: Edit = { op: 'upsert', record: { id: 's2', updatedAt: 'w', name: '甲公司', room: '101', area: 40, contactName: '赵六', stage: 'early' }, origin: deskB };
    const merged = absorbAdmission(standing, admitted, context());
    expect(merged.record).toEqual(record({ contactName: '赵六', stage: 'early' }));
    expect(merged.version).toBe(2);
    expect(merged.conflicts.map((c) => [c.field, c.kept, c.lost, c.cause, c.keptBy, c.lostBy])).toEqual([['name', '甲', '甲公司', 'sameCompany', deskA, deskB]]);
  });

  it('keeps the standing record as it is when filling it would not hold', () => {
    const standing = mergeEdit(undefined, { op: 'upsert', record: record(), origin: deskA }, context());
    const merged = absorbAdmission(standing, { op: 'upsert', record: { id: 's2', stage: 'early' }, origin: deskB }, context('startup', () => undefined));
    expect(merged.record).toEqual(record());
  });
});

describe('sameValue', () => {
  it('compares JSON deeply, an absent key as undefined', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, [1])).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
