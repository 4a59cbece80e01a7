import type { ExportMessage, ExportReply } from './exportTable';
import { tableWriter, type TableWriter } from './writeTable';

let writer: TableWriter | undefined;
let failure: string | undefined;
// Messages are handled one at a time, in order: a chunk's writing awaits the compressor.
let queue = Promise.resolve();

async function handle(message: ExportMessage): Promise<void> {
  if (failure) return postMessage({ error: failure } satisfies ExportReply);
  try {
    if ('start' in message) writer = tableWriter(message.format, message.start);
    else if (!writer) throw new Error('Rows before the sheet started');
    else if ('rows' in message) await writer.add(message.rows);
    else {
      const bytes = await writer.finish();
      return postMessage({ bytes } satisfies ExportReply, { transfer: [bytes.buffer] });
    }
    postMessage({ ok: true } satisfies ExportReply);
  } catch (error) {
    failure = String(error);
    postMessage({ error: failure } satisfies ExportReply);
  }
}

addEventListener('message', (event: MessageEvent<ExportMessage>) => {
  queue = queue.then(() => handle(event.data));
});
