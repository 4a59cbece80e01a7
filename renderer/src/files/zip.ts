/**
 * A ZIP archive written in memory, its files deflated as they are fed (CompressionStream is native in
 * Chromium workers and Node ≥ 18). Enough for an XLSX package: no ZIP64, so each file stays under 4 GB.
 */

const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

/** A file of the archive, deflated. */
export interface ZipEntry {
  name: Uint8Array;
  crc: number;
  size: number;
  deflated: Uint8Array;
}

/** Takes a file's bytes in order and gives its archive entry at the end. */
export interface ZipFileWriter {
  write(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<ZipEntry>;
}

/**
 * One file of the archive, deflated as its bytes arrive. Compressed as gzip, whose trailer carries the
 * CRC-32 and size ZIP needs (computed natively, which a JS CRC over 100 MB of XML is not): the deflate
 * data between gzip's fixed header and that trailer is what ZIP stores.
 */
export class ZipFile implements ZipFileWriter {
  private readonly stream = new CompressionStream('gzip');
  private readonly input = this.stream.writable.getWriter();
  private readonly output: Uint8Array[] = [];
  private readonly drained: Promise<void>;

  constructor(private readonly name: string) {
    // Read while writing: the stream holds back writes until its output is taken.
    const reader = this.stream.readable.getReader();
    this.drained = (async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read()) this.output.push(r.value);
    })();
  }

  async write(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    await this.input.write(bytes);
  }

  async close(): Promise<ZipEntry> {
    await this.input.close();
    await this.drained;
    const gzip = new Uint8Array(this.output.reduce((sum, c) => sum + c.length, 0));
    let at = 0;
    for (const chunk of this.output) {
      gzip.set(chunk, at);
      at += chunk.length;
    }
    // No file name, comment or extra field (flags 0): the header is the fixed ten bytes.
    if (gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[3] !== 0) throw new Error('Unexpected gzip header from CompressionStream');
    const trailer = new DataView(gzip.buffer, gzip.length - GZIP_TRAILER);
    return {
      name: new TextEncoder().encode(this.name),
      crc: trailer.getUint32(0, true),
      size: trailer.getUint32(4, true),
      deflated: gzip.subarray(GZIP_HEADER, gzip.length - GZIP_TRAILER),
    };
  }
}

/** MS-DOS date and time, as ZIP stores them (local time, two-second steps). */
function dosTime(when: Date): [time: number, date: number] {
  return [
    (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  ];
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;

/** The archive: each file's local header and data, then the central directory. */
export function zipArchive(entries: ZipEntry[], when = new Date()): Uint8Array {
  const [time, date] = dosTime(when);
  const local = entries.reduce((sum, e) => sum + 30 + e.name.length + e.deflated.length, 0);
  const central = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => (view.setUint16(at, v, true), (at += 2));
  const u32 = (v: number) => (view.setUint32(at, v, true), (at += 4));
  const bytes = (b: Uint8Array) => (out.set(b, at), (at += b.length));
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    u32(0x04034b50);
    u16(VERSION);
    u16(UTF8_NAMES);
    u16(DEFLATE);
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.deflated.length);
    u32(e.size);
    u16(e.name.length);
    u16(0);
    bytes(e.name);
    bytes(e.deflated);
  }
  entries.forEach((e, i) => {
    u32(0x02014b50);
    u16(VERSION);
    u16(VERSION);
    u16(UTF8_NAMES);
    u16(DEFLATE);
    u16(time);
    u16(date);
    u32(e.crc);
    u32(e.deflated.length);
    u32(e.size);
    u16(e.name.length);
    u16(0); // extra field
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]!);
    bytes(e.name);
  });
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(central);
  u32(local);
  u16(0);
  return out;
}
