import { cellOf, MS_PER_DAY, type Cell } from './cells';
import type { ColumnKind, SheetHead, TableWriter } from './writeTable';

/** RFC 4180 CSV: fields in double quotes may hold commas, quotes ("") and line breaks. */

/** Text → rows of fields. Lines may end in CRLF, LF or CR; fields are separated by commas, or by tabs where said. */
export function parseCsv(text: string, delimiter: ',' | '\t' = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    let field: string;
    if (text[i] === '"') {
      field = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          // An unclosed quote runs to the end of the file, as Excel reads it.
          field += text.slice(from);
          i = n;
          break;
        }
        field += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as Excel does.
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    } else {
      const start = i;
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
      field = text.slice(start, i);
    }
    row.push(field);
    if (i < n && text[i] === delimiter) {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i >= n) break;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (i >= n) break;
  }
  return rows;
}

/** One field, quoted only when it has to be. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A text cell that Excel would run as a formula (=, +, -, @, or a tab/CR before one) gets a leading '. */
const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvText(cell: Cell, kind: ColumnKind): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (kind === 'date') return new Date(cell * MS_PER_DAY).toISOString().slice(0, 10);
    return kind === 'money' ? cell.toFixed(2) : String(cell);
  }
  return csvField(defuse(cell));
}

/** UTF-8 with a BOM (without one Excel reads Chinese as GBK mojibake) and CRLF line ends. */
export function csvWriter(head: SheetHead): TableWriter {
  const encoder = new TextEncoder();
  const kinds = head.columns.map((c) => c.kind ?? 'text');
  const parts = [encoder.encode(`\uFEFF${head.columns.map((c) => csvField(defuse(c.header))).join(',')}\r\n`)];
  return {
    async add(rows) {
      let text = '';
      for (const row of rows) text += `${kinds.map((kind, col) => csvText(cellOf(row[col], kind), kind)).join(',')}\r\n`;
      parts.push(encoder.encode(text));
    },
    async finish() {
      const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    },
  };
}
