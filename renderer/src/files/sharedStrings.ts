import { escapeText, MAIN_NS, XML_HEAD } from './xml';
import type { ZipFileWriter } from './zip';

/** Written out (and deflated) each time this much XML has gathered. */
const FLUSH_CHARS = 1 << 20;

/**
 * A workbook's shared strings, written to their part as they first appear rather than kept to the end:
 * at 100,000 rows most strings (names, codes, phone numbers) occur once, and a map of them all was the
 * writer's largest cost. Only strings of columns that repeat are looked up; the table may hold a string
 * twice (Excel writes such tables too), and without counts (optional) it needs nothing known in advance.
 */
export class SharedStrings {
  private readonly seen = new Map<string, number>();
  private readonly encoder = new TextEncoder();
  private count = 0;
  private xml: string;

  constructor(private readonly file: ZipFileWriter) {
    this.xml = `${XML_HEAD}<sst xmlns="${MAIN_NS}">`;
  }

  /** The string's index; `repeats` looks it up first, so a column of few values holds each once. */
  index(s: string, repeats: boolean): number {
    if (repeats) {
      const known = this.seen.get(s);
      if (known !== undefined) return known;
      this.seen.set(s, this.count);
    }
    // Most text needs neither escaping nor xml:space (without which Excel drops leading and trailing
    // spaces and line breaks): one test finds the rest.
    if (!/[&<>\n]|^\s|\s$/.test(s)) this.xml += `<si><t>${s}</t></si>`;
    else this.xml += /^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${escapeText(s)}</t></si>` : `<si><t>${escapeText(s)}</t></si>`;
    return this.count++;
  }

  /** Hands what has gathered to the file; call between chunks of rows. */
  async flush(): Promise<void> {
    if (this.xml.length < FLUSH_CHARS) return;
    await this.file.write(this.encoder.encode(this.xml));
    this.xml = '';
  }

  async close() {
    await this.file.write(this.encoder.encode(`${this.xml}</sst>`));
    return this.file.close();
  }
}

/** A column repeats when its first rows hold fewer distinct texts than half their texts. */
export function repeatingColumns(sample: readonly unknown[][], columns: number): boolean[] {
  return Array.from({ length: columns }, (_, col) => {
    const texts = sample.map((row) => row[col]).filter((v) => typeof v === 'string' && v !== '');
    return new Set(texts).size * 2 <= texts.length;
  });
}
