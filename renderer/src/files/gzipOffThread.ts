type Bytes = Uint8Array<ArrayBuffer>;

/**
 * A gzip compressor working in a worker of its own: written bytes go to the worker through a
 * transferred stream and come back compressed. Compressing a backup on the page's thread made it take
 * three times as long as reading the records; beside it, on the second core, it costs little. Where
 * there is no Worker, the page compresses.
 */
export function gzipOffThread(): ReadableWritablePair<Bytes, Bytes> {
  if (typeof Worker === 'undefined') return new CompressionStream('gzip') as unknown as ReadableWritablePair<Bytes, Bytes>;
  const worker = new Worker(new URL('./gzip.worker.ts', import.meta.url), { type: 'module' });
  const input = new TransformStream<Bytes, Bytes>();
  const output = new TransformStream<Bytes, Bytes>();
  worker.postMessage({ from: input.readable, to: output.writable }, [input.readable as unknown as Transferable, output.writable as unknown as Transferable]);
  let fail: (reason: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  // A worker that cannot start or dies fails the backup rather than leaving it waiting.
  worker.onerror = (event) => {
    worker.terminate();
    fail(new Error(`The compressing worker failed: ${event.message}`));
  };
  const done = new TransformStream<Bytes, Bytes>({ flush: () => worker.terminate() });
  const reader = output.readable.getReader();
  const readable = new ReadableStream<Bytes>({
    async pull(controller) {
      const next = await Promise.race([reader.read(), failed]);
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  }).pipeThrough(done);
  return { writable: input.writable, readable };
}
