import { normalizeCode } from '../text';

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration authority (position 1) → allowed entity type codes (position 2), per GB 32100 appendix. */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

export type CreditCodeProblem = 'length' | 'charset' | 'authority' | 'region' | 'check';

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Returns the first problem found, or null when the code is valid. */
export function checkCreditCode(raw: string): CreditCodeProblem | null {
  const code = normalizeCode(raw);
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'charset';
  const types = AUTHORITY_TYPES[code[0]!];
  if (!types || !types.includes(code[1]!)) return 'authority';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region';
  if (creditCodeCheckChar(code) !== code[17]) return 'check';
  return null;
}

export const isValidCreditCode = (raw: string): boolean => checkCreditCode(raw) === null;
