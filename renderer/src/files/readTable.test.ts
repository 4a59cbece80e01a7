import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { readTable, TableReadError, type TableProblem } from './readTable';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => Uint8Array.from(h.replace(/\s/g, '').match(/../g)!, (b) => parseInt(b, 16));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('CSV', () => {
  it('reads UTF-8 with a BOM, and without one', async () => {
    const text = '企业名称,面积\r\n张三工作室,60\r\n';
    const expected = [['企业名称', '面积'], ['张三工作室', '60']];
    expect((await readTable(concat(hex('ef bb bf'), utf8(text)), '名册.csv')).rows).toEqual(expected);
    expect((await readTable(utf8(text), 'roster.CSV')).rows).toEqual(expected);
  });

  it('reads GBK as Excel on a Chinese Windows saves it', async () => {
    // 企业名称,面积 / 张三,60 / 高校毕业生,是 / 否 — byte by byte in GBK.
    const bytes = hex(`
      c6f3 d2b5 c3fb b3c6 2c c3e6 bbfd 0d0a
      d5c5 c8fd 2c 3630 0d0a
      b8df d0a3 b1cf d2b5 c9fa 2c cac7 0d0a
      b7f1 0d0a`);
    expect((await readTable(bytes, 'gbk.csv')).rows).toEqual([['企业名称', '面积'], ['张三', '60'], ['高校毕业生', '是'], ['否']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'a,"b, with comma","say ""hi""","two\r\nlines"\n"",x,"ends\nhere"\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b, with comma', 'say "hi"', 'two\r\nlines'],
      ['', 'x', 'ends\nhere'],
    ]);
  });

  it('reads LF, CR and CRLF line ends, keeps a blank row for numbering, drops blank rows at the end', async () => {
    const { rows } = await readTable(utf8('h1,h2\n1,2\r\n\r3,4\r\n,\n\n'), 't.csv');
    expect(rows).toEqual([['h1', 'h2'], ['1', '2'], [''], ['3', '4']]);
  });

  it('reads text whatever the file is named, and tab-separated text as Excel saves "Unicode text"', async () => {
    expect((await readTable(utf8('企业名称,面积\n张三,60'), '名册.xlsx')).rows).toEqual([['企业名称', '面积'], ['张三', '60']]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'企业名称\t面积\r\n张三\t60\r\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect((await readTable(utf16, '名册.txt')).rows).toEqual([['企业名称', '面积'], ['张三', '60']]);
  });
});

describe('files that cannot be read', () => {
  const problem = (bytes: Uint8Array, name: string) =>
    readTable(bytes, name).then(
      () => 'read',
      (e: unknown) => (e instanceof TableReadError ? e.problem : String(e)),
    );
  /** The first bytes of an OLE compound file, and a directory entry's name in UTF-16LE. */
  const compoundFile = (stream: string) => concat(hex('d0cf11e0a1b11ae1'), new Uint8Array(504), new Uint8Array([...stream].flatMap((c) => [c.charCodeAt(0), 0])));

  it.each<[string, Uint8Array, string, TableProblem]>([
    ['no bytes', new Uint8Array(0), '名册.xlsx', 'empty'],
    ['only a BOM and blank lines', concat(hex('ef bb bf'), utf8(' \r\n,,\r\n')), '名册.csv', 'empty'],
    ['neither UTF-8 nor GBK', hex('41 2c 42 0d 0a c6 f3 ff ff 0d 0a'), '名册.csv', 'unreadable'],
    ['binary', hex('89504e470d0a1a0a0000000d49484452'), '图片.xlsx', 'unreadable'],
    ['a ZIP that is not a workbook', hex('504b0304 0a000000 0000'), '名册.xlsx', 'unreadable'],
    ['a password-protected XLSX', compoundFile('EncryptedPackage'), '名册.xlsx', 'encrypted'],
    ['an old .xls', compoundFile('Workbook'), '名册.xls', 'oldExcel'],
    ['an .xls by name', utf8('<html>'), '名册.xls', 'oldExcel'],
  ])('%s', async (_what, bytes, name, expected) => {
    expect(await problem(bytes, name)).toBe(expected);
  });

  it('calls a workbook whose first sheet holds nothing empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名册');
    expect(await problem(new Uint8Array(await workbook.xlsx.writeBuffer()), '名册.xlsx')).toBe('empty');
  });
});

describe('XLSX', () => {
  async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    fill(workbook.addWorksheet('名册'));
    workbook.addWorksheet('其他').addRow(['not read']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('reads the first sheet with every kind of cell as text', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['某某基地在孵企业名册']);
      sheet.addRow(['企业名称', '注册日期', '入驻日期', '面积', '免费入驻', '备注', '链接', '合计']);
      const row = sheet.addRow([
        { richText: [{ text: '杭州', font: { bold: true } }, { text: '青禾科技' }] },
        new Date(Date.UTC(2023, 4, 6)),
        45078,
        60.5,
        true,
        '１２０　平方米',
        { text: '官网', hyperlink: 'https://example.cn' },
        { formula: 'D3*2', result: 121 },
      ]);
      row.getCell(2).numFmt = 'yyyy-mm-dd';
      sheet.getCell('C4').value = 'sparse';
      sheet.getCell('A5').value = { formula: 'A3', result: '杭州青禾科技' };
      sheet.getCell('B5').value = new Date(Date.UTC(2023, 4, 6, 9, 30));
    });
    const { rows } = await readTable(bytes, 'renamed.bin');
    expect(rows).toEqual([
      ['某某基地在孵企业名册'],
      ['企业名称', '注册日期', '入驻日期', '面积', '免费入驻', '备注', '链接', '合计'],
      ['杭州青禾科技', '2023-05-06', '45078', '60.5', 'TRUE', '１２０　平方米', '官网', '121'],
      ['', '', 'sparse'],
      ['杭州青禾科技', '2023-05-06 09:30:00'],
    ]);
  });

  it('reads 5,000 rows', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['企业名称', '统一社会信用代码', '入驻日期', '面积']);
      for (let i = 1; i <= 5000; i++) sheet.addRow([`企业${i}`, `91330185MA${String(i).padStart(8, '0')}`, new Date(Date.UTC(2024, 0, 1 + (i % 365))), i]);
    });
    const { rows } = await readTable(bytes, 'big.xlsx');
    expect(rows).toHaveLength(5001);
    expect(rows[5000]).toEqual(['企业5000', '91330185MA00005000', '2024-09-12', '5000']);
  });
});
