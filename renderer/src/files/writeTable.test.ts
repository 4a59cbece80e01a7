import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTable, startExport } from './exportTable';
import { readTable } from './readTable';
import { writeTable, type SheetSpec } from './writeTable';

const spec: SheetSpec = {
  name: '在孵企业/2025:Q1',
  columns: [
    { header: '企业名称' },
    { header: '身份证号' },
    { header: '入驻日期', kind: 'date' },
    { header: '面积', kind: 'number' },
    { header: '融资额（元）', kind: 'money' },
    { header: '备注', width: 30 },
  ],
  rows: [
    ['杭州青禾科技有限公司', '11010519491231002X', '2023-05-06', 60.5, 1234567.8, '=HYPERLINK("http://x")'],
    ['张三工作室, "老字号"', '330185199001010012', new Date(2024, 1, 29), -3, 0, 'two\nlines'],
    ['空值', null, undefined, null, null, '@mention\u0007'],
    ['<R&D> 实验室', '  前后空格  ', '未签约', '约60', 0.1 + 0.2, '杭州青禾科技有限公司'],
  ],
};

/** The package's parts, from their local file headers (which come one after another, then the central directory). */
function parts(zip: Uint8Array): { name: string; crc: number; size: number; data: Buffer }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const [crc, deflatedSize, size, nameLength] = [view.getUint32(at + 14, true), view.getUint32(at + 18, true), view.getUint32(at + 22, true), view.getUint16(at + 26, true)];
    const start = at + 30 + nameLength;
    found.push({ name: new TextDecoder().decode(zip.subarray(at + 30, start)), crc, size, data: inflateRawSync(zip.subarray(start, start + deflatedSize)) });
    at = start + deflatedSize;
  }
  return found;
}

/** A part of the package as text. */
const partOf = (zip: Uint8Array, name: string) => parts(zip).find((p) => p.name === name)!.data.toString('utf8');

async function workbookOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's type says Buffer; its zip reader takes any byte array.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

