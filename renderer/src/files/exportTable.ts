import { writeCsv, writeXlsx, type SheetSpec } from './writeTable';

export type ExportFormat = 'xlsx' | 'csv';
export interface ExportRequest {
  format: ExportFormat;
  spec: SheetSpec;
}
export type ExportReply = { bytes: Uint8Array } | { error: string };

/**
 * Writes a sheet off the main thread. ExcelJS's streaming writer is not in its browser build, and its
 * in-memory writer serialises a whole sheet in one synchronous step (100,000 rows block for seconds),
 * so chunking the rows cannot keep the page responsive: a worker does the writing. Where there is no
 * Worker (unit tests in Node) or the worker fails to start, the same writer runs here.
 */
export function exportTable(spec: SheetSpec, format: ExportFormat): Promise<Uint8Array> {
  const inline = () => (format === 'xlsx' ? writeXlsx(spec) : Promise.resolve(writeCsv(spec)));
  if (typeof Worker === 'undefined') return inline();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./exportTable.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<ExportReply>) => {
      worker.terminate();
      if ('bytes' in event.data) resolve(event.data.bytes);
      else reject(new Error(event.data.error));
    });
    worker.addEventListener('error', (event) => {
      // The worker script did not load (e.g. a stricter CSP): write here rather than fail the export.
      event.preventDefault();
      worker.terminate();
      inline().then(resolve, reject);
    });
    worker.postMessage({ format, spec } satisfies ExportRequest);
  });
}
