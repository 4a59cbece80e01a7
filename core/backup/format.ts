import type { z } from 'zod';
import { canonicalJson, sha256Hex } from './canonical';

/**
 * A full backup of the desk as one JSON file. The checksum covers the canonical text of everything
 * else, so a file that was cut short, edited or bit-flipped is refused before anything is replaced.
 */
export const BACKUP_FORMAT = 'incubator-desk-backup';
export const BACKUP_VERSION = 1;

export interface BackupContent {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The database schema version the tables were read at. */
  schemaVersion: number;
  createdAt: string;
  counts: Record<string, number>;
  tables: Record<string, unknown[]>;
}
export interface Backup extends BackupContent {
  checksum: string;
}

/** Why a file is refused; each is an i18n key `backup.problem.<name>`. */
export type BackupProblem = 'notJson' | 'foreign' | 'newerFormat' | 'checksum' | 'newerSchema' | 'unknownTable' | 'counts' | 'record';

export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    readonly detail: { table?: string; index?: number; issue?: string } = {},
  ) {
    super(`backup refused: ${problem}${detail.table ? ` (${detail.table}${detail.index === undefined ? '' : ` #${detail.index + 1}`})` : ''}`);
    this.name = 'BackupError';
  }
}

/** Yields to the event loop, so a large backup never holds the UI thread for long. */
export type Pause = () => Promise<void>;
const macrotask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The file's text: canonical JSON whose first key is the checksum of the rest. */
export async function writeBackup(content: Omit<BackupContent, 'format' | 'version'>, pause: Pause = macrotask): Promise<string> {
  const full: BackupContent = { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...content };
  const text = await canonicalJson(full, pause);
  // "checksum" sorts before every other key, so prepending it keeps the whole file canonical.
  return `{"checksum":"${await sha256Hex(text)}",${text.slice(1)}`;
}

export interface ReadOptions {
  /** The schema version of this desk: newer files are refused, older ones are read. */
  schemaVersion: number;
  /** Every table the desk knows, with the schema each of its rows must pass. */
  tables: Record<string, z.ZodType>;
  pause?: Pause;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks a backup file completely; throws a BackupError naming the first problem found. */
export async function readBackup(text: string, options: ReadOptions): Promise<Backup> {
  const pause = options.pause ?? macrotask;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupError('notJson');
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) throw new BackupError('foreign');
  if (parsed.version !== BACKUP_VERSION) throw new BackupError(typeof parsed.version === 'number' && parsed.version > BACKUP_VERSION ? 'newerFormat' : 'foreign');
  const { checksum, ...content } = parsed;
  if (typeof checksum !== 'string' || checksum !== (await sha256Hex(await canonicalJson(content, pause)))) throw new BackupError('checksum');

  const { schemaVersion, createdAt, counts, tables } = content;
  if (typeof schemaVersion !== 'number' || typeof createdAt !== 'string' || !isObject(counts) || !isObject(tables)) throw new BackupError('foreign');
  if (schemaVersion > options.schemaVersion) throw new BackupError('newerSchema');
  for (const [table, rows] of Object.entries(tables)) {
    const schema = options.tables[table];
    if (!schema) throw new BackupError('unknownTable', { table });
    if (!Array.isArray(rows) || counts[table] !== rows.length) throw new BackupError('counts', { table });
    for (let index = 0; index < rows.length; index++) {
      const result = schema.safeParse(rows[index]);
      if (!result.success) throw new BackupError('record', { table, index, issue: result.error.issues[0]?.path.join('.') });
      if (index % 500 === 499) await pause();
    }
  }
  return parsed as unknown as Backup;
}
