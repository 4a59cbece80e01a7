import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { canonical } from './canonical';
import { BackupWriter } from './chunked';
import { gzipped, plainText, versionOneFile } from './fixtures';
import { BACKUP_VERSION, type BackupChunk, type BackupProblem, type CheckedBackup } from './format';
import { sha256Hex } from './hash';
import { readBackup } from './read';

const tables = { people: z.object({ id: z.string(), age: z.number() }), meta: z.object({ key: z.string() }), empty: z.object({ id: z.string() }) };
const options = { schemaVersion: 3, tables };
const people = Array.from({ length: 1_234 }, (_, i) => ({ id: `p${i}`, age: i % 90, note: i % 2 ? undefined : '中文' }));
const meta = [{ key: 'k', value: { b: 1, a: [1, 2] } }];
const header = { schemaVersion: 3, createdAt: '2026-03-01T08:00:00.000Z' };

function write(content: Record<string, unknown[]>, chunk = 500): Promise<Blob> {
  const writer = new BackupWriter(header);
  for (const [table, rows] of Object.entries(content)) {
    writer.add(table, []);
    for (let i = 0; i < rows.length; i += chunk) writer.add(table, rows.slice(i, i + chunk));
  }
  return writer.finish();
}
const sample = () => write({ people, meta, empty: [] });
const sampleText = async () => plainText(await sample());

async function all(backup: CheckedBackup): Promise<BackupChunk[]> {
  const out: BackupChunk[] = [];
  for await (const c of backup.chunks()) out.push(c);
  return out;
}

async function refusal(file: Blob | string): Promise<BackupProblem | undefined> {
  try {
    await readBackup(typeof file === 'string' ? new Blob([file]) : file, options);
    return undefined;
  } catch (error) {
    return (error as { problem?: BackupProblem }).problem;
  }
}

type Line = Record<string, unknown>;
const linesOf = async (file: Blob) => (await plainText(file)).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

/** Seals edited lines again, every hash and the checksum correct, as a careful forger would. */
async function resealed(edit: (lines: Line[]) => void): Promise<string> {
  const lines = await linesOf(await sample());
  edit(lines);
  const out: string[] = [];
  const hashes: string[] = [];
  for (const { sha256: _, ...rest } of lines) {
    if ('end' in rest) (rest.end as Line).checksum = await sha256Hex(hashes.join(''));
    const body = JSON.stringify(rest).slice(1);
    const hash = await sha256Hex(body);
    hashes.push(hash);
    out.push(`{"sha256":"${hash}",${body}\n`);
  }
  return out.join('');
}

const versionOne = (content: Record<string, unknown[]>, edit?: (doc: Record<string, unknown>) => void) => versionOneFile({ ...header, tables: content }, edit);

