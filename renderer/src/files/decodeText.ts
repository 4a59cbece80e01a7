/**
 * Bytes of a text file → text, or null when they are not text the desk can read. Excel on a Chinese
 * Windows saves CSV in the ANSI code page (GBK), so a file that is not valid UTF-8 is read as GB 18030,
 * GBK's superset; Excel's "Unicode text" is UTF-16 with a BOM. A BOM is dropped either way.
 */
export function decodeText(bytes: Uint8Array): string | null {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  // Strict decoders reject bytes of another encoding instead of turning them into replacement characters.
  for (const encoding of utf16 ? [utf16] : ['utf-8', 'gb18030']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      // Control characters other than tabs and line ends mean binary data that happened to decode.
      // eslint-disable-next-line no-control-regex
      return /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text) ? null : text;
    } catch {
      // Not this encoding: try the next.
    }
  }
  return null;
}
