import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveOutcome } from '@core/bridge';
import { bridge } from '../../platform/bridge';

export interface Column {
  header: string;
  key: string;
  width: number;
}

/** One sheet, header row bold and frozen, widths fit for Chinese text; saved where the manager says. */
export async function saveSheet(fileName: string, sheetName: string, columns: Column[], rows: Record<string, unknown>[]) {
  // ExcelJS is large; it loads only when someone exports.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', horizontal: 'center' };
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return bridge.saveFile({ suggestedName: `${fileName}.xlsx`, bytes });
}

/** Runs an export and says where the file went or why it failed; `busy` keeps the button from double firing. */
export function useExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<SaveOutcome>) => {
    setBusy(true);
    try {
      const outcome = await work();
      if (outcome.saved) message.success(t('sessions.exported', { where: outcome.where }));
    } catch (error) {
      message.error(t('sessions.exportFailed', { reason: String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
