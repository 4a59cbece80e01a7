import type { z } from 'zod';

/**
 * A full backup of the desk. Version 2 (chunked.ts) is JSON lines, each sealed by its own SHA-256, written
 * and read a chunk at a time so a desk of any size fits in memory; version 1 (v1.ts) was one JSON
 * document and is still read. Either way a file is checked completely before anything is replaced.
 */
export const BACKUP_FORMAT = 'incubator-desk-backup';
export const BACKUP_VERSION = 2;

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

export interface ReadOptions {
  /** The schema version of this desk: newer files are refused, older ones are read. */
  schemaVersion: number;
  /** Every table the desk knows, with the schema each of its rows must pass. */
  tables: Record<string, z.ZodType>;
}

export interface BackupChunk {
  table: string;
  rows: unknown[];
}

/** A backup that passed every check: what it holds, and its rows again for the restore. */
export interface CheckedBackup {
  version: number;
  /** The database schema version the tables were read at. */
  schemaVersion: number;
  createdAt: string;
  counts: Record<string, number>;
  /**
   * The rows, table by table in file order (a table's rows in key order), a chunk at a time. A chunk
   * that differs from what was checked (the file changed since) throws a BackupError.
   */
  chunks(): AsyncGenerator<BackupChunk>;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The checks a file's first lines share across versions: ours, a version we read, a schema we know. */
export function checkHeader(doc: unknown, options: ReadOptions, version: number): { schemaVersion: number; createdAt: string } {
  if (!isObject(doc) || doc.format !== BACKUP_FORMAT) throw new BackupError('foreign');
  if (doc.version !== version) throw new BackupError(typeof doc.version === 'number' && doc.version > BACKUP_VERSION ? 'newerFormat' : 'foreign');
  const { schemaVersion, createdAt } = doc;
  if (typeof schemaVersion !== 'number' || typeof createdAt !== 'string') throw new BackupError('foreign');
  if (schemaVersion > options.schemaVersion) throw new BackupError('newerSchema');
  return { schemaVersion, createdAt };
}

/** Checks rows of a table against its schema; `first` is the index of rows[0] in the whole table. */
export function checkRows(table: string, rows: unknown, first: number, options: ReadOptions): asserts rows is unknown[] {
  const schema = options.tables[table];
  if (!schema) throw new BackupError('unknownTable', { table });
  if (!Array.isArray(rows)) throw new BackupError('counts', { table });
  for (let i = 0; i < rows.length; i++) {
    const result = schema.safeParse(rows[i]);
    if (!result.success) throw new BackupError('record', { table, index: first + i, issue: result.error.issues[0]?.path.join('.') });
  }
}
