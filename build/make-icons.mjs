// Draws the desk's icon (an egg hatching a sprout: 孵化) and writes build/icon.png (512x512) and
// build/icon.ico (PNG-compressed entries 16–256). Node built-ins only, so it runs anywhere: `node build/make-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SAMPLES = 4; // per axis: 16 samples a pixel for smooth edges

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE_TOP = [22, 119, 255];
const BLUE_BOTTOM = [9, 88, 217];
const SHELL = [255, 255, 255];
const LEAF = [82, 196, 26];

function insideRoundedSquare(x, y) {
  const r = 0.2;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
}

function insideEgg(x, y) {
  const ry = 0.3;
  const v = (y - 0.6) / ry;
  const rx = 0.23 * (1 + 0.13 * v); // wider below, like an egg
  const u = (x - 0.5) / rx;
  return u * u + v * v <= 1;
}

function insideLeaf(x, y, cx, cy, angle) {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const u = ((x - cx) * cos + (y - cy) * sin) / 0.085;
  const v = (-(x - cx) * sin + (y - cy) * cos) / 0.04;
  return u * u + v * v <= 1;
}

function insideStem(x, y) {
  return Math.abs(x - 0.5) <= 0.012 && y >= 0.215 && y <= 0.32;
}

/** Colour at a point of the unit square, or null where the icon is transparent. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if (insideEgg(x, y)) return SHELL;
  if (insideStem(x, y) || insideLeaf(x, y, 0.42, 0.2, 0.55) || insideLeaf(x, y, 0.58, 0.2, -0.55)) return LEAF;
  return BLUE_TOP.map((top, i) => Math.round(top + (BLUE_BOTTOM[i] - top) * y));
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (colour === null) continue;
          for (let i = 0; i < 3; i++) sum[i] += colour[i];
          sum[3] += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (sum[3] > 0) for (let i = 0; i < 3; i++) rgba[offset + i] = Math.round(sum[i] / sum[3]);
      rgba[offset + 3] = Math.round((255 * sum[3]) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, rgba);
}

function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map(({ png }) => png)]);
}

const dir = new URL('.', import.meta.url);
writeFileSync(new URL('icon.png', dir), render(512));
writeFileSync(new URL('icon.ico', dir), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: render(size) }))));
console.log('wrote build/icon.png and build/icon.ico');
