import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupFolder } from './backups';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-backups-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A folder whose clock moves a minute per backup. */
function folder() {
  let t = Date.parse('2026-03-01T08:00:00.000Z');
  return new BackupFolder(join(dir, 'backups'), () => new Date((t += 60_000)));
}

describe('backup folder', () => {
  it('writes a backup whole and lists it newest first with its time and reason', async () => {
    const backups = folder();
    const first = await backups.write('{"a":1}', 10, 'scheduled');
    await backups.write('{"a":2}', 10, 'upgrade');
    expect(first).toEqual({ name: 'desk-backup-20260301T080100000Z-scheduled.json', createdAt: '2026-03-01T08:01:00.000Z', reason: 'scheduled', size: 7 });
    const list = await backups.list();
    expect(list.map((b) => b.reason)).toEqual(['upgrade', 'scheduled']);
    expect(await backups.read(list[0]!.name)).toBe('{"a":2}');
    expect((await readdir(join(dir, 'backups'))).some((n) => n.endsWith('.part'))).toBe(false);
  });

  it('keeps only the newest N and leaves other files alone', async () => {
    const backups = folder();
    await backups.write('{}', 3, 'manual');
    await writeFile(join(dir, 'backups', 'notes.txt'), 'mine');
    for (let i = 0; i < 5; i++) await backups.write(`{"n":${i}}`, 3, 'scheduled');
    const list = await backups.list();
    expect(list).toHaveLength(3);
    expect(await backups.read(list[2]!.name)).toBe('{"n":2}');
    expect(await readdir(join(dir, 'backups'))).toContain('notes.txt');
    // A lower rule later removes the surplus on the next write.
    await backups.write('{"n":5}', 1, 'scheduled');
    expect((await backups.list()).map((b) => b.name)).toEqual(['desk-backup-20260301T080700000Z-scheduled.json']);
  });

  it('lists nothing before the first backup and refuses to read outside its folder', async () => {
    const backups = folder();
    expect(await backups.list()).toEqual([]);
    await expect(backups.read('../secrets.json')).rejects.toThrow();
    await expect(backups.read('desk-backup-20260301T080000000Z-scheduled.json/../../x')).rejects.toThrow();
  });
});
