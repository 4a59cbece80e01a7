import { toHalfWidth } from '../text';

/**
 * Cell text as managers type it → typed values. Every parser takes a non-empty cell and returns the
 * value, or null when the text cannot be read (the caller turns null into a row error naming the cell).
 */

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-31, but it counts a 1900-02-29 that never was (serial 60). */
const SERIAL_EPOCH_BEFORE_BUG = Date.UTC(1899, 11, 31);
const SERIAL_EPOCH_AFTER_BUG = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last day Excel can show. */
const MAX_SERIAL = 2_958_465;

const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function isoFromParts(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 9999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An Excel date serial (a cell read without its date format) → YYYY-MM-DD; a time fraction is dropped. */
export function dateFromSerial(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === 60) return null;
  return isoOf((day < 60 ? SERIAL_EPOCH_BEFORE_BUG : SERIAL_EPOCH_AFTER_BUG) + day * DAY_MS);
}

// 2023-5-6, 2023/05/06, 2023.5.6, 2023年5月6日, optionally followed by a time of day.
const DATE_PATTERN = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

export function parseDate(raw: string): string | null {
  const s = toHalfWidth(raw);
  const parts = DATE_PATTERN.exec(s);
  if (parts) return isoFromParts(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  if (/^\d{8}$/.test(s)) return isoFromParts(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
  // Only 5-digit serials (1927–2173): a shorter number such as 2023.5 is a mistyped date, not a day in 1905.
  if (/^\d{5}(\.\d+)?$/.test(s)) return dateFromSerial(Number(s));
  return null;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有', '对']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '✘', 'x', '无', '不是']);

export function parseYesNo(raw: string): boolean | null {
  const s = toHalfWidth(raw).toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

// Units managers append to areas and amounts; 万 scales by ten thousand.
const NUMBER_PATTERN = /^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(万)?\s*(?:元|平方米|平米|㎡|m2|m²)?$/i;

export function parseNumber(raw: string): number | null {
  const parts = NUMBER_PATTERN.exec(toHalfWidth(raw).replace(/\s+/g, ''));
  if (!parts) return null;
  const digits = parts[1]!.replace(/,/g, '');
  // Shifting the exponent in the text keeps 1.1万 exactly 11000 (1.1 * 10000 would not be).
  return Number(parts[2] ? `${digits}e4` : digits);
}

/** A multi-value cell: 高校毕业生、退役军人 / 高校毕业生,退役军人 / 高校毕业生 退役军人 … */
export function splitList(raw: string): string[] {
  return toHalfWidth(raw)
    .split(/[、,，;；/\s]+/)
    .filter((s) => s !== '');
}
