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
