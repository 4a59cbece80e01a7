/** Compresses the stream the page hands over as gzip into the stream it hands back (gzipOffThread.ts). */
self.onmessage = ({ data }: MessageEvent<{ from: ReadableStream<Uint8Array<ArrayBuffer>>; to: WritableStream<Uint8Array<ArrayBuffer>> }>) => {
  void data.from.pipeThrough(new CompressionStream('gzip')).pipeTo(data.to);
};
