import type { Template } from '@core/records';
import i18n from '../../i18n';
import { cached } from '../../files/cached';
import { startExport, type ExportFormat } from '../../files/exportTable';
import { CHUNK_ROWS, type SheetHead } from '../../files/writeTable';
import { bridge } from '../../platform/bridge';
import type { RoundData, RoundRow } from './roundData';

/** The round as one sheet: a row per startup, a column per indicator, totals and grades; headers in Chinese. */
function roundSheet(period: string, { indicators }: RoundData): { head: SheetHead; rowOf: (row: RoundRow) => unknown[] } {
  const t = i18n.getFixedT('zh-CN');
  const label = cached((key: string) => t(key));
  const version = cached((template: Template) => t('evaluations.templateVersion', { name: template.name, version: template.version }));
  return {
    head: {
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
    },
    rowOf: ({ evaluation: e, startup, template, points, rank }) => [
      rank,
      startup?.name ?? e.startupId,
      startup?.creditCode ?? '',
      ...indicators.map((_, k) => points[k] ?? null),
      e.total,
      label(`evaluations.grades.${e.grade}`),
      label(`evaluations.statuses.${e.status}`),
      version(template),
    ],
  };
}

/** Writes the round in the export worker, a chunk of rows at a time so the page stays responsive. */
export async function exportRound(period: string, data: RoundData, format: ExportFormat) {
  const { head, rowOf } = roundSheet(period, data);
  const sink = await startExport(head, format);
  let bytes: Uint8Array;
  try {
    for (let i = 0; i < data.rows.length; i += CHUNK_ROWS) await sink.add(data.rows.slice(i, i + CHUNK_ROWS).map(rowOf));
    bytes = await sink.finish();
  } catch (error) {
    sink.abort();
    throw error;
  }
  return bridge.saveFile({ suggestedName: `${head.name}.${format}`, bytes });
}
