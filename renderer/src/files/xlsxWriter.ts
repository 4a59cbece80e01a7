import { AsciiBuffer } from './asciiBuffer';
import { cellOf, cleanText, fittedWidths, SAMPLE_ROWS } from './cells';
import { repeatingColumns, SharedStrings } from './sharedStrings';
import { escapeAttr, MAIN_NS, XML_HEAD } from './xml';
import type { ColumnKind, SheetHead, TableWriter } from './writeTable';
import { zipArchive, ZipFile, type ZipFileWriter } from './zip';
import { zipFileOffThread } from './zipOffThread';

/**
 * A minimal SpreadsheetML package written as rows arrive: one worksheet, shared strings, the styles the
 * desk uses (text '@', yyyy-mm-dd dates as serial numbers, #,##0.00 money, a bold header), a frozen
 * first row and column widths. ExcelJS's writer builds the whole workbook in memory and serialises it
 * in one step; this one keeps only the compressed output and the strings of columns that repeat.
 */

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>` +
  '</Types>';

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
  '</Relationships>';

/** Cell formats (cellXfs), by index: what each column kind and the header use. */
const STYLE: Record<ColumnKind | 'header', number> = { number: 0, text: 1, date: 2, money: 3, header: 4 };
const font = (bold: boolean) => `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
const xf = (numFmtId: number, fontId = 0) =>
  `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
// 49 is Excel's built-in '@'; 164 and up are the file's own formats.
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>' +
  `<fonts count="2">${font(false)}${font(true)}</fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="5">${xf(0)}${xf(49)}${xf(164)}${xf(165)}${xf(49, 1)}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them (a repair prompt). */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet1';

/** A, B, … Z, AA, AB, … */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Excel's serial day number of 1970-01-01 (its 1900 date system, leap-year bug included). */
const UNIX_EPOCH_SERIAL = 25_569;

export function xlsxWriter(head: SheetHead): TableWriter {
  const encoder = new TextEncoder();
  let sheet: ZipFileWriter | undefined;
  // A sheet of more rows than the sample deflates its large parts in workers of their own.
  let large = false;
  const zipFile = async (name: string): Promise<ZipFileWriter> => (large ? zipFileOffThread(name) : new ZipFile(name));
  let strings: SharedStrings | undefined;
  let repeats: boolean[] = [];
  const kinds = head.columns.map((c) => c.kind ?? 'text');
  const ascii = (s: string) => encoder.encode(s);
  // A cell is `<c r="B7" s="…" t="s"><v>…</v></c>`, its reference left out when it follows the row's
  // previous cell (a third of the sheet's bytes, to build and to deflate); Excel, LibreOffice and
  // ExcelJS all place such a cell in the next column. The parts around the row number and value, per
  // column; a cell that follows another is opened together with the other's end.
  const letters = kinds.map((_, col) => columnLetters(col));
  const open = letters.map((l) => ascii(`<c r="${l}`));
  const style = kinds.map((kind) => (STYLE[kind] ? ` s="${STYLE[kind]}"` : ''));
  const textMid = style.map((s) => ascii(`"${s} t="s"><v>`));
  const valueMid = style.map((s) => ascii(`"${s}><v>`));
  const nextText = style.map((s) => ascii(`</v></c><c${s} t="s"><v>`));
  const nextValue = style.map((s) => ascii(`</v></c><c${s}><v>`));
  const [rowOpen, rowMid, cellEnd, rowEnd] = ['<row r="', '">', '</v></c>', '</row>'].map(ascii) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const out = new AsciiBuffer();
  let rowNumber = 0;
  let sample: unknown[][] | null = [];

  const writeRow = (row: readonly unknown[]) => {
    const r = ++rowNumber;
    out.bytes(rowOpen);
    out.uint(r);
    out.bytes(rowMid);
    // Whether the previous column's cell was written, and whether any cell still needs its end.
    let follows = false;
    let unended = false;
    for (let col = 0; col < kinds.length; col++) {
      const cell = cellOf(row[col], kinds[col]!);
      if (cell === null) {
        follows = false;
        continue;
      }
      const text = typeof cell === 'string';
      if (follows) out.bytes(text ? nextText[col]! : nextValue[col]!);
      else {
        if (unended) out.bytes(cellEnd);
        out.bytes(open[col]!);
        out.uint(r);
        out.bytes(text ? textMid[col]! : valueMid[col]!);
      }
      if (text) out.uint(strings!.index(cell, repeats[col]!));
      else out.text(String(kinds[col] === 'date' ? cell + UNIX_EPOCH_SERIAL : cell));
      follows = unended = true;
    }
    if (unended) out.bytes(cellEnd);
    out.bytes(rowEnd);
  };

  const writeRows = async (rows: readonly unknown[][]) => {
    for (const row of rows) writeRow(row);
    await Promise.all([sheet!.write(out.take()), strings!.flush()]);
  };

  /** Everything before the rows: widths need the first rows, so the sheet starts once they are in. */
  const start = async (first: unknown[][]) => {
    sample = null;
    const cols = fittedWidths(head.columns, first)
      .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1" style="${STYLE[kinds[i]!]}"/>`)
      .join('');
    repeats = repeatingColumns(first, kinds.length);
    const [sheetFile, stringsFile] = await Promise.all([zipFile('xl/worksheets/sheet1.xml'), zipFile('xl/sharedStrings.xml')]);
    sheet = sheetFile;
    strings = new SharedStrings(stringsFile);
    const headerCells = head.columns.map((c, col) => `<c r="${letters[col]}1" s="${STYLE.header}" t="s"><v>${strings!.index(cleanText(c.header), false)}</v></c>`);
    rowNumber = 1;
    await sheet.write(
      encoder.encode(
        `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
          '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
          '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
          `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData><row r="1">${headerCells.join('')}</row>`,
      ),
    );
    await writeRows(first);
  };

  const small = async (name: string, xml: string) => {
    const file = new ZipFile(name);
    await file.write(encoder.encode(xml));
    return file.close();
  };

  return {
    async add(rows) {
      if (!sample) return writeRows(rows);
      sample = sample.concat(rows);
      if (sample.length < SAMPLE_ROWS) return;
      large = true;
      await start(sample);
    },
    async finish() {
      if (sample) await start(sample);
      await sheet!.write(encoder.encode('</sheetData></worksheet>'));
      // The sheet's last chunks are deflated while the shared strings' are.
      const sheetEntry = sheet!.close();
      sheetEntry.catch(() => {});
      const stringsEntry = strings!.close();
      stringsEntry.catch(() => {});
      const workbook =
        `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${escapeAttr(sheetName(head.name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
      return zipArchive([
        await small('[Content_Types].xml', CONTENT_TYPES),
        await small('_rels/.rels', ROOT_RELS),
        await small('xl/workbook.xml', workbook),
        await small('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
        await small('xl/styles.xml', STYLES),
        await stringsEntry,
        await sheetEntry,
      ]);
    },
  };
}
