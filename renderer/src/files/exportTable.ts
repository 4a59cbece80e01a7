import { joinRows, type JoiningWriter, type Keyed } from './joinRows';
import { oneBehind, workerCalls } from './workerCalls';
import { CHUNK_ROWS, tableWriter, type ExportFormat, type SheetHead, type SheetSpec } from './writeTable';

export type { ExportFormat } from './writeTable';

/** What the page sends the export worker: the sheet's head, then its rows in chunks (or rows to join), then the end. */
export type ExportMessage =
  | { start: SheetHead; format: ExportFormat }
  | { rows: readonly unknown[][] }
  | { details: readonly Keyed[] }
  | { masters: readonly Keyed[] }
  | { end: true };
/** The worker answers every message, in order. */
export type ExportReply = { ok: true } | { bytes: Uint8Array };

/** An export in progress: rows go in chunk by chunk (each awaited), the file comes out at the end. */
export interface ExportSink extends JoiningWriter {
  /** Stops an export that will not finish (its rows failed to load). */
  abort(): void;
}

/**
 * Starts writing a sheet in a worker, so the page never spends long on it: the caller feeds rows a
 * chunk at a time as it reads them, and at most two chunks wait in the worker. Where there is no Worker
 * (unit tests in Node) or the worker script fails to load, the same writer runs here.
 */
export async function startExport(head: SheetHead, format: ExportFormat): Promise<ExportSink> {
  const inline = (): ExportSink => ({ ...joinRows(tableWriter(format, head)), abort: () => {} });
  if (typeof Worker === 'undefined') return inline();
  const worker = new Worker(new URL('./exportTable.worker.ts', import.meta.url), { type: 'module' });
  const call = workerCalls<ExportMessage, ExportReply>(worker, 'The export worker');
  try {
    // The first answer shows the worker runs; if its script did not load (e.g. a stricter CSP), write here.
    await call({ start: { name: head.name, columns: head.columns }, format });
  } catch {
    worker.terminate();
    console.warn('The export worker did not start; writing the file on the page');
    return inline();
  }
  const pending = oneBehind();
  return {
    add: (rows) => pending.push(call({ rows })),
    addDetails: (details) => pending.push(call({ details })),
    addMasters: (masters) => pending.push(call({ masters })),
    async finish() {
      try {
        await pending.drain();
        const reply = await call({ end: true });
        if (!('bytes' in reply)) throw new Error('The export worker gave no file');
        return reply.bytes;
      } finally {
        worker.terminate();
      }
    },
    abort: () => worker.terminate(),
  };
}

/** Writes a sheet whose rows are all at hand, off the main thread where there is a Worker. */
export async function exportTable(spec: SheetSpec, format: ExportFormat): Promise<Uint8Array> {
  const sink = await startExport(spec, format);
  try {
    for (let i = 0; i < spec.rows.length; i += CHUNK_ROWS) await sink.add(spec.rows.slice(i, i + CHUNK_ROWS));
    return await sink.finish();
  } catch (error) {
    sink.abort();
    throw error;
  }
}
