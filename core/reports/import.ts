import { foldHeader } from '../import/headers';
import { parseNumber, parseYesNo } from '../import/values';
import { reportSchema, type Report, type Startup } from '../records';
import { normalizeCode, toHalfWidth } from '../text';
import { reportFigures, type ReportFigure } from './fields';

type Column = ReportFigure | 'name' | 'creditCode' | 'highTech';

/** Headers as the 火炬 table, the 人社 forms and managers' own sheets write them. */
const ALIASES: Record<Column, readonly string[]> = {
  name: ['企业名称', '主体名称', '名称', '企业(团队)名称', 'company'],
  creditCode: ['统一社会信用代码', '信用代码', 'credit code'],
  employees: ['从业人员', '从业人员数', '期末从业人员', '期末从业人员数', '员工人数', 'employees'],
  keyGroupHires: ['重点群体', '吸纳重点群体', '其中重点群体', '重点群体人数', 'key-group hires'],
  newGraduateHires: ['高校毕业生', '吸纳高校毕业生', '其中应届毕业生', '应届毕业生', 'new graduates'],
  insuredEmployees: ['参保人数', '缴纳社保人数', '参加社保人数', 'insured'],
  revenue: ['营业收入', '收入', '销售收入', 'revenue'],
  netProfit: ['净利润', '利润', 'net profit'],
  taxPaid: ['纳税', '纳税额', '上缴税费', '实际上缴税费', 'tax'],
  rdSpend: ['研发投入', '研发经费', '研究开发费用', 'r&d'],
  ipApplied: ['知识产权申请', '知识产权申请数', 'ip applied'],
  inventionPatentsGranted: ['发明专利授权', '发明专利', '授权发明专利', 'invention patents'],
  otherIpGranted: ['其他知识产权授权', '其他知识产权', '软件著作权', 'other ip'],
  financing: ['融资', '融资额', '获得融资', '融资总额', 'financing'],
  guaranteeLoans: ['创业担保贷款', '担保贷款', 'guarantee loans'],
  equityFinancing: ['股权融资', '股权投资', 'equity'],
  subsidies: ['补贴', '政策补贴', '获得补贴', 'subsidies'],
  highTech: ['高新技术企业', '是否高新技术企业', '科技型中小企业', 'high-tech'],
};
const BY_HEADER = new Map<string, Column>(Object.entries(ALIASES).flatMap(([column, names]) => [column, ...names].map((n) => [foldHeader(n), column as Column] as const)));

/** What is wrong with a row: an i18n key, its params, and the field concerned. */
export interface RowProblem {
  key: string;
  params?: Record<string, string | number>;
  field?: string;
}

export type ReportPreviewRow =
  | { row: number; status: 'error'; name: string; errors: RowProblem[] }
  | { row: number; status: 'ok'; name: string; report: Omit<Report, 'id' | 'updatedAt'>; replaces: boolean };

export interface ReportImportOptions {
  period: string;
  /** Startups the report may be for: those in the carrier during the period. */
  startups: readonly Startup[];
  /** Startups that already filed for the period: an imported row replaces their report. */
  filed: ReadonlySet<string>;
}

/**
 * A period's figures from a table (header first, as `readTable` gives it) → one candidate report per
 * row, matched to a startup by credit code or else by name, checked by the report schema (the "of
 * which" balance checks included). Nothing is written; the screen imports the rows that are ok.
 */
export function previewReportImport(table: readonly (readonly string[])[], { period, startups, filed }: ReportImportOptions): { rows: ReportPreviewRow[]; missing: Column[] } {
  const columns = (table[0] ?? []).map((h) => BY_HEADER.get(foldHeader(h)));
  const at = (column: Column) => columns.indexOf(column);
  const byCode = new Map(startups.filter((s) => s.creditCode).map((s) => [s.creditCode!, s]));
  const byName = new Map(startups.map((s) => [toHalfWidth(s.name).trim(), s]));
  const missing = (['name', 'employees', 'revenue'] as const).filter((c) => at(c) < 0 && !(c === 'name' && at('creditCode') >= 0));
  const seen = new Map<string, number>();
  const rows: ReportPreviewRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (c: Column) => toHalfWidth(cells[at(c)] ?? '').trim();
    const errors: RowProblem[] = [];
    const name = cell('name');
    const startup = byCode.get(normalizeCode(cell('creditCode'))) ?? byName.get(name);
    if (!startup) errors.push({ key: 'reports.import.unknownStartup', params: { value: name || cell('creditCode') } });
    else if (seen.has(startup.id)) errors.push({ key: 'reports.import.duplicate', params: { row: seen.get(startup.id)! } });
    else seen.set(startup.id, i + 1);
    const figures: Partial<Record<ReportFigure, number>> = {};
    for (const field of reportFigures) {
      const raw = cell(field);
      const value = raw === '' ? 0 : parseNumber(raw);
      if (value === null) errors.push({ key: 'reports.import.badNumber', params: { value: raw }, field });
      else figures[field] = value;
    }
    const highTech = cell('highTech') === '' ? false : parseYesNo(cell('highTech'));
    if (highTech === null) errors.push({ key: 'reports.import.badYesNo', params: { value: cell('highTech') } });
    const label = startup?.name ?? name;
    if (errors.length || !startup) {
      rows.push({ row: i + 1, status: 'error', name: label, errors });
      continue;
    }
    const candidate = { startupId: startup.id, period, ...figures, highTech: highTech ?? false };
    const parsed = reportSchema.safeParse({ ...candidate, id: 'preview', updatedAt: new Date(0).toISOString() });
    if (parsed.success) rows.push({ row: i + 1, status: 'ok', name: label, report: candidate as Omit<Report, 'id' | 'updatedAt'>, replaces: filed.has(startup.id) });
    else rows.push({ row: i + 1, status: 'error', name: label, errors: parsed.error.issues.map((issue) => ({ key: issue.message, field: String(issue.path[0]) })) });
  }
  return { rows, missing };
}
