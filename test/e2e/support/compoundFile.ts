/**
 * An OLE compound file (MS-CFB, version 3, 512-byte sectors) holding the given streams: the container
 * of an .xls from Excel 97–2003 (a Workbook stream) and of a password-protected XLSX (EncryptionInfo
 * and EncryptedPackage streams). Streams are padded to the 4,096-byte mini-stream cutoff so each lies
 * in ordinary sectors.
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

export function compoundFile(streams: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.bytes.length / SECTOR) * SECTOR);
    const bytes = new Uint8Array(size);
    bytes.set(s.bytes);
    return { name: s.name, bytes, size: Math.max(4096, s.bytes.length) };
  });
  if (streams.length > 3) throw new Error('One directory sector holds the root and three streams');
  // Sector 0: the FAT; sector 1: the directory; then each stream's sectors in turn.
  const fat = Array.from({ length: SECTOR / 4 }, () => FREE);
  fat[0] = FAT_SECTOR;
  fat[1] = END_OF_CHAIN;
  let next = 2;
  const starts = padded.map((s) => {
    const start = next;
    const count = s.bytes.length / SECTOR;
    for (let k = 0; k < count; k++) fat[start + k] = k === count - 1 ? END_OF_CHAIN : start + k + 1;
    next += count;
    return start;
  });
  if (next > SECTOR / 4) throw new Error('One FAT sector maps 128 sectors');

  const file = new Uint8Array(SECTOR * (1 + next));
  const view = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x003e, true);
  view.setUint16(26, 0x0003, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true);
  view.setUint32(48, 1, true);
  view.setUint32(56, 4096, true);
  view.setUint32(60, END_OF_CHAIN, true);
  view.setUint32(68, END_OF_CHAIN, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : FREE, true);
  fat.forEach((entry, i) => view.setUint32(SECTOR + i * 4, entry, true));

  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = SECTOR * 2 + index * 128;
    [...name].forEach((c, i) => view.setUint16(at + i * 2, c.charCodeAt(0), true));
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    file[at + 66] = type;
    file[at + 67] = 1;
    view.setUint32(at + 68, NO_STREAM, true);
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  // The root's children chained through right siblings, shortest name first as the format orders them.
  const order = padded.map((_, i) => i).sort((a, b) => padded[a]!.name.length - padded[b]!.name.length || padded[a]!.name.localeCompare(padded[b]!.name));
  entry(0, 'Root Entry', 5, order.length ? order[0]! + 1 : NO_STREAM, NO_STREAM, END_OF_CHAIN, 0);
  order.forEach((i, k) => entry(i + 1, padded[i]!.name, 2, NO_STREAM, k + 1 < order.length ? order[k + 1]! + 1 : NO_STREAM, starts[i]!, padded[i]!.size));
  for (let i = padded.length + 1; i < 4; i++) {
    const at = SECTOR * 2 + i * 128;
    view.setUint32(at + 68, NO_STREAM, true);
    view.setUint32(at + 72, NO_STREAM, true);
    view.setUint32(at + 76, NO_STREAM, true);
  }
  padded.forEach((s, i) => file.set(s.bytes, SECTOR * (1 + starts[i]!)));
  return file;
}
