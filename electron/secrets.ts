import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import { secretKey, type SecretKey } from '@core/bridge';

export type Cipher = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

/** On disk: key → base64 of safeStorage ciphertext. The plain value is never written anywhere. */
const secretFile = z.partialRecord(secretKey, z.base64());
type SecretFile = z.infer<typeof secretFile>;

/**
 * Secrets the manager asked to keep are encrypted with the OS keystore (safeStorage) in one file in
 * userData; the rest live in memory for this session only. With no real encryption available, keeping is
 * refused rather than falling back to plain text.
 */
export class SecretStore {
  private readonly session = new Map<SecretKey, string>();

  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
    /** Linux without a keyring gives 'basic_text', a fixed built-in password: not encryption worth the name. */
    private readonly strongEncryption: () => boolean = () => true,
  ) {}

  async get(key: SecretKey): Promise<string | null> {
    const inMemory = this.session.get(key);
    if (inMemory !== undefined) return inMemory;
    const stored = (await this.read())[key];
    if (stored === undefined || !this.cipher.isEncryptionAvailable()) return null;
    try {
      const value = this.cipher.decryptString(Buffer.from(stored, 'base64'));
      this.session.set(key, value);
      return value;
    } catch {
      // The OS keystore changed (new user profile, restored disk): the manager enters the token again.
      return null;
    }
  }

  /** An empty value forgets the secret; keep=false also removes any copy kept on disk earlier. */
  async set(key: SecretKey, value: string, keep: boolean): Promise<void> {
    const stored = await this.read();
    delete stored[key];
    if (value === '') {
      this.session.delete(key);
    } else {
      if (keep) {
        if (!this.cipher.isEncryptionAvailable() || !this.strongEncryption()) {
          throw new Error('secure storage is not available on this computer; the secret can be kept for this session only');
        }
        stored[key] = this.cipher.encryptString(value).toString('base64');
      }
      this.session.set(key, value);
    }
    await this.write(stored);
  }

  private async read(): Promise<SecretFile> {
    try {
      const parsed = secretFile.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  private async write(stored: SecretFile): Promise<void> {
    if (Object.keys(stored).length === 0) {
      await rm(this.file, { force: true });
      return;
    }
    await mkdir(dirname(this.file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file that loses the token.
    const temp = `${this.file}.tmp`;
    await writeFile(temp, JSON.stringify(stored), { mode: 0o600 });
    await rename(temp, this.file);
  }
}
