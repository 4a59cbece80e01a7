import { readTable, TableReadError, type Table, type TableProblem } from './readTable';

export interface OpenTableRequest {
  bytes: Uint8Array;
  fileName: string;
}
export type OpenTableReply = { rows: string[][] } | { problem: TableProblem } | { error: string };

/**
 * Reads a table (`readTable`) in a worker: ExcelJS parses a workbook in long synchronous steps, so a
 * sheet of 5,000 rows read on the page froze the window. Where there is no Worker (unit tests in Node)
 * or the worker script fails to load, the table is read here.
 */
export function openTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  const inline = () => readTable(bytes, fileName);
  if (typeof Worker === 'undefined') return inline();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./openTable.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<OpenTableReply>) => {
      worker.terminate();
      const reply = event.data;
      if ('rows' in reply) resolve({ rows: reply.rows });
      else reject('problem' in reply ? new TableReadError(reply.problem) : new Error(reply.error));
    });
    worker.addEventListener('error', (event) => {
      // The worker script did not load (e.g. a stricter CSP): read here rather than fail the import.
      event.preventDefault();
      worker.terminate();
      inline().then(resolve, reject);
    });
    // Copied, not transferred: the bytes stay here for the fallback (a few megabytes at most).
    worker.postMessage({ bytes, fileName } satisfies OpenTableRequest);
  });
}
