/**
 * Bytes of a text file → text. Excel on a Chinese Windows saves CSV in the ANSI code page (GBK), so a
 * file that is not valid UTF-8 is read as GB 18030, GBK's superset. A BOM is dropped either way.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    // Strict UTF-8 rejects GBK bytes instead of turning them into replacement characters.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
