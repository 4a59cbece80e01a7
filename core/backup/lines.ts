import { BackupError } from './format';

const PIECE = 4 * 2 ** 20;
/** No line we write comes near this; a longer one means the file is not ours. */
const MAX_LINE = 64 * 2 ** 20;
const NEWLINE = 0x0a;

function joined(parts: Uint8Array<ArrayBuffer>[], length: number): Uint8Array<ArrayBuffer> {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** gzip's first two bytes (RFC 1952): how a compressed backup is told from a plain one, whatever its name. */
export async function isGzip(file: Blob): Promise<boolean> {
  const start = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return start[0] === 0x1f && start[1] === 0x8b;
}

/** A plain file a few megabytes at a time. */
async function* slices(file: Blob): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  for (let offset = 0; offset < file.size; offset += PIECE) yield new Uint8Array(await file.slice(offset, offset + PIECE).arrayBuffer());
}

/** A gzip file decompressed as it is read, a plain piece at a time; a damaged or cut-short stream is a damaged file. */
async function* inflated(file: Blob): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const pieces = slices(file);
  const compressed = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  const reader = compressed.pipeThrough(new DecompressionStream('gzip')).getReader();
  try {
    for (;;) {
      const next = await reader.read().catch(() => {
        throw new BackupError('notJson');
      });
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/**
 * A file's lines as bytes, without their newline, read (and, when it is gzip, decompressed) a few
 * megabytes at a time so the file is never whole in memory. UTF-8 never uses the newline byte inside a
 * character, so splitting bytes is safe. A last line without its newline means the file was cut short.
 */
export async function* lines(file: Blob): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingLength = 0;
  for await (const piece of (await isGzip(file)) ? inflated(file) : slices(file)) {
    let start = 0;
    for (let end = piece.indexOf(NEWLINE); end !== -1; end = piece.indexOf(NEWLINE, start)) {
      pending.push(piece.subarray(start, end));
      yield joined(pending, pendingLength + end - start);
      pending = [];
      pendingLength = 0;
      start = end + 1;
    }
    if (start < piece.length) {
      pending.push(piece.subarray(start));
      pendingLength += piece.length - start;
      if (pendingLength > MAX_LINE) throw new BackupError('foreign');
    }
  }
  if (pendingLength > 0) throw new BackupError('notJson');
}
