/** Full-width ASCII (as typed with a Chinese IME) to half-width, ideographic space to space, trimmed. */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

/** Codes (credit code, ID number) are written without inner spaces and in upper case. */
export function normalizeCode(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** Han characters and CJK punctuation: a space next to one is a typing slip, not a word break. */
const CJK = /[\u2E80-\u303F\u3040-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

/**
 * A name (of a startup, founder, contact or mentor) as it is kept: full-width to half-width, spaces
 * inside Chinese removed (李 娟 → 李娟), spaces between Latin words kept as one (Blue  Sky → Blue Sky).
 * Every name passes the record schemas, so the form, the import and the roster all store one spelling.
 */
export function normalizeName(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, (space: string, at: number, s: string) => (CJK.test(s[at - 1] ?? '') || CJK.test(s[at + space.length] ?? '') ? '' : ' '));
}
