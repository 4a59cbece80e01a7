import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupReason } from '@core/bridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupFolder, BackupWrites } from './backups';

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

const writes = new BackupWrites();
const bytes = (text: string) => new TextEncoder().encode(text);

async function write(backups: BackupFolder, parts: string[], keep: number, reason: BackupReason = 'scheduled') {
  const id = await writes.begin(await backups.next(keep, reason));
  for (const part of parts) await writes.append(id, bytes(part));
  return writes.finish(id);
}

async function readAll(backups: BackupFolder, name: string, step: number) {
  const parts: Uint8Array[] = [];
  for (let offset = 0; ; offset += step) {
    const part = await backups.read(name, offset, step);
    parts.push(part);
    if (part.length < step) break;
  }
  return Buffer.concat(parts).toString('utf8');
}

describe('backup folder', () => {
  it('writes a backup part by part, whole, and lists it newest first with its time and reason', async () => {
    const backups = folder();
    expect(await write(backups, ['{"a":', '1}\n'], 10, 'scheduled')).toEqual({ saved: true, where: 'desk-backup-20260301T080100000Z-scheduled.json.gz' });
    await write(backups, ['{"a":2}\n'], 10, 'upgrade');
    const list = await backups.list();
    expect(list).toEqual([
      { name: 'desk-backup-20260301T080200000Z-upgrade.json.gz', createdAt: '2026-03-01T08:02:00.000Z', reason: 'upgrade', size: 8 },
      { name: 'desk-backup-20260301T080100000Z-scheduled.json.gz', createdAt: '2026-03-01T08:01:00.000Z', reason: 'scheduled', size: 8 },
    ]);
    expect(await readFile(join(dir, 'backups', list[1]!.name), 'utf8')).toBe('{"a":1}\n');
    expect((await readdir(join(dir, 'backups'))).some((n) => n.endsWith('.part'))).toBe(false);
  });

  it('still lists and reads a plain .json backup kept from before backups were compressed', async () => {
    const backups = folder();
    await write(backups, ['{"a":2}\n'], 10);
    const old = 'desk-backup-20260201T080000000Z-manual.json';
    await writeFile(join(dir, 'backups', old), '{"a":1}\n');
    expect((await backups.list()).map((b) => [b.name, b.reason, b.createdAt])).toEqual([
      ['desk-backup-20260301T080100000Z-scheduled.json.gz', 'scheduled', '2026-03-01T08:01:00.000Z'],
      [old, 'manual', '2026-02-01T08:00:00.000Z'],
    ]);
    expect(await readAll(backups, old, 4)).toBe('{"a":1}\n');
  });

  it('reads a backup back in ranges, Chinese split between them included', async () => {
    const backups = folder();
    const text = `${'孵化台'.repeat(1000)}\n`;
    const { where } = (await write(backups, [text.slice(0, 10), text.slice(10)], 10)) as { where: string };
    expect(await readAll(backups, where, 7)).toBe(text);
    expect(await backups.read(where, 10_000, 10)).toHaveLength(0);
  });

  it('keeps only the newest N and leaves other files alone', async () => {
    const backups = folder();
    await write(backups, ['{}'], 3, 'manual');
    await writeFile(join(dir, 'backups', 'notes.txt'), 'mine');
    for (let i = 0; i < 5; i++) await write(backups, [`{"n":${i}}`], 3);
    const list = await backups.list();
    expect(list).toHaveLength(3);
    expect(await readAll(backups, list[2]!.name, 100)).toBe('{"n":2}');
    expect(await readdir(join(dir, 'backups'))).toContain('notes.txt');
    // A lower rule later removes the surplus on the next write.
    await write(backups, ['{"n":5}'], 1);
    expect((await backups.list()).map((b) => b.name)).toEqual(['desk-backup-20260301T080700000Z-scheduled.json.gz']);
  });

  it('never shows a backup that was not finished: one being written, or one dropped', async () => {
    const backups = folder();
    await write(backups, ['{"old":1}'], 1);
    const id = await writes.begin(await backups.next(1, 'scheduled'));
    await writes.append(id, bytes('{"half":'));
    expect((await backups.list()).map((b) => b.size)).toEqual([9]);
    await writes.abort(id);
    expect(await readdir(join(dir, 'backups'))).toEqual(['desk-backup-20260301T080100000Z-scheduled.json.gz']);
    await expect(writes.append(id, bytes('1}'))).rejects.toThrow(/no backup/);
    await expect(writes.finish(id)).rejects.toThrow(/no backup/);
  });

  it('lists nothing before the first backup and refuses to read outside its folder', async () => {
    const backups = folder();
    expect(await backups.list()).toEqual([]);
    await expect(backups.read('../secrets.json', 0, 10)).rejects.toThrow();
    await expect(backups.read('desk-backup-20260301T080000000Z-scheduled.json/../../x', 0, 10)).rejects.toThrow();
  });
});
