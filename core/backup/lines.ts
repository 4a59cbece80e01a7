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

/**
 * A file's lines as bytes, without their newline, read a few megabytes at a time so the file is never
 * whole in memory. UTF-8 never uses the newline byte inside a character, so splitting bytes is safe.
 * A last line without its newline means the file was cut short.
 */
export async function* lines(file: Blob): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingLength = 0;
  for (let offset = 0; offset < file.size; offset += PIECE) {
    const piece = new Uint8Array(await file.slice(offset, offset + PIECE).arrayBuffer());
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
