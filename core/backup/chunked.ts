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
 *
 * The file is these lines compressed as one gzip stream (CompressionStream): a desk of 100,000 startups
 * took 855 MB as plain lines. The seals are over the plain lines, so a file checks the same however it
 * is stored, and a reader tells the two apart by gzip's first bytes, not by the name: files written
 * before compression (plain lines) still restore. Compressing the whole file rather than each chunk
 * apart compresses better (a chunk's keys and values repeat in the next) and needs no framing of ours.
 */
export const SEALED_START = '{"sha256":"';
const PREFIX = SEALED_START.length + 64 + 2;
const SEAL = /^\{"sha256":"([0-9a-f]{64})",$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
/** A line's start before its digest is known: as long as the seal that replaces it. */
const UNSEALED = `${SEALED_START}${'0'.repeat(64)}",`;

/** Compressed bytes are gathered into Blobs of about this size: a Blob per piece costs the browser a registration each. */
const BLOB_BYTES = 4 * 2 ** 20;

interface SealedLine {
  bytes: Uint8Array<ArrayBuffer>;
  hash?: string;
}

/** A stream's bytes as Blobs of about BLOB_BYTES each, so they leave the JS heap as they come. */
async function collect(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<Blob[]> {
  const blobs: Blob[] = [];
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  for (const reader = stream.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (value) {
      parts.push(value);
      bytes += value.length;
    }
    if (done || bytes >= BLOB_BYTES) {
      blobs.push(new Blob(parts));
      parts = [];
      bytes = 0;
    }
    if (done) return blobs;
  }
}

/**
 * Writes a backup a chunk at a time. A line goes to the compressor as soon as it and every line before
 * it have their hashes, one line at a time (compressing a few megabytes at once held the page for
 * 100 ms), and the compressed bytes go into Blobs as they come, so the file grows outside the JS heap
 * (Chromium keeps large blobs in the browser process, on disk if need be).
 */
export class BackupWriter {
  private readonly hashes: Promise<string>[] = [];
  private readonly counts: Record<string, number> = {};
  private readonly input: WritableStreamDefaultWriter<Uint8Array<ArrayBuffer>>;
  private readonly output: Promise<Blob[]>;
  private waiting: SealedLine[] = [];

  /**
   * `gzip` compresses as CompressionStream('gzip') does; the desk hands one that works off the page's
   * thread. Each line is written to it once, as a buffer no one else holds.
   */
  constructor(header: { schemaVersion: number; createdAt: string }, gzip: ReadableWritablePair<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>> = new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>) {
    this.input = gzip.writable.getWriter();
    this.output = collect(gzip.readable);
    this.seal({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...header });
  }

  /** The next chunk of a table's rows; a table with no rows is still counted, as empty. */
  add(table: string, rows: readonly unknown[]): void {
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
    if (rows.length > 0) this.seal({ table, rows });
  }

  async finish(): Promise<Blob> {
    const hashes = await Promise.all(this.hashes);
    this.seal({ end: { counts: this.counts, chunks: hashes.length - 1, checksum: await sha256Hex(hashes.join('')) } });
    await this.hashes.at(-1);
    this.flush();
    await this.input.close();
    return new Blob(await this.output, { type: 'application/gzip' });
  }

  private seal(fields: Record<string, unknown>): void {
    // The whole line encoded once, its hash a placeholder written in when the digest settles, so each
    // line is one buffer of its own. JSON.stringify's "{" is left off: the seal's `{"sha256":"…",` takes its place.
    const line: SealedLine = { bytes: encoder.encode(`${UNSEALED}${JSON.stringify(fields).slice(1)}\n`) };
    // Digests settle on their own time; whichever settles, the lines that then have theirs go out in order.
    this.hashes.push(
      sha256Hex(line.bytes.subarray(PREFIX, -1)).then((hash) => {
        encoder.encodeInto(hash, line.bytes.subarray(SEALED_START.length));
        line.hash = hash;
        this.flush();
        return hash;
      }),
    );
    this.waiting.push(line);
  }

  /** Sends the waiting lines up to the first without its hash to the compressor. */
  private flush(): void {
    let ready = 0;
    while (ready < this.waiting.length && this.waiting[ready]!.hash) {
      // A write's promise only says when the compressor took it; a failure shows in `finish`'s close.
      this.input.write(this.waiting[ready++]!.bytes).catch(() => {});
    }
    if (ready > 0) this.waiting = this.waiting.slice(ready);
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
    // A compressed file is told by gzip's bytes alone: what it holds must still start as ours.
    if (!header && decoder.decode(line.subarray(0, SEALED_START.length)) !== SEALED_START) throw new BackupError('foreign');
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
