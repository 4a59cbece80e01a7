import { normalizeCode } from '../text';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdNumberProblem = 'length' | 'charset' | 'birthDate' | 'check';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function birthDateOf(code: string): string | null {
  const y = Number(code.slice(6, 10));
  const m = Number(code.slice(10, 12));
  const d = Number(code.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Returns the first problem found (GB 11643, ISO 7064 MOD 11-2), or null when valid. */
export function checkIdNumber(raw: string, today: string = new Date().toISOString().slice(0, 10)): IdNumberProblem | null {
  const code = normalizeCode(raw);
  if (code.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(code)) return 'charset';
  const birth = birthDateOf(code);
  if (!birth || birth > today) return 'birthDate';
  if (idNumberCheckChar(code) !== code[17]) return 'check';
  return null;
}

export const isValidIdNumber = (raw: string): boolean => checkIdNumber(raw) === null;

export interface IdNumberFacts {
  birthDate: string;
  gender: 'male' | 'female';
}

/** Birth date and gender as the number states them; only for numbers that passed the check. */
export function idNumberFacts(raw: string): IdNumberFacts | null {
  const code = normalizeCode(raw);
  if (!isValidIdNumber(code)) return null;
  return { birthDate: birthDateOf(code)!, gender: Number(code[16]) % 2 === 1 ? 'male' : 'female' };
}

/** 110105********002X: region kept, birth date and sequence hidden, last four shown. */
export function maskIdNumber(raw: string): string {
  const code = normalizeCode(raw);
  if (code.length < 10) return '*'.repeat(code.length);
  return code.slice(0, 6) + '*'.repeat(code.length - 10) + code.slice(-4);
}
