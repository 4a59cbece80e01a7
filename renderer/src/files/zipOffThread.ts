import { oneBehind, workerCalls } from './workerCalls';
import { ZipFile, type ZipEntry, type ZipFileWriter } from './zip';

export type ZipFileMessage = { name: string } | { bytes: Uint8Array<ArrayBuffer> } | { close: true };
export type ZipFileReply = { ok: true } | { entry: ZipEntry };

/**
 * A file of the archive deflated in a worker of its own. Deflating is about half the work of writing a
 * large sheet; done beside the building of its XML, a two-core machine writes the sheet in about half
 * the time. Where there is no Worker, or it does not start, the file is deflated here.
 */
export async function zipFileOffThread(name: string): Promise<ZipFileWriter> {
  if (typeof Worker === 'undefined') return new ZipFile(name);
  const worker = new Worker(new URL('./zipFile.worker.ts', import.meta.url), { type: 'module' });
  const call = workerCalls<ZipFileMessage, ZipFileReply>(worker, 'The compressing worker');
  try {
    await call({ name });
  } catch {
    worker.terminate();
    console.warn('The compressing worker did not start; deflating beside the writing');
    return new ZipFile(name);
  }
  const pending = oneBehind();
  return {
    // The bytes move to the worker rather than being copied: the caller hands each chunk over.
    write: (bytes) => pending.push(call({ bytes }, [bytes.buffer])),
    async close() {
      try {
        await pending.drain();
        const reply = await call({ close: true });
        if (!('entry' in reply)) throw new Error('The compressing worker gave no file');
        return reply.entry;
      } finally {
        worker.terminate();
      }
    },
  };
}
