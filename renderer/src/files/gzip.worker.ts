import type { GzipMessage, GzipReply } from './gzipOffThread';
import { answerInOrder } from './workerCalls';

/** Compresses the bytes the page sends as one gzip stream, answering each message with what came out so far (gzipOffThread.ts). */
const gzip = new CompressionStream('gzip');
const input = gzip.writable.getWriter();
let gzipped: Uint8Array<ArrayBuffer>[] = [];
const reader = gzip.readable.getReader();
// Read while writing: the stream holds back writes until its output is taken.
const drained = (async () => {
  for (let r = await reader.read(); !r.done; r = await reader.read()) gzipped.push(r.value as Uint8Array<ArrayBuffer>);
})();

answerInOrder<GzipMessage>(async (message): Promise<[GzipReply, Transferable[]]> => {
  if ('bytes' in message) await input.write(message.bytes);
  else {
    await input.close();
    await drained;
  }
  const reply = gzipped;
  gzipped = [];
  return [{ gzipped: reply }, [...new Set(reply.map((chunk) => chunk.buffer))]];
});
