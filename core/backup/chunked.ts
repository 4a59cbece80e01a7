import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, checkHeader, checkRows, isObject, type BackupChunk, type CheckedBackup, type ReadOptions } from './format';
import { sha256Hex } from './hash';
import { lines } from './lines';
import { nextTask } from './nextTask';

/**
 * Version 2: JSON lines, UTF-8, every line ending in a newline.
 *
 *   {"sha256":"…","format":"incubator-desk-backup","version":2,"schemaVersion":3,"createdAt":"…"}
 *   {"sha256":"…","table":"startups","rows":[…]}          one line per chunk of a table's rows, in key order
 *   {"sha256":"…","end":{"counts":{"startups":…},"chunks":N,"checksum":"…"}}
 *
 * Each line is sealed by the SHA-256 of its bytes after the `{"sha256":"<64 hex>",` it starts with, so a
 * chunk is checked as it is read (WebCrypto has no streaming digest to seal the whole file at once). The
 * last line's checksum is the SHA-256 of the header's and every chunk's hash, in order, so a chunk
 * dropped, repeated or moved is caught too, and its counts say how many rows each table holds.
 */
export const SEALED_START = '{"sha256":"';
const PREFIX = SEALED_START.length + 64 + 2;
const SEAL = /^\{"sha256":"([0-9a-f]{64})",$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Lines are gathered into Blobs of about this size: a Blob per line costs the browser a registration each. */
const BLOB_BYTES = 4 * 2 ** 20;

interface SealedLine {
  bytes: Uint8Array<ArrayBuffer>;
  hash?: string;
}

/**
 * Writes a backup a chunk at a time. Lines go into Blobs a few megabytes at a time as soon as their
 * hashes are known, so the file grows outside the JS heap (Chromium keeps large blobs in the browser
 * process, on disk if need be) and no more than a few megabytes of it wait in memory.
 */
export class BackupWriter {
  private readonly hashes: Promise<string>[] = [];
  private readonly counts: Record<string, number> = {};
  private readonly blobs: Blob[] = [];
  private waiting: SealedLine[] = [];
  private waitingBytes = 0;

  constructor(header: { schemaVersion: number; createdAt: string }) {
    this.seal({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...header });
  }

  /** The next chunk of a table's rows; a table with no rows is still counted, as empty. */
  add(table: string, rows: readonly unknown[]): void {
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
    if (rows.length > 0) this.seal({ table, rows });
    // Digests settle on their own time: the lines that have theirs go out once they fill a Blob, the
    // newest usually waits. (Waiting for every line's held a whole table in memory, 500 MB at 100,000
    // startups.)
    if (this.waitingBytes >= BLOB_BYTES) this.flush();
  }

  async finish(): Promise<Blob> {
    const hashes = await Promise.all(this.hashes);
    this.seal({ end: { counts: this.counts, chunks: hashes.length - 1, checksum: await sha256Hex(hashes.join('')) } });
    await this.hashes.at(-1);
    this.flush(true);
    return new Blob(this.blobs, { type: 'application/x-ndjson' });
  }

  private seal(fields: Record<string, unknown>): void {
    // JSON.stringify's "{" is left off: the line's own `{"sha256":"…",` takes its place.
    const line: SealedLine = { bytes: encoder.encode(JSON.stringify(fields).slice(1)) };
    this.hashes.push(sha256Hex(line.bytes).then((hash) => (line.hash = hash)));
    this.waiting.push(line);
    this.waitingBytes += line.bytes.length;
  }

  /** Writes out the waiting lines up to the first without its hash, once they fill a Blob (or `all`). */
  private flush(all = false): void {
    let ready = 0;
    let bytes = 0;
    while (ready < this.waiting.length && this.waiting[ready]!.hash) bytes += this.waiting[ready++]!.bytes.length;
    if (ready === 0 || (!all && bytes < BLOB_BYTES)) return;
    this.blobs.push(new Blob(this.waiting.slice(0, ready).flatMap((line) => [`${SEALED_START}${line.hash!}",`, line.bytes, '\n'])));
    this.waiting = this.waiting.slice(ready);
    this.waitingBytes -= bytes;
  }
}

/** A line's seal checked against its bytes, then its JSON. */
async function unseal(line: Uint8Array<ArrayBuffer>): Promise<{ hash: string; doc: Record<string, unknown> }> {
  const hash = SEAL.exec(decoder.decode(line.subarray(0, PREFIX)))?.[1];
  if (!hash || hash !== (await sha256Hex(line.subarray(PREFIX)))) throw new BackupError('checksum');
  let doc: unknown;
  try {
    doc = JSON.parse(decoder.decode(line));
  } catch {
    throw new BackupError('notJson');
  }
  if (!isObject(doc)) throw new BackupError('foreign');
  return { hash, doc };
}

function chunkOf(doc: Record<string, unknown>): BackupChunk {
  const { table, rows } = doc;
  if (typeof table !== 'string') throw new BackupError('foreign');
  return { table, rows: rows as unknown[] };
}

/**
 * Reads and checks a version 2 file completely, a chunk at a time (seals, header, every row against
 * its table's schema, counts, the checksum over all chunks), holding only one chunk's rows at a time.
 */
export async function readChunked(file: Blob, options: ReadOptions): Promise<CheckedBackup> {
  const hashes: string[] = [];
  const counts: Record<string, number> = {};
  let header: { schemaVersion: number; createdAt: string } | undefined;
  let end: { doc: unknown; hash: string } | undefined;
  for await (const line of lines(file)) {
    // Nothing may follow the last line: that would be a second file run on, or rows no checksum covers.
    if (end) throw new BackupError('foreign');
    const { hash, doc } = await unseal(line);
    if (!header) header = checkHeader(doc, options, BACKUP_VERSION);
    else if ('end' in doc) {
      end = { doc: doc.end, hash };
      continue;
    } else {
      const { table, rows } = chunkOf(doc);
      checkRows(table, rows, counts[table] ?? 0, options);
      counts[table] = (counts[table] ?? 0) + rows.length;
    }
    hashes.push(hash);
    // A digest's promise may settle without leaving the task: without this, checking went on for
    // most of a second without the page answering.
    await nextTask();
  }
  if (!header || !end) throw new BackupError('notJson');
  const summary = end.doc;
  if (!isObject(summary) || !isObject(summary.counts)) throw new BackupError('foreign');
  const declared = summary.counts;
  for (const table of new Set([...Object.keys(declared), ...Object.keys(counts)])) {
    if (!options.tables[table]) throw new BackupError('unknownTable', { table });
    if (declared[table] !== (counts[table] ?? 0)) throw new BackupError('counts', { table });
  }
  if (summary.chunks !== hashes.length - 1 || summary.checksum !== (await sha256Hex(hashes.join('')))) throw new BackupError('checksum');
  const checked = [...hashes, end.hash];

  return {
    version: BACKUP_VERSION,
    ...header,
    counts: declared as Record<string, number>,
    async *chunks(): AsyncGenerator<BackupChunk> {
      let i = 0;
      for await (const line of lines(file)) {
        const { hash, doc } = await unseal(line);
        if (hash !== checked[i]) throw new BackupError('checksum');
        if (i === checked.length - 1) return;
        if (i++ > 0) yield chunkOf(doc);
      }
      // Shorter than when it was checked: the file changed since.
      throw new BackupError('checksum');
    },
  };
}
