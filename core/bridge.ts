import { z } from 'zod';

/**
 * The renderer's only window on the world. Two implementations: the Electron preload (IPC to main)
 * and the browser bridge (plain Chromium, used by `npm run web` and the e2e tests).
 * Every payload that crosses IPC has a schema here, so main validates exactly what the type says.
 */
export const saveFileRequest = z.object({
  suggestedName: z.string().min(1).max(200).regex(/^[^/\\:*?"<>|]+$/),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array'),
});
export type SaveFileRequest = z.infer<typeof saveFileRequest>;

export const printRequest = z.object({ suggestedName: z.string().min(1).max(200).regex(/^[^/\\:*?"<>|]+\.pdf$/) });
export type PrintRequest = z.infer<typeof printRequest>;

export const externalUrl = z.url({ protocol: /^https$/ });

export const rosterRequest = z.object({
  method: z.enum(['GET', 'POST']),
  url: z.url({ protocol: /^https?$/ }),
  token: z.string().max(200).optional(),
  body: z.string().max(5_000_000).optional(),
});
export type RosterRequest = z.infer<typeof rosterRequest>;
export interface RosterReply {
  status: number;
  body: string;
}

export const secretKey = z.enum(['rosterToken']);
export type SecretKey = z.infer<typeof secretKey>;
export const setSecretRequest = z.object({ key: secretKey, value: z.string().max(500), keep: z.boolean() });

/** Why the desk wrote a backup by itself (or because the manager asked), kept in the file's name. */
export const backupReason = z.enum(['scheduled', 'upgrade', 'manual']);
export type BackupReason = z.infer<typeof backupReason>;
/** desk-backup-20260301T080000000Z-scheduled.json.gz (plain .json before backups were compressed): sortable by time, and never a path. */
export const backupName = z.string().regex(/^desk-backup-\d{8}T\d{9}Z-(scheduled|upgrade|manual)\.json(\.gz)?$/);
/** Where a backup being written goes: the desk's own folder, or a file the manager picks. */
export const backupTarget = z.discriminatedUnion('to', [
  z.object({
    to: z.literal('kept'),
    /** How many backups to keep on disk (the rule set's backupsKept); older ones are removed. */
    keep: z.number().int().min(1).max(100),
    reason: backupReason,
  }),
  z.object({ to: z.literal('chosen'), suggestedName: saveFileRequest.shape.suggestedName }),
]);
export type BackupTarget = z.infer<typeof backupTarget>;
/** A backup crosses IPC in parts of at most this many bytes, so neither side ever holds it whole. */
export const BACKUP_PART_BYTES = 8 * 2 ** 20;
export const backupWriteId = z.uuid();
export const backupPart = z.object({
  id: backupWriteId,
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length > 0 && v.length <= BACKUP_PART_BYTES, 'bytes must be a Uint8Array of at most one part'),
});
export type BackupPart = z.infer<typeof backupPart>;
export const backupRange = z.object({ name: backupName, offset: z.number().int().min(0), length: z.number().int().min(1).max(BACKUP_PART_BYTES) });
export type BackupRange = z.infer<typeof backupRange>;
export const noPayload = z.undefined();

export interface StoredBackup {
  name: string;
  createdAt: string;
  reason: BackupReason;
  size: number;
}

export type SaveOutcome = { saved: true; where: string } | { saved: false };

export interface DeskBridge {
  readonly platform: 'electron' | 'browser';
  /** Save bytes the desk produced (XLSX, CSV, backup) where the manager chooses. */
  saveFile(request: SaveFileRequest): Promise<SaveOutcome>;
  /** Print the page as shown (the print view) to an A4 PDF. */
  printToPdf(request: PrintRequest): Promise<SaveOutcome>;
  openExternal(url: string): Promise<void>;
  /** HTTP to the roster service (Electron routes it through main for the system proxy). */
  rosterRequest(request: RosterRequest): Promise<RosterReply>;
  getSecret(key: SecretKey): Promise<string | null>;
  /** keep=false keeps it for this session only. */
  setSecret(request: z.infer<typeof setSecretRequest>): Promise<void>;
  /**
   * A backup written a part at a time (appendBackup), put in place whole by finishBackup or dropped by
   * abortBackup. Null when there is nowhere to write it: the save dialog was cancelled, or a browser
   * was asked to keep one (it keeps none: its backups are downloads, restored by upload).
   */
  beginBackup(target: BackupTarget): Promise<string | null>;
  appendBackup(part: BackupPart): Promise<void>;
  /** In the desk's own folder (Electron: userData/backups), older backups beyond `keep` are removed. */
  finishBackup(id: string): Promise<SaveOutcome>;
  abortBackup(id: string): Promise<void>;
  /** The backups kept by the desk, newest first. */
  listBackups(): Promise<StoredBackup[]>;
  /** Bytes of a kept backup from `offset`: fewer at its end, none past it. */
  readBackup(range: BackupRange): Promise<Uint8Array>;
}
