import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backupName, type BackupReason, type StoredBackup } from '@core/bridge';

const stamp = (at: Date) => at.toISOString().replace(/[-:.]/g, '');
const fromStamp = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

/**
 * The desk's own backups in one folder (userData/backups): written whole or not at all, named by time
 * so the name sorts by age, and rotated to the newest `keep` after each write.
 */
export class BackupFolder {
  constructor(
    private readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async write(text: string, keep: number, reason: BackupReason): Promise<StoredBackup> {
    await mkdir(this.dir, { recursive: true });
    const at = this.now();
    const name = `desk-backup-${stamp(at)}-${reason}.json`;
    const path = join(this.dir, name);
    // A power cut mid-write leaves only a .part file, never a truncated backup that rotation counts as good.
    await writeFile(`${path}.part`, text, 'utf8');
    await rename(`${path}.part`, path);
    const kept = await this.list();
    await Promise.all(kept.slice(keep).map((old) => rm(join(this.dir, old.name), { force: true })));
    return { name, createdAt: at.toISOString(), reason, size: Buffer.byteLength(text) };
  }

  async list(): Promise<StoredBackup[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const ours = names.filter((n) => backupName.safeParse(n).success).sort().reverse();
    return Promise.all(
      ours.map(async (name) => {
        const [, , time, reason] = name.replace(/\.json$/, '').split('-') as [string, string, string, BackupReason];
        return { name, createdAt: fromStamp(time), reason, size: (await stat(join(this.dir, name))).size };
      }),
    );
  }

  async read(name: string): Promise<string> {
    // The name is checked again here, not only at the IPC door: this module never reads outside its folder.
    return readFile(join(this.dir, backupName.parse(name)), 'utf8');
  }
}
