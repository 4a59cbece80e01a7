import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { readTable, UnsupportedTableError } from './readTable';

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

  it('refuses what is neither XLSX nor CSV', async () => {
    await expect(readTable(utf8('hello'), 'notes.docx')).rejects.toBeInstanceOf(UnsupportedTableError);
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
