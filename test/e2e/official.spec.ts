import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { loadDemo, setUpCarrier } from './support/desk';
import { printedPdf } from './support/pdf';

const lastYear = new Date().getFullYear() - 1;
const range = { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };

interface Stored {
  id: string;
  name: string;
  entityType: string;
  status: string;
  admittedOn: string;
  exitedOn?: string;
}
interface StoredReport {
  id: string;
  startupId: string;
  period: string;
  employees: number;
  newGraduateHires: number;
  revenue: number;
  taxPaid: number;
  financing: number;
  guaranteeLoans: number;
}

/** Reads (and, given `put`, first writes) the desk's records straight from IndexedDB, as the desk stored them. */
async function records(page: Page, put?: StoredReport) {
  return page.evaluate(async (put) => {
    const open = indexedDB.open('incubator-desk');
    const db: IDBDatabase = await new Promise((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    if (put) {
      const tx = db.transaction('reports', 'readwrite');
      tx.objectStore('reports').put(put);
      await new Promise((ok) => (tx.oncomplete = ok));
    }
    const all = <T,>(store: string) =>
      new Promise<T[]>((ok) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result as T[]);
      });
    const out = { startups: await all<Stored>('startups'), reports: await all<StoredReport>('reports') };
    db.close();
    return out;
  }, put);
}

async function download(page: Page, button: string): Promise<Download> {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return file;
}

async function workbook(file: Download) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.worksheets[0]!;
  return { sheet, row: (n: number) => (sheet.getRow(n).values as unknown[]).slice(1) };
}

const thousands = (yuan: number) => Math.sign(yuan) * Math.round(Math.abs(yuan) / 1000);