describe('XLSX writer', () => {
  it('reads back what it wrote', async () => {
    const { rows } = await readTable(await writeTable(spec, 'xlsx'), 'export.xlsx');
    expect(rows).toEqual([
      ['企业名称', '身份证号', '入驻日期', '面积', '融资额（元）', '备注'],
      ['杭州青禾科技有限公司', '11010519491231002X', '2023-05-06', '60.5', '1234567.8', '=HYPERLINK("http://x")'],
      ['张三工作室, "老字号"', '330185199001010012', '2024-02-29', '-3', '0', 'two\nlines'],
      ['空值', '', '', '', '', '@mention'],
      ['<R&D> 实验室', '  前后空格  ', '未签约', '约60', '0.30000000000000004', '杭州青禾科技有限公司'],
    ]);
  });

  it('writes real dates and numbers, a bold frozen header, and widths that fit Chinese', async () => {
    const sheet = (await workbookOf(await writeTable(spec, 'xlsx'))).worksheets[0]!;
    expect(sheet.name).toBe('在孵企业_2025_Q1');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(sheet.getCell('C2').value).toEqual(new Date(Date.UTC(2023, 4, 6)));
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C3').value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(sheet.getCell('D3').value).toBe(-3);
    expect(sheet.getCell('D3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('E2').value).toBe(1234567.8);
    expect(sheet.getCell('E2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('A2').numFmt).toBe('@');
    // An ID number stays text: as a number Excel would show 1.10105E+17 and drop the last digits.
    expect(sheet.getCell('B3').value).toBe('330185199001010012');
    // A formula-looking string is a string cell, never a formula.
    expect(sheet.getCell('F2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('F2').value).toBe('=HYPERLINK("http://x")');
    // Empty values leave no cell; a value that does not fit its kind stays as text.
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getCell('C5').value).toBe('未签约');
    expect(sheet.getCell('D5').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getColumn(1).width).toBe(2 * 10 + 2);
    expect(sheet.getColumn(3).width).toBe(12);
    expect(sheet.getColumn(6).width).toBe(30);
  });

  it('names a sheet Excel accepts, whatever the title', async () => {
    const named = async (name: string) => (await workbookOf(await writeTable({ name, columns: [{ header: 'a' }], rows: [] }, 'xlsx'))).worksheets[0]!.name;
    expect(await named("'季度 \"报表\" & 汇总'")).toBe('季度 "报表" & 汇总');
    expect(await named('x'.repeat(40))).toBe('x'.repeat(31));
    expect(await named('[]')).toBe('__');
  });

  it('writes a sheet fed in uneven chunks, sizing columns from the first rows', async () => {
    const columns = [{ header: 'n', kind: 'number' as const }, { header: '名称' }, { header: '日期', kind: 'date' as const }];
    const rows = Array.from({ length: 4500 }, (_, i) => [i, i < 10 ? '很长很长很长很长很长的名称' : `企业${i % 7}`, `2025-01-${String((i % 28) + 1).padStart(2, '0')}`]);
    const sink = await startExport({ name: 'big', columns }, 'xlsx');
    for (const size of [1, 150, 49, 3000, 1300]) await sink.add(rows.splice(0, size));
    const sheet = (await workbookOf(await sink.finish())).worksheets[0]!;
    expect(sheet.rowCount).toBe(4501);
    expect(sheet.getCell('A4501').value).toBe(4499);
    expect(sheet.getCell('B4501').value).toBe('企业5');
    expect(sheet.getCell('C4501').value).toEqual(new Date(Date.UTC(2025, 0, 20)));
    expect(sheet.getColumn(2).width).toBe(2 * 13 + 2);
  });

  it('keeps a repeating column\'s texts once in the shared strings, and gives a cell its reference only after a gap', async () => {
    const columns = [{ header: '名称' }, { header: '阶段' }, { header: '备注' }, { header: 'n', kind: 'number' as const }];
    const rows = Array.from({ length: 1000 }, (_, i) => [`企业${i}`, ['初创期', '成长期'][i % 2], i % 3 ? '' : `备注${i}`, i]);
    const bytes = await writeTable({ name: 's', columns, rows }, 'xlsx');
    const strings = partOf(bytes, 'xl/sharedStrings.xml').match(/<si>/g)!.length;
    // Four headers, a thousand names, two stages, 334 remarks.
    expect(strings).toBe(4 + 1000 + 2 + 334);
    const sheetXml = partOf(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain('<row r="3"><c r="A3" s="1" t="s"><v>7</v></c><c s="1" t="s"><v>8</v></c><c r="D3"><v>1</v></c></row>');
    const sheet = (await workbookOf(bytes)).worksheets[0]!;
    expect([sheet.getCell('A1000').value, sheet.getCell('B1000').value, sheet.getCell('C1000').value, sheet.getCell('D1000').value]).toEqual(['企业998', '初创期', null, 998]);
    expect([sheet.getCell('A1001').value, sheet.getCell('B1001').value, sheet.getCell('C1001').value, sheet.getCell('D1001').value]).toEqual(['企业999', '成长期', '备注999', 999]);
  });

  it('stores each part with the CRC-32 and sizes ZIP readers check', async () => {
    const zip = await writeTable(spec, 'xlsx');
    const found = parts(zip);
    for (const part of found) expect([part.data.length, zlibCrc32(part.data)]).toEqual([part.size, part.crc]);
    const names = found.map((part) => part.name);
    expect(names).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']);
  });
});

describe('CSV writer', () => {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(3));

  it('starts with a UTF-8 BOM, ends lines with CRLF and quotes where needed', async () => {
    const bytes = await writeTable(spec, 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes).split('\r\n')).toEqual([
      '企业名称,身份证号,入驻日期,面积,融资额（元）,备注',
      `杭州青禾科技有限公司,11010519491231002X,2023-05-06,60.5,1234567.80,"'=HYPERLINK(""http://x"")"`,
      '"张三工作室, ""老字号""",330185199001010012,2024-02-29,-3,0.00,"two\nlines"',
      "空值,,,,,'@mention",
      '<R&D> 实验室,  前后空格  ,未签约,约60,0.30,杭州青禾科技有限公司',
      '',
    ]);
  });

  it('defuses text that spreadsheet programs would run as a formula, but not negative numbers', async () => {
    const csv = text(await writeTable({ name: 't', columns: [{ header: 'a' }, { header: 'n', kind: 'number' }], rows: [['+8613800000000', -1], ['-1+1', -2], ['\t=1', 0], ['a=b', 1]] }, 'csv'));
    expect(csv.split('\r\n').slice(1, 5)).toEqual(["'+8613800000000,-1", "'-1+1,-2", "'\t=1,0", 'a=b,1']);
  });

  it('reads back through readTable', async () => {
    const { rows } = await readTable(await writeTable(spec, 'csv'), 'export.csv');
    expect(rows[2]).toEqual(['张三工作室, "老字号"', '330185199001010012', '2024-02-29', '-3', '0.00', 'two\nlines']);
  });
});

describe('export', () => {
  it('writes in the calling thread where there is no Worker', async () => {
    expect(await exportTable(spec, 'csv')).toEqual(await writeTable(spec, 'csv'));
    expect((await readTable(await exportTable(spec, 'xlsx'), 'x.xlsx')).rows).toHaveLength(5);
  });
});
