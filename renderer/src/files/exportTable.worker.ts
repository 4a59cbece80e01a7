import type { ExportMessage, ExportReply } from './exportTable';
import { answerInOrder } from './workerCalls';
import { tableWriter, type TableWriter } from './writeTable';

let writer: TableWriter | undefined;

answerInOrder<ExportMessage>(async (message): Promise<[ExportReply, Transferable[]?]> => {
  if ('start' in message) writer = tableWriter(message.format, message.start);
  else if (!writer) throw new Error('Rows before the sheet started');
  else if ('rows' in message) await writer.add(message.rows);
  else {
    const bytes = await writer.finish();
    return [{ bytes }, [bytes.buffer]];
  }
  return [{ ok: true }];
});
