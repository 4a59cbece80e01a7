import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore, type Cipher } from './secrets';

/** A stand-in for safeStorage: a reversible transform whose output never contains the plain text. */
function fakeSafeStorage(available = true): Cipher {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`v10${Buffer.from(plain, 'utf8').toString('hex').split('').reverse().join('')}`),
    decryptString: (encrypted) => {
      const text = encrypted.toString('utf8');
      if (!text.startsWith('v10')) throw new Error('not ours');
      return Buffer.from(text.slice(3).split('').reverse().join(''), 'hex').toString('utf8');
    },
  };
}

const TOKEN = 'roster-token-孵化-0123456789';
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-secrets-'));
  file = join(dir, 'secrets.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function everythingOnDisk(): Promise<string> {
  const names = await readdir(dir);
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name))));
  return Buffer.concat(contents).toString('utf8');
}

describe('secret store', () => {
  it('keeps a secret encrypted on disk and reads it back in a later session', async () => {
    await new SecretStore(file, fakeSafeStorage()).set('rosterToken', TOKEN, true);
    const disk = await everythingOnDisk();
    expect(disk).not.toBe('');
    expect(disk).not.toContain(TOKEN);
    expect(disk).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(await new SecretStore(file, fakeSafeStorage()).get('rosterToken')).toBe(TOKEN);
  });

  it('keeps a session-only secret in memory and writes nothing', async () => {
    const store = new SecretStore(file, fakeSafeStorage());
    await store.set('rosterToken', TOKEN, false);
    expect(await store.get('rosterToken')).toBe(TOKEN);
    expect(await readdir(dir)).toEqual([]);
    expect(await new SecretStore(file, fakeSafeStorage()).get('rosterToken')).toBeNull();
  });

  it('removes the kept copy when the manager switches to session-only', async () => {
    const store = new SecretStore(file, fakeSafeStorage());
    await store.set('rosterToken', TOKEN, true);
    await store.set('rosterToken', 'other', false);
    expect(await new SecretStore(file, fakeSafeStorage()).get('rosterToken')).toBeNull();
    expect(await store.get('rosterToken')).toBe('other');
  });

  it('forgets a secret set to the empty string', async () => {
    const store = new SecretStore(file, fakeSafeStorage());
    await store.set('rosterToken', TOKEN, true);
    await store.set('rosterToken', '', true);
    expect(await store.get('rosterToken')).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to keep a secret when the OS cannot encrypt, and writes nothing', async () => {
    const store = new SecretStore(file, fakeSafeStorage(false));
    await expect(store.set('rosterToken', TOKEN, true)).rejects.toThrow(/session only/);
    expect(await readdir(dir)).toEqual([]);
    expect(await store.get('rosterToken')).toBeNull();
  });

  it('refuses to keep a secret behind a weak keystore (Linux basic_text)', async () => {
    const store = new SecretStore(file, fakeSafeStorage(), () => false);
    await expect(store.set('rosterToken', TOKEN, true)).rejects.toThrow(/session only/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('treats a corrupt or foreign file as holding nothing', async () => {
    await writeFile(file, '{"rosterToken": 12}');
    expect(await new SecretStore(file, fakeSafeStorage()).get('rosterToken')).toBeNull();
    await writeFile(file, JSON.stringify({ rosterToken: Buffer.from('garbage').toString('base64') }));
    expect(await new SecretStore(file, fakeSafeStorage()).get('rosterToken')).toBeNull();
  });
});
