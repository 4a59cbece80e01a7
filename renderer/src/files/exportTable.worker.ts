import type { ExportMessage, ExportReply } from './exportTable';
import { answerInOrder } from './workerCalls';
import { joinRows, type JoiningWriter } from './joinRows';
import { tableWriter } from './writeTable';

let writer: JoiningWriter | undefined;

answerInOrder<ExportMessage>(async (message): Promise<[ExportReply, Transferable[]?]> => {
  if ('start' in message) writer = joinRows(tableWriter(message.format, message.start));
  else if (!writer) throw new Error('Rows before the sheet started');
  else if ('rows' in message) await writer.add(message.rows);
  else if ('details' in message) await writer.addDetails(message.details);
  else if ('masters' in message) await writer.addMasters(message.masters);
  else {
    const bytes = await writer.finish();
    return [{ bytes }, [bytes.buffer]];
  }
  return [{ ok: true }];
});
