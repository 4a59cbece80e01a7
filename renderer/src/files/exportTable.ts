import { CHUNK_ROWS, tableWriter, type ExportFormat, type SheetHead, type SheetSpec, type TableWriter } from './writeTable';

export type { ExportFormat } from './writeTable';

/** What the page sends the export worker: the sheet's head, then its rows in chunks, then the end. */
export type ExportMessage = { start: SheetHead; format: ExportFormat } | { rows: readonly unknown[][] } | { end: true };
/** The worker answers every message, in order. */
export type ExportReply = { ok: true } | { bytes: Uint8Array } | { error: string };

/** An export in progress: rows go in chunk by chunk (each awaited), the file comes out at the end. */
export interface ExportSink extends TableWriter {
  /** Stops an export that will not finish (its rows failed to load). */
  abort(): void;
}

/**
 * Starts writing a sheet in a worker, so the page never spends long on it: the caller feeds rows a
 * chunk at a time as it reads them, and at most two chunks wait in the worker. Where there is no Worker
 * (unit tests in Node) or the worker script fails to load, the same writer runs here.
 */
export async function startExport(head: SheetHead, format: ExportFormat): Promise<ExportSink> {
  const inline = (): ExportSink => ({ ...tableWriter(format, head), abort: () => {} });
  if (typeof Worker === 'undefined') return inline();
  const worker = new Worker(new URL('./exportTable.worker.ts', import.meta.url), { type: 'module' });
  const waiting: { resolve: (reply: ExportReply) => void; reject: (error: Error) => void }[] = [];
  let broken: Error | undefined;
  const send = (message: ExportMessage) => {
    if (broken) return Promise.reject(broken);
    const reply = new Promise<ExportReply>((resolve, reject) => waiting.push({ resolve, reject }));
    worker.postMessage(message);
    return reply;
  };
  worker.addEventListener('message', (event: MessageEvent<ExportReply>) => waiting.shift()?.resolve(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    broken = new Error(`The export worker stopped: ${event.message}`);
    for (const w of waiting.splice(0)) w.reject(broken);
  });
  const settled = async (reply: Promise<ExportReply>) => {
    const r = await reply;
    if ('error' in r) throw new Error(r.error);
    return r;
  };
  // The first answer shows the worker runs; if its script did not load (e.g. a stricter CSP), write here.
  const ready = await settled(send({ start: { name: head.name, columns: head.columns }, format })).then(
    () => true,
    () => false,
  );
  if (!ready) {
    console.warn('The export worker did not start; writing the file on the page');
    return inline();
  }
  let previous: Promise<ExportReply> | undefined;
  return {
    async add(rows) {
      const current = send({ rows });
      // Not awaited until the next chunk; a failure surfaces there or in finish().
      current.catch(() => {});
      const before = previous;
      previous = current;
      if (before) await settled(before);
    },
    async finish() {
      try {
        const done = send({ end: true });
        done.catch(() => {});
        if (previous) await settled(previous);
        const r = await settled(done);
        if (!('bytes' in r)) throw new Error('The export worker gave no file');
        return r.bytes;
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
