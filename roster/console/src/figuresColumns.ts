import type { TFunction } from 'i18next';
import { exitKinds } from '@core/records/startup';
import type { FiguresRow, FiguresView, Grade, RateFigure } from '../../http/consoleApi';
import type { RegionWords } from './useRegions';

export const gradeKeys: Grade[] = ['excellent', 'good', 'pass', 'fail'];
export const exitKeys = [...exitKinds, 'unknown'] as const;

export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A rate as the table and the file show it: 50.0% (1/2), or a dash where there was nothing to rate. */
export function rateText(t: TFunction, rate: RateFigure): string {
  if (!rate.of || rate.of.denominator === 0) return '–';
  return t('figures.rate', { value: percent(rate.value), numerator: rate.of.numerator, denominator: rate.of.denominator });
}

export function verdictText(t: TFunction, rate: RateFigure): string {
  if (rate.meets === undefined) return t('figures.unrated');
  return rate.meets ? t('figures.meets') : t('figures.below');
}

/** What a row is called: its carrier's name, its region's (西湖区), or the carriers placed nowhere. */
export function rowName(t: TFunction, regions: Pick<RegionWords, 'name'>, row: FiguresRow): string {
  if (row.kind === 'unplaced') return t('carriers.unplaced');
  return row.kind === 'region' ? regions.name(row.key) : (row.name ?? row.key);
}

/** The exit kinds any row of the view has, so the table and file carry no column of zeros only. */
export const exitKindsIn = (view: FiguresView) => exitKeys.filter((k) => (view.total.exitsByKind[k] ?? 0) > 0);

/** The file's columns, the table's in the same order (its first cell shows the code beside the name): one list, so the two never disagree. */
export function sheetColumns(t: TFunction, regions: Pick<RegionWords, 'name'>, view: FiguresView): { header: string; value: (row: FiguresRow) => string | number; total?: string }[] {
  const carriers = view.rows[0]?.kind === 'carrier';
  return [
    // The code too, so that a sheet can be matched against others by it.
    { header: carriers ? t('carriers.code') : t('carriers.region'), value: (r) => (r.kind === 'unplaced' ? '' : r.key), total: '' },
    { header: carriers ? t('figures.carrierName') : t('figures.region'), value: (r) => rowName(t, regions, r), total: t('figures.total') },
    { header: t('figures.carriers'), value: (r) => r.carriers },
    { header: t('figures.residents'), value: (r) => r.residents },
    { header: t('figures.admitted'), value: (r) => r.admitted },
    ...exitKindsIn(view).map((k) => ({ header: t('figures.sub', { group: t('figures.exits'), name: t(`carrierWords.exitKinds.${k}`) }), value: (r: FiguresRow) => r.exitsByKind[k] ?? 0 })),
    { header: t('figures.sub', { group: t('figures.exits'), name: t('figures.exited') }), value: (r) => r.exited },
    { header: t('figures.jobs'), value: (r) => r.jobs },
    { header: t('figures.successRate'), value: (r) => rateText(t, r.successRate) },
    { header: t('figures.judged', { rate: t('figures.successRate'), standard: percent(view.thresholds.successRate) }), value: (r) => verdictText(t, r.successRate) },
    { header: t('figures.onTimeExitRate'), value: (r) => rateText(t, r.onTimeExitRate) },
    { header: t('figures.judged', { rate: t('figures.onTimeExitRate'), standard: percent(view.thresholds.onTimeExitRate) }), value: (r) => verdictText(t, r.onTimeExitRate) },
    ...gradeKeys.map((g) => ({ header: t('figures.sub', { group: t('figures.grades'), name: t(`carrierWords.grades.${g}`) }), value: (r: FiguresRow) => r.grades[g] })),
  ];
}

/** The view as an XLSX workbook (ExcelJS, loaded only when a file is asked for): the rows, then the total. */
export async function figuresWorkbook(t: TFunction, regions: Pick<RegionWords, 'name'>, view: FiguresView): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('figures.sheet'));
  const columns = sheetColumns(t, regions, view);
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of view.rows) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.addRow(columns.map((c) => c.total ?? c.value(view.total))).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 36 : 14));
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
