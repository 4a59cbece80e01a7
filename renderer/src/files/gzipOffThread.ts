import { workerCalls } from './workerCalls';

type Bytes = Uint8Array<ArrayBuffer>;

export type GzipMessage = { bytes: Bytes } | { close: true };
export interface GzipReply {
  gzipped: Bytes[];
}

/**
 * A gzip compressor working in a worker of its own. Compressing a backup on the page's thread made it
 * take three times as long as reading the records; beside it, on the second core, it costs little.
 * Chunks go to the worker as messages that move their bytes, not as a transferred stream, which copies
 * every chunk on both threads (that hop cost half as much as compressing, found by timing each step of
 * a backup apart). A written chunk that is the whole of its buffer is moved, so the caller gives it up;
 * any other is copied. Where there is no Worker, the page compresses.
 */
export function gzipOffThread(): ReadableWritablePair<Bytes, Bytes> {
  if (typeof Worker === 'undefined') return new CompressionStream('gzip') as unknown as ReadableWritablePair<Bytes, Bytes>;
  const worker = new Worker(new URL('./gzip.worker.ts', import.meta.url), { type: 'module' });
  // A worker that cannot start or dies rejects every call, which fails the backup rather than leaving it waiting.
  const call = workerCalls<GzipMessage, GzipReply>(worker, 'The compressing worker');
  let output!: ReadableStreamDefaultController<Bytes>;
  const readable = new ReadableStream<Bytes>({ start: (controller) => void (output = controller) });
  const take = (reply: GzipReply) => {
    for (const chunk of reply.gzipped) output.enqueue(chunk);
  };
  let answered: Promise<void> = Promise.resolve();
  const writable = new WritableStream<Bytes>({
    // Not waited for: the worker compresses while the page reads on, and its answers come in order.
    write(bytes) {
      answered = call({ bytes }, bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : []).then(take, (error: unknown) => output.error(error));
    },
    async close() {
      try {
        await answered;
        take(await call({ close: true }));
        output.close();
      } catch (error) {
        output.error(error);
        throw error;
      } finally {
        worker.terminate();
      }
    },
    abort: () => worker.terminate(),
  });
  return { writable, readable };
}
