import { answerInOrder } from './workerCalls';
import { ZipFile } from './zip';
import type { ZipFileMessage, ZipFileReply } from './zipOffThread';

let file: ZipFile | undefined;

answerInOrder<ZipFileMessage>(async (message): Promise<[ZipFileReply, Transferable[]?]> => {
  if ('name' in message) file = new ZipFile(message.name);
  else if (!file) throw new Error('Bytes before the file was named');
  else if ('bytes' in message) await file.write(message.bytes);
  else {
    const entry = await file.close();
    return [{ entry }, [entry.name.buffer, entry.deflated.buffer]];
  }
  return [{ ok: true }];
});
