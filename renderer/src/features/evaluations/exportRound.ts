import i18n from '../../i18n';
import { exportTable, type ExportFormat } from '../../files/exportTable';
import type { SheetSpec } from '../../files/writeTable';
import { bridge } from '../../platform/bridge';
import type { RoundData } from './roundData';

/** The round as one sheet: a row per startup, a column per indicator, totals and grades; headers in Chinese. */
export function roundSheet(period: string, { rows, indicators }: RoundData): SheetSpec {
  const t = i18n.getFixedT('zh-CN');
  return {
    name: t('evaluations.print.summaryTitle', { carrier: '', period }).trim(),
    columns: [
      { header: t('evaluations.rank'), kind: 'number', width: 6 },
      { header: t('evaluations.startup'), width: 34 },
      { header: t('evaluations.print.creditCode'), width: 22 },
      ...indicators.map((i) => ({ header: `${i.label}（${i.max}分）`, kind: 'number' as const })),
      { header: t('evaluations.total'), kind: 'number' },
      { header: t('evaluations.grade') },
      { header: t('evaluations.status') },
      { header: t('evaluations.template') },
    ],
    rows: rows.map(({ evaluation: e, startup, template, rank }) => [
      rank,
      startup?.name ?? e.startupId,
      startup?.creditCode ?? '',
      ...indicators.map((i) => e.items.find((item) => item.key === i.key)?.points ?? null),
      e.total,
      t(`evaluations.grades.${e.grade}`),
      t(`evaluations.statuses.${e.status}`),
      t('evaluations.templateVersion', { name: template.name, version: template.version }),
    ]),
  };
}

export async function exportRound(period: string, data: RoundData, format: ExportFormat) {
  const t = i18n.getFixedT('zh-CN');
  const bytes = await exportTable(roundSheet(period, data), format);
  return bridge.saveFile({ suggestedName: `${t('evaluations.print.summaryTitle', { carrier: '', period }).trim()}.${format}`, bytes });
}
