import { z } from 'zod';

/**
 * Secrets sealed with a key derived from the desk lock's passphrase: PBKDF2-SHA-256 (OWASP's 310,000
 * iterations at least) to an AES-GCM key that never leaves WebCrypto. GCM's tag means a wrong key
 * cannot decrypt into garbage: it fails, so nothing is ever overwritten with wrong plaintext.
 */
export const PBKDF2_ITERATIONS = 310_000;

export const sealedSchema = z.object({ iv: z.base64(), data: z.base64() });
export type Sealed = z.infer<typeof sealedSchema>;

export const lockSettingsSchema = z.object({
  salt: z.base64(),
  iterations: z.number().int().min(PBKDF2_ITERATIONS),
  /** A known text sealed with the key: a passphrase that opens it is the right one. */
  check: sealedSchema,
  idleMinutes: z.number().int().min(1).max(240),
});
export type LockSettings = z.infer<typeof lockSettingsSchema>;

const CHECK_TEXT = 'incubator-desk-lock';
const CHECK_CONTEXT = 'lock-check';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function deriveKey(passphrase: string, salt: string, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** `context` (e.g. the founder's id) is bound into the tag, so a sealed value cannot be moved to another record. */
export async function seal(key: CryptoKey, text: string, context: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(context) }, key, utf8(text));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Throws when the key or the context is wrong, or the sealed value was altered. */
export async function unseal(key: CryptoKey, sealed: Sealed, context: string): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: utf8(context) }, key, fromBase64(sealed.data));
  return new TextDecoder().decode(plain);
}

export async function newLock(passphrase: string, idleMinutes: number): Promise<{ settings: LockSettings; key: CryptoKey }> {
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  return { key, settings: { salt, iterations: PBKDF2_ITERATIONS, check: await seal(key, CHECK_TEXT, CHECK_CONTEXT), idleMinutes } };
}

/** The key for a passphrase, or null when it is not the lock's passphrase. */
export async function keyFor(settings: LockSettings, passphrase: string): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, settings.salt, settings.iterations);
  try {
    return (await unseal(key, settings.check, CHECK_CONTEXT)) === CHECK_TEXT ? key : null;
  } catch {
    return null;
  }
}
