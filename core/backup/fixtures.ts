import { canonicalJson } from './canonical';
import { BACKUP_FORMAT } from './format';
import { sha256Hex } from './hash';

/**
 * For tests: a file as the desk wrote it before backups were chunked (version 1), one canonical JSON
 * document sealed by a checksum over the rest. `edit` changes the document before it is sealed.
 */
export async function versionOneFile(
  content: { schemaVersion: number; createdAt: string; tables: Record<string, unknown[]> },
  edit: (doc: Record<string, unknown>) => void = () => {},
): Promise<string> {
  const counts = Object.fromEntries(Object.entries(content.tables).map(([t, rows]) => [t, rows.length]));
  const doc: Record<string, unknown> = { format: BACKUP_FORMAT, version: 1, ...content, counts };
  edit(doc);
  const text = await canonicalJson(doc, async () => {});
  return `{"checksum":"${await sha256Hex(text)}",${text.slice(1)}`;
}

/** For tests: a backup's lines as text, the file decompressed as a manager's own tool would. */
export const plainText = (file: Blob) => new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text();

/** For tests: text compressed as the desk compresses a backup. */
export const gzipped = (text: string) => new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
