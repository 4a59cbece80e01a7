import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { backupName, type BackupReason, type SaveOutcome, type StoredBackup } from '@core/bridge';

const stamp = (at: Date) => at.toISOString().replace(/[-:.]/g, '');
const fromStamp = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

/** Where a backup is written, and what to do once it is in place there. */
export interface BackupPlace {
  path: string;
  placed: () => Promise<SaveOutcome>;
}

/**
 * The desk's own backups in one folder (userData/backups): named by time so the name sorts by age,
 * and rotated to the newest `keep` after each one is in place.
 */
export class BackupFolder {
  constructor(
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Where the next backup goes; once it is in place, older ones beyond `keep` are removed. */
  async next(keep: number, reason: BackupReason): Promise<BackupPlace> {
    await mkdir(this.dir, { recursive: true });
    const name = `desk-backup-${stamp(this.now())}-${reason}.json.gz`;
    return {
      path: join(this.dir, name),
      placed: async () => {
        const kept = await this.list();
        await Promise.all(kept.slice(keep).map((old) => rm(join(this.dir, old.name), { force: true })));
        return { saved: true, where: name };
      },
    };
  }

  async list(): Promise<StoredBackup[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const ours = names.filter((n) => backupName.safeParse(n).success).sort().reverse();
    return Promise.all(
      ours.map(async (name) => {
        const [, , time, reason] = name.replace(/\.json(\.gz)?$/, '').split('-') as [string, string, string, BackupReason];
        return { name, createdAt: fromStamp(time), reason, size: (await stat(join(this.dir, name))).size };
      }),
    );
  }

  /** Up to `length` bytes of a backup from `offset`; fewer at its end. */
  async read(name: string, offset: number, length: number): Promise<Uint8Array> {
    // The name is checked again here, not only at the IPC door: this module never reads outside its folder.
    const file = await open(join(this.dir, backupName.parse(name)), 'r');
    try {
      const { bytesRead, buffer } = await file.read(Buffer.alloc(length), 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }
}

/**
 * Backups being written a part at a time. Each goes into `<path>.part`, flushed to disk and renamed
 * into place only when whole: a power cut or a failure mid-write leaves a .part file, never a
 * truncated backup that rotation would count as good.
 */
export class BackupWrites {
  private readonly writing = new Map<string, { file: FileHandle; place: BackupPlace }>();

  async begin(place: BackupPlace): Promise<string> {
    const id = randomUUID();
    this.writing.set(id, { file: await open(`${place.path}.part`, 'w'), place });
    return id;
  }

  async append(id: string, bytes: Uint8Array): Promise<void> {
    // writeFile writes all of it, from where the last part ended.
    await this.get(id).file.writeFile(bytes);
  }

  async finish(id: string): Promise<SaveOutcome> {
    const { file, place } = this.take(id);
    try {
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(`${place.path}.part`, place.path);
    return place.placed();
  }

  async abort(id: string): Promise<void> {
    const { file, place } = this.take(id);
    await file.close();
    await rm(`${place.path}.part`, { force: true });
  }

  private get(id: string) {
    const writing = this.writing.get(id);
    if (!writing) throw new Error('no backup is being written under this id');
    return writing;
  }

  private take(id: string) {
    const writing = this.get(id);
    this.writing.delete(id);
    return writing;
  }
}
