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
/** desk-backup-20260301T080000000Z-scheduled.json: sortable by time, and never a path. */
export const backupName = z.string().regex(/^desk-backup-\d{8}T\d{9}Z-(scheduled|upgrade|manual)\.json$/);
export const writeBackupRequest = z.object({
  text: z.string().min(2).max(1_000_000_000),
  /** How many backups to keep on disk (the rule set's backupsKept); older ones are removed. */
  keep: z.number().int().min(1).max(100),
  reason: backupReason,
});
export type WriteBackupRequest = z.infer<typeof writeBackupRequest>;
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
   * Backups the desk keeps by itself (Electron: userData/backups, newest `keep`). The browser keeps none:
   * it answers null and [], and its backups are downloads (saveFile) restored by upload.
   */
  writeBackup(request: WriteBackupRequest): Promise<StoredBackup | null>;
  /** Newest first. */
  listBackups(): Promise<StoredBackup[]>;
  readBackup(name: string): Promise<string>;
}