describe('backup format, version 2 (chunked)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads back what it wrote, every row of every table, a chunk at a time in key order', async () => {
    const file = await sample();
    // One gzip stream of the lines, and a fifth of their size or less.
    expect([...new Uint8Array(await file.slice(0, 2).arrayBuffer())]).toEqual([0x1f, 0x8b]);
    const text = await plainText(file);
    expect(file.size).toBeLessThan(new Blob([text]).size / 5);
    expect(text.startsWith('{"sha256":"')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(1 + 3 + 1 + 1 + 1);
    const backup = await readBackup(file, options);
    expect(backup).toMatchObject({ version: BACKUP_VERSION, ...header, counts: { people: 1_234, meta: 1, empty: 0 } });
    const chunks = await all(backup);
    expect(chunks.map((c) => [c.table, c.rows.length])).toEqual([
      ['people', 500],
      ['people', 500],
      ['people', 234],
      ['meta', 1],
    ]);
    expect(chunks.flatMap((c) => (c.table === 'people' ? c.rows : []))).toEqual(JSON.parse(JSON.stringify(people)));
    expect(chunks[3]!.rows[0]).toEqual(meta[0]);
    // The same content always gives the same file.
    expect(await sampleText()).toBe(text);
  });

  it('still reads a file written before backups were compressed (the same lines, plain)', async () => {
    const old = new Blob([await sampleText()]);
    const backup = await readBackup(old, options);
    expect(backup.counts).toEqual({ people: 1_234, meta: 1, empty: 0 });
    expect((await all(backup)).flatMap((c) => (c.table === 'people' ? c.rows : []))).toEqual(JSON.parse(JSON.stringify(people)));
  });

  it('refuses a compressed file cut short, tampered, or holding something else', async () => {
    const file = await sample();
    expect(await refusal(file.slice(0, file.size / 2))).toBe('notJson');
    expect(await refusal(file.slice(0, file.size - 4))).toBe('notJson');
    expect(await refusal(await gzipped((await plainText(file)).replace('"age":30', '"age":31')))).toBe('checksum');
    expect(await refusal(await gzipped('{"hello":"world"}\n'))).toBe('foreign');
    expect(await refusal(new Blob([new Uint8Array([0x1f, 0x8b, 1, 2, 3])]))).toBe('notJson');
  });

  it('writes a table out as its chunks are sealed, not when the table ends', async () => {
    const made: number[] = [];
    vi.stubGlobal(
      'Blob',
      class extends Blob {
        constructor(...args: ConstructorParameters<typeof Blob>) {
          super(...args);
          made.push(this.size);
        }
      },
    );
    const writer = new BackupWriter(header);
    writer.add('people', []);
    // Ten chunks of about 2 MB (random hex digits: compressed to about half), each read (here: a task) after the one before, as a backup reads them.
    const hex = (i: number) => Array.from(crypto.getRandomValues(new Uint8Array(500)), (b) => b.toString(16).padStart(2, '0')).join('') + i;
    const rows = Array.from({ length: 2_000 }, (_, i) => ({ id: `p${i}`, age: i % 90, note: hex(i) }));
    for (let i = 0; i < 10; i++) {
      writer.add('people', rows);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Each Blob holds about 4 MB of compressed lines, made before the end: when depends on the digests and the compressor.
    await vi.waitFor(() => expect(made.length).toBeGreaterThanOrEqual(1), { timeout: 20_000, interval: 20 });
    const file = await writer.finish();
    const backup = await readBackup(file, { schemaVersion: 3, tables: { people: tables.people.extend({ note: z.string() }) } });
    expect(backup.counts).toEqual({ people: 20_000 });
  });

  it('reads lines longer than one read of the file, and Chinese split between reads', async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => ({ id: `长名字的企业${i}`.repeat(12), age: i }));
    const file = await write({ people: many }, 20_000);
    // Each chunk's line is longer than the 4 MB a plain file is read at a time, and than any piece the decompressor hands out.
    const old = new Blob([await plainText(file)]);
    expect(old.size).toBeGreaterThan(2 * 4 * 2 ** 20);
    for (const f of [file, old]) {
      const chunks = await all(await readBackup(f, options));
      expect(chunks.map((c) => c.rows.length)).toEqual([20_000, 20_000]);
      expect(chunks[1]!.rows.at(-1)).toEqual(many.at(-1));
    }
  });

  it('refuses a file cut short, wherever it is cut, and text that is not JSON', async () => {
    const text = await sampleText();
    const lastLine = text.lastIndexOf('{"sha256"');
    expect(await refusal(text.slice(0, text.length / 2))).toBe('notJson');
    expect(await refusal(text.slice(0, lastLine))).toBe('notJson');
    expect(await refusal(text.slice(0, -1))).toBe('notJson');
    expect(await refusal('')).toBe('notJson');
    expect(await refusal('hello')).toBe('notJson');
  });

  it('refuses a tampered chunk, and chunks dropped, repeated or swapped', async () => {
    const text = await sampleText();
    expect(await refusal(text.replace('"age":30', '"age":31'))).toBe('checksum');
    expect(await refusal(text.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`))).toBe('checksum');
    const lines = text.split('\n');
    const file = (order: number[]) => `${order.map((i) => lines[i]).join('\n')}\n`;
    expect(await refusal(file([0, 1, 3, 4, 5]))).toBe('counts');
    expect(await refusal(file([0, 1, 2, 2, 3, 4, 5]))).toBe('counts');
    expect(await refusal(file([0, 2, 1, 3, 4, 5]))).toBe('checksum');
    expect(await refusal(`${text}${lines[1]}\n`)).toBe('foreign');
  });

  it('refuses foreign JSON and files of a newer format or schema', async () => {
    expect(await refusal('{"name":"something else"}')).toBe('foreign');
    expect(await refusal('[1,2,3]')).toBe('foreign');
    expect(await refusal('{"format":"incubator-desk-backup","version":3}')).toBe('newerFormat');
    expect(await refusal(await resealed((l) => (l[0]!.version = 3)))).toBe('newerFormat');
    expect(await refusal(await resealed((l) => (l[0]!.format = 'other')))).toBe('foreign');
    expect(await refusal(await resealed((l) => (l[0]!.schemaVersion = 4)))).toBe('newerSchema');
  });

  it('refuses well-sealed files whose rows, tables or counts are wrong', async () => {
    expect(await refusal(await resealed((l) => void ((l[2]!.rows as unknown[])[5] = { id: 5 })))).toBe('record');
    const wrong = await readBackup(new Blob([await resealed((l) => void ((l[2]!.rows as unknown[])[5] = { id: 5 }))]), options).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ problem: 'record', detail: { table: 'people', index: 505, issue: 'id' } });
    expect(await refusal(await resealed((l) => void (((l.at(-1)!.end as Line).counts as Line).people = 1)))).toBe('counts');
    expect(await refusal(await resealed((l) => void (l[1]!.table = 'secrets')))).toBe('unknownTable');
    expect(await refusal(await resealed((l) => void (((l.at(-1)!.end as Line).counts as Line).secrets = 0)))).toBe('unknownTable');
  });

  it('refuses to hand out rows of a file that changed after it was checked', async () => {
    const good = new Blob([await sampleText()]);
    let current: Blob = good;
    const file = { size: good.size, slice: (from?: number, to?: number) => current.slice(from, to) } as Blob;
    const backup = await readBackup(file, options);
    current = new Blob([(await good.text()).replace('"age":30', '"age":31')]);
    await expect(all(backup)).rejects.toMatchObject({ problem: 'checksum' });
    current = new Blob([(await good.text()).split('\n').slice(0, 3).join('\n') + '\n']);
    await expect(all(backup)).rejects.toMatchObject({ problem: 'checksum' });
  });
});

describe('backup format, version 1 (one document)', () => {
  it('canonical JSON sorts keys at every depth and drops undefined like JSON does', () => {
    expect(canonical({ b: 1, a: { d: undefined, c: [undefined, new Date(0)] } })).toBe('{"a":{"c":[null,"1970-01-01T00:00:00.000Z"]},"b":1}');
  });

  it('still reads a file of the first version, in chunks', async () => {
    const backup = await readBackup(new Blob([await versionOne({ people, meta })]), options);
    expect(backup).toMatchObject({ version: 1, ...header, counts: { people: 1_234, meta: 1 } });
    const chunks = await all(backup);
    // Canonical JSON sorts the tables by name.
    expect(chunks.map((c) => [c.table, c.rows.length])).toEqual([
      ['meta', 1],
      ['people', 1000],
      ['people', 234],
    ]);
  });

  it('refuses first-version files cut short, tampered, of a newer schema or with wrong rows', async () => {
    const text = await versionOne({ people, meta });
    expect(await refusal(text.slice(0, text.length / 2))).toBe('notJson');
    expect(await refusal(text.replace('"age":30', '"age":31'))).toBe('checksum');
    expect(await refusal(await versionOne({ people, meta }, (d) => (d.schemaVersion = 4)))).toBe('newerSchema');
    expect(await refusal(await versionOne({ people: [...people.slice(0, 5), { id: 5 }] }))).toBe('record');
    expect(await refusal(await versionOne({ people }, (d) => (d.counts = { people: 1 })))).toBe('counts');
    expect(await refusal(await versionOne({ secrets: [] }))).toBe('unknownTable');
  });
});
