import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonical } from './canonical';
import { BACKUP_FORMAT, readBackup, writeBackup, type BackupProblem } from './format';

const noPause = async () => {};
const tables = { people: z.object({ id: z.string(), age: z.number() }), meta: z.object({ key: z.string() }) };
const options = { schemaVersion: 3, tables, pause: noPause };
const people = Array.from({ length: 1_234 }, (_, i) => ({ id: `p${i}`, age: i % 90, note: i % 2 ? undefined : '中文' }));

const sample = () =>
  writeBackup({ schemaVersion: 3, createdAt: '2026-03-01T08:00:00.000Z', counts: { people: people.length, meta: 1 }, tables: { people, meta: [{ key: 'k', value: { b: 1, a: [1, 2] } }] } }, noPause);

async function refusal(text: string): Promise<BackupProblem | undefined> {
  try {
    await readBackup(text, options);
    return undefined;
  } catch (error) {
    return (error as { problem?: BackupProblem }).problem;
  }
}

/** Re-seals an edited document with a correct checksum, as a careful forger would. */
async function resealed(edit: (doc: Record<string, unknown>) => void): Promise<string> {
  const { checksum: _, format: __, version: ___, ...doc } = JSON.parse(await sample()) as Record<string, unknown>;
  edit(doc);
  return writeBackup(doc as never, noPause);
}

describe('backup format', () => {
  it('canonical JSON sorts keys at every depth and drops undefined like JSON does', () => {
    expect(canonical({ b: 1, a: { d: undefined, c: [undefined, new Date(0)] } })).toBe('{"a":{"c":[null,"1970-01-01T00:00:00.000Z"]},"b":1}');
  });

  it('reads back what it wrote, every row of every table', async () => {
    const text = await sample();
    expect(text.startsWith('{"checksum":"')).toBe(true);
    const backup = await readBackup(text, options);
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.counts).toEqual({ people: 1_234, meta: 1 });
    expect(backup.tables.people).toHaveLength(1_234);
    expect(backup.tables.people![2]).toEqual({ id: 'p2', age: 2, note: '中文' });
    // The same content always gives the same file, so checksums are comparable across desks.
    expect(await sample()).toBe(text);
  });

  it('refuses a file cut short or not JSON at all', async () => {
    const text = await sample();
    expect(await refusal(text.slice(0, text.length / 2))).toBe('notJson');
    expect(await refusal('')).toBe('notJson');
  });

  it('refuses a tampered file whose checksum no longer matches', async () => {
    const text = await sample();
    expect(await refusal(text.replace('"age":30', '"age":31'))).toBe('checksum');
    expect(await refusal(text.replace(/"checksum":"[0-9a-f]+"/, '"checksum":"00"'))).toBe('checksum');
  });

  it('refuses foreign JSON and files of a newer format or schema', async () => {
    expect(await refusal('{"name":"something else"}')).toBe('foreign');
    expect(await refusal('[1,2,3]')).toBe('foreign');
    const text = await sample();
    expect(await refusal(text.replace('"version":1', '"version":2'))).toBe('newerFormat');
    expect(await refusal(text.replace('"version":1', '"version":0'))).toBe('foreign');
    expect(await refusal(await resealed((d) => (d.schemaVersion = 4)))).toBe('newerSchema');
  });

  it('refuses well-sealed files whose rows or counts are wrong', async () => {
    const rows = (d: Record<string, unknown>) => d.tables as Record<string, unknown[]>;
    expect(await refusal(await resealed((d) => void (rows(d).people![5] = { id: 5 })))).toBe('record');
    expect(await refusal(await resealed((d) => void ((d.counts as Record<string, number>).people = 1)))).toBe('counts');
    expect(await refusal(await resealed((d) => void (rows(d).secrets = [])))).toBe('unknownTable');
  });
});
