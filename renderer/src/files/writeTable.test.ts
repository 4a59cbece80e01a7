import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTable } from './exportTable';
import { readTable } from './readTable';
import { writeCsv, writeXlsx, type SheetSpec } from './writeTable';

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
  ],
};

describe('XLSX writer', () => {
  it('reads back what it wrote', async () => {
    const { rows } = await readTable(await writeXlsx(spec), 'export.xlsx');
    expect(rows).toEqual([
      ['企业名称', '身份证号', '入驻日期', '面积', '融资额（元）', '备注'],
      ['杭州青禾科技有限公司', '11010519491231002X', '2023-05-06', '60.5', '1234567.8', '=HYPERLINK("http://x")'],
      ['张三工作室, "老字号"', '330185199001010012', '2024-02-29', '-3', '0', 'two\nlines'],
      ['空值', '', '', '', '', '@mention'],
    ]);
  });

  it('writes real dates and numbers, a bold frozen header, and widths that fit Chinese', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(spec)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('在孵企业_2025_Q1');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(sheet.getCell('C2').value).toEqual(new Date(Date.UTC(2023, 4, 6)));
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('D3').value).toBe(-3);
    expect(sheet.getCell('E2').numFmt).toBe('#,##0.00');
    // An ID number stays text: as a number Excel would show 1.10105E+17 and drop the last digits.
    expect(sheet.getCell('B3').value).toBe('330185199001010012');
    // A formula-looking string is a string cell, never a formula.
    expect(sheet.getCell('F2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getColumn(1).width).toBe(2 * 10 + 2);
    expect(sheet.getColumn(6).width).toBe(30);
  });
});

describe('CSV writer', () => {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(3));

  it('starts with a UTF-8 BOM, ends lines with CRLF and quotes where needed', () => {
    const bytes = writeCsv(spec);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes).split('\r\n')).toEqual([
      '企业名称,身份证号,入驻日期,面积,融资额（元）,备注',
      `杭州青禾科技有限公司,11010519491231002X,2023-05-06,60.5,1234567.80,"'=HYPERLINK(""http://x"")"`,
      '"张三工作室, ""老字号""",330185199001010012,2024-02-29,-3,0.00,"two\nlines"',
      "空值,,,,,'@mention",
      '',
    ]);
  });

  it('defuses text that spreadsheet programs would run as a formula, but not negative numbers', () => {
    const csv = text(writeCsv({ name: 't', columns: [{ header: 'a' }, { header: 'n', kind: 'number' }], rows: [['+8613800000000', -1], ['-1+1', -2], ['\t=1', 0], ['a=b', 1]] }));
    expect(csv.split('\r\n').slice(1, 5)).toEqual(["'+8613800000000,-1", "'-1+1,-2", "'\t=1,0", 'a=b,1']);
  });

  it('reads back through readTable', async () => {
    const { rows } = await readTable(writeCsv(spec), 'export.csv');
    expect(rows[2]).toEqual(['张三工作室, "老字号"', '330185199001010012', '2024-02-29', '-3', '0.00', 'two\nlines']);
  });
});

describe('export', () => {
  it('writes in the calling thread where there is no Worker', async () => {
    expect(await exportTable(spec, 'csv')).toEqual(writeCsv(spec));
    expect((await readTable(await exportTable(spec, 'xlsx'), 'x.xlsx')).rows).toHaveLength(4);
  });
});
