import { canonicalJson } from './canonical';
import { nextTask } from './nextTask';
import { sha256Hex } from './hash';
import { BackupError, checkHeader, checkRows, isObject, type BackupChunk, type CheckedBackup, type ReadOptions } from './format';

/** How a version 1 file begins: canonical JSON whose first key is the checksum of the rest. */
export const V1_START = '{"checksum":"';
const CHUNK = 1000;

/**
 * Reads and checks a version 1 backup (one JSON document, made before backups were chunked). It is
 * held whole in memory, as it was written; such files come from desks small enough for that.
 */
export async function readV1(text: string, options: ReadOptions): Promise<CheckedBackup> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError('notJson');
  }
  const { schemaVersion, createdAt } = checkHeader(parsed, options, 1);
  const { checksum, ...content } = parsed as Record<string, unknown>;
  if (typeof checksum !== 'string' || checksum !== (await sha256Hex(await canonicalJson(content, nextTask)))) throw new BackupError('checksum');

  const { counts, tables } = content;
  if (!isObject(counts) || !isObject(tables)) throw new BackupError('foreign');
  for (const [table, rows] of Object.entries(tables)) {
    if (!options.tables[table]) throw new BackupError('unknownTable', { table });
    if (!Array.isArray(rows) || counts[table] !== rows.length) throw new BackupError('counts', { table });
    for (let i = 0; i < rows.length; i += CHUNK) {
      checkRows(table, rows.slice(i, i + CHUNK), i, options);
      await nextTask();
    }
  }
  const held = tables as Record<string, unknown[]>;
  return {
    version: 1,
    schemaVersion,
    createdAt,
    counts: Object.fromEntries(Object.entries(held).map(([table, rows]) => [table, rows.length])),
    async *chunks(): AsyncGenerator<BackupChunk> {
      for (const [table, rows] of Object.entries(held)) for (let i = 0; i < rows.length; i += CHUNK) yield { table, rows: rows.slice(i, i + CHUNK) };
    },
  };
}
