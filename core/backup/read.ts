import { SEALED_START, readChunked } from './chunked';
import { isGzip } from './lines';
import { BACKUP_VERSION, BackupError, checkHeader, type CheckedBackup, type ReadOptions } from './format';
import { readV1, V1_START } from './v1';

/** Reads and checks a backup file of any version we know; throws a BackupError naming the first problem. */
export async function readBackup(file: Blob, options: ReadOptions): Promise<CheckedBackup> {
  if (await isGzip(file)) return readChunked(file, options);
  const start = await file.slice(0, 16).text();
  if (start.startsWith(SEALED_START)) return readChunked(file, options);
  if (start.startsWith(V1_START)) return readV1(await file.text(), options);
  // Not a backup: say whether it is JSON at all, and a newer desk's file when it says so.
  let doc: unknown;
  try {
    doc = JSON.parse(await file.slice(0, 2 ** 20).text());
  } catch {
    throw new BackupError('notJson');
  }
  checkHeader(doc, options, BACKUP_VERSION);
  throw new BackupError('foreign');
}