test('official files: each exported as XLSX and CSV and read back; a failing check lists what to fix; the self-assessment prints', async ({ page }, testInfo) => {
  await setUpCarrier(page);
  await loadDemo(page);
  await page.evaluate(() => (location.hash = '#/dashboard/official'));
  await expect(page.getByRole('textbox', { name: '统计期间' }).first()).toHaveValue(range.from);

  // 火炬 在孵企业情况: enterprises in residence at the year's end, money in 千元 from the year's four quarters.
  const torch = await workbook(await download(page, '导出 火炬统计 在孵企业情况表（XLSX）'));
  expect(torch.sheet.name).toBe('在孵企业情况');
  expect(torch.row(1)).toEqual([
    '序号', '企业名称', '统一社会信用代码', '入孵时间', '所属行业', '是否高新技术企业', '从业人员（人）', '其中：大专以上人员（人）', '其中：吸纳应届大学毕业生（人）',
    '总收入（千元）', '净利润（千元）', '上缴税费（千元）', '研究与试验发展（R&D）投入（千元）', '知识产权申请数（件）', '知识产权授权数（件）', '其中：发明专利（件）',
    '获得投融资（千元）', '其中：创业担保贷款（千元）', '其中：股权融资（千元）', '获得财政资助（千元）',
  ]);
  const { startups, reports } = await records(page);
  const enterprises = startups.filter((s) => s.entityType === 'enterprise' && s.admittedOn <= range.to && !(s.status === 'exited' && s.exitedOn! <= range.to));
  expect(torch.sheet.rowCount).toBe(enterprises.length + 1);
  const row = torch.row(2);
  const startup = startups.find((s) => s.name === row[1])!;
  const year = reports.filter((r) => r.startupId === startup.id && r.period.startsWith(String(lastYear))).sort((a, b) => a.period.localeCompare(b.period));
  const sum = (k: 'revenue' | 'taxPaid' | 'financing' | 'guaranteeLoans') => year.reduce((n, r) => n + r[k], 0);
  expect(row[0]).toBe(1);
  expect(row[3]).toEqual(new Date(`${startup.admittedOn}T00:00:00Z`));
  expect(row[6]).toBe(year.at(-1)!.employees);
  expect(row[9]).toBe(thousands(sum('revenue')));
  expect(row[11]).toBe(thousands(sum('taxPaid')));
  expect(row[16]).toBe(thousands(sum('financing')));

  // The same table as CSV: UTF-8 with a BOM, the same headers and figures.
  const torchCsv = readFileSync(await (await download(page, '导出 火炬统计 在孵企业情况表（CSV）')).path());
  expect([...torchCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = torchCsv.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe((torch.row(1) as string[]).join(','));
  expect(lines[1]!.split(',').slice(0, 3)).toEqual(['1', startup.name, String(row[2])]);
  expect(lines[1]!.split(',')[9]).toBe(String(thousands(sum('revenue'))));

  // 在孵创业主体名册: every entity in residence, teams included.
  const entities = await workbook(await download(page, '导出 在孵创业主体名册（XLSX）'));
  expect(entities.row(1).slice(0, 4)).toEqual(['序号', '创业主体名称', '统一社会信用代码', '主体类型']);
  const residents = startups.filter((s) => s.admittedOn <= range.to && !(s.status === 'exited' && s.exitedOn! <= range.to));
  expect(entities.sheet.rowCount).toBe(residents.length + 1);
  const entitiesCsv = readFileSync(await (await download(page, '导出 在孵创业主体名册（CSV）')).path(), 'utf8');
  expect(entitiesCsv.startsWith('\uFEFF序号,创业主体名称,统一社会信用代码,主体类型,所属行业,入孵时间,孵化协议到期日')).toBe(true);

  // 带动就业人员名册: founders by name with masked ID numbers, employees as counts, and the note saying so.
  const employment = await workbook(await download(page, '导出 带动就业人员名册（XLSX）'));
  expect(employment.row(1)).toEqual(['序号', '创业主体名称', '统一社会信用代码', '人员类别', '姓名', '身份证号码', '学历', '重点群体类别', '联系电话', '人数', '其中：重点群体（人）', '其中：高校毕业生（人）', '其中：参加社会保险（人）']);
  expect(employment.row(2)[3]).toBe('创业者本人');
  expect(String(employment.row(2)[5])).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  const last = employment.row(employment.sheet.rowCount);
  expect(last[0]).toBe('说明');
  expect(String(last[1])).toContain('台账不登记雇员姓名');
  const countRow = Array.from({ length: employment.sheet.rowCount }, (_, i) => employment.row(i + 1)).find((r) => String(r[3]).startsWith('吸纳就业人员'))!;
  const its = reports.filter((r) => r.startupId === startups.find((s) => s.name === countRow[1])!.id && r.period.startsWith(String(lastYear))).sort((a, b) => a.period.localeCompare(b.period));
  expect(countRow[3]).toBe(`吸纳就业人员（${its.at(-1)!.period} 经营数据，按人数）`);
  expect(countRow[9]).toBe(its.at(-1)!.employees);
  const employmentCsv = readFileSync(await (await download(page, '导出 带动就业人员名册（CSV）')).path(), 'utf8');
  expect(employmentCsv.split('\r\n')[0]).toBe(`\uFEFF${(employment.row(1) as string[]).join(',')}`);

  // 创业导师名册: the same rows as the mentors page's roster, for the period.
  const mentors = await workbook(await download(page, '导出 创业导师名册（XLSX）'));
  expect(mentors.sheet.name).toBe('创业导师名册');
  expect(mentors.row(1)).toEqual(['序号', '姓名', '导师类别', '职业技能等级', '工作单位', '擅长领域', '联系电话', '在库状态', '期间辅导次数', '期间辅导企业数', '平均评分', '最近辅导']);
  expect(mentors.row(2)[7]).toBe('在库');
  expect(typeof mentors.row(2)[8]).toBe('number');
  const mentorsCsv = readFileSync(await (await download(page, '导出 创业导师名册（CSV）')).path(), 'utf8');
  expect(mentorsCsv.startsWith('\uFEFF序号,姓名,导师类别')).toBe(true);

  // A report whose 创业担保贷款 exceeds its 投融资 (as an old import could leave it): nothing is written, the fix is listed.
  const q4 = year.at(-1)!;
  const guaranteeLoans = sum('financing') + 1_000_000;
  await records(page, { ...q4, guaranteeLoans });
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByRole('button', { name: '导出 火炬统计 在孵企业情况表（XLSX）' }).click();
  const fix = page.getByRole('alert').filter({ hasText: '未写出文件' });
  await expect(fix).toContainText('火炬统计 在孵企业情况表有');
  const problem = fix.getByRole('row').filter({ hasText: '其中：创业担保贷款（千元）' });
  const part = thousands(sum('guaranteeLoans') - q4.guaranteeLoans + guaranteeLoans);
  await expect(problem).toContainText(`其中数 ${part} 大于获得投融资（千元） ${thousands(sum('financing'))}`);
  await expect(problem.getByRole('link', { name: `打开 ${startup.name}` })).toHaveAttribute('href', `#/startups/${startup.id}`);
  expect(downloaded).toBe(false);

  // The self-assessment: the carrier, the period, its numbers against the standards, signature and seal.
  await page.getByRole('button', { name: '打印 载体自评表' }).click();
  await expect(page.getByRole('document', { name: '载体自评表打印预览' })).toContainText('带动就业（人）');
  const pdf = await printedPdf(page, testInfo.outputPath('self-assessment.pdf'));
  expect(pdf.pages).toBe(1);
  const text = pdf.text.replace(/\s+/g, ' ');
  for (const expected of ['青山湖创业孵化基地自评表', `统计期间：${range.from} 至 ${range.to}`, '带动就业（人）', '≥ 300', '每位导师对接企业数', '≤ 10', '填表人（签字）', '载体负责人（签字）', '（载体盖章）']) {
    expect(text).toContain(expected);
  }
});
