import Dexie from 'dexie';
import { z } from 'zod';
import { keyFor, lockSettingsSchema, newLock, seal, sealedSchema, unseal, type LockSettings, type Sealed } from '@core/lock/seal';
import { founderSchema, type Founder } from '@core/records';
import { normalizeCode } from '@core/text';
import { maskIdNumber } from '@core/validators/idNumber';
import type { AuditEntry, DeskDb } from './db';

/**
 * While the desk lock is set, a founder's ID number is kept sealed in the record itself: `idNumber`
 * holds the masked form (110105********002X) and `idSealed` the full number, encrypted with the
 * founder's id bound in. The list, search and index never used the full number, so they run unchanged;
 * only the few places that need it (the file's birth date, the edit form, reveal, export, import
 * matching) unseal it with the key held while the desk is unlocked.
 */
export type StoredFounder = Founder & { idSealed?: Sealed };

const maskedId = z.string().regex(/^\d{6}\*{8}[\dX]{4}$/);
export const storedFounderSchema = z.union([founderSchema.extend({ idNumber: maskedId, idSealed: sealedSchema }), founderSchema]);

const LOCK = 'lock';

// The key lives only in memory while the desk is unlocked, like the operator's name in operator.ts.
let unlocked: CryptoKey | null = null;
const listeners = new Set<() => void>();
export const setUnlockedKey = (key: CryptoKey | null) => {
  unlocked = key;
  for (const listener of listeners) listener();
};
export const isUnlocked = () => unlocked !== null;
/** For React's useSyncExternalStore: the lock screen follows the key. */
export const subscribeUnlocked = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export async function lockSettings(db: DeskDb): Promise<LockSettings | undefined> {
  const entry = await db.meta.get(LOCK);
  return entry ? lockSettingsSchema.parse(entry.value) : undefined;
}

/** The key for the passphrase, or null when it is wrong. Nothing changes either way. */
export async function checkPassphrase(db: DeskDb, passphrase: string): Promise<CryptoKey | null> {
  const settings = await lockSettings(db);
  return settings ? keyFor(settings, passphrase) : null;
}

async function sealed(key: CryptoKey, f: StoredFounder): Promise<StoredFounder> {
  if (f.idSealed) return f;
  return { ...f, idNumber: maskIdNumber(f.idNumber), idSealed: await seal(key, f.idNumber, f.id) };
}

async function opened(key: CryptoKey, f: StoredFounder): Promise<Founder> {
  if (!f.idSealed) return f;
  const { idSealed, ...rest } = f;
  return { ...rest, idNumber: await unseal(key, idSealed, f.id) };
}

/** Founders with their full numbers while the desk is unlocked; masked while locked (or a number fails to open). */
export async function unsealFounders(founders: StoredFounder[]): Promise<Founder[]> {
  const key = unlocked;
  return key ? Promise.all(founders.map((f) => opened(key, f).catch(() => f))) : founders;
}

/**
 * The stored form of founders about to be saved, sealed before the write's transaction opens (a
 * WebCrypto await inside it would let IndexedDB commit it early). A number that did not change keeps
 * its sealed value, so saving an unchanged founder still leaves no history. Undefined without a lock
 * or without the key.
 */
export async function prepareSeals(db: DeskDb, founders: Pick<Founder, 'id' | 'idNumber'>[]): Promise<((record: Founder) => StoredFounder) | undefined> {
  // Without the key nothing can be sealed: whether a lock is set is checked by the write itself
  // (`checkUnsealedWrite`), inside its transaction, which saves an edit a transaction of its own.
  const key = unlocked;
  if (!key || !(await lockSettings(db))) return undefined;
  const existing = (await db.founders.bulkGet(founders.map((f) => f.id))) as (StoredFounder | undefined)[];
  const prepared = new Map<string, { plain: string; idSealed: Sealed }>();
  await Promise.all(
    founders.map(async (f, i) => {
      const plain = normalizeCode(f.idNumber);
      const old = existing[i];
      const same = old?.idSealed && (await unseal(key, old.idSealed, f.id).catch(() => null)) === plain;
      prepared.set(f.id, { plain, idSealed: same ? old.idSealed! : await seal(key, plain, f.id) });
    }),
  );
  return (record) => {
    const ready = prepared.get(record.id);
    if (!ready || ready.plain !== record.idNumber) throw new Error('A founder reached the store without its sealed number');
    return { ...record, idNumber: maskIdNumber(record.idNumber), idSealed: ready.idSealed };
  };
}

/**
 * Inside a founder write's transaction: founders go unsealed only while no lock is set. A set lock with
 * the desk locked (or set in another window since `prepareSeals`) fails the write.
 */
export async function checkUnsealedWrite(db: DeskDb, sealed: boolean): Promise<void> {
  if (!sealed && (await db.meta.get(LOCK))) throw new Error('The desk is locked');
}

const founderAudit = (db: DeskDb) => db.audit.where('[entity+recordId]').between(['founder', Dexie.minKey], ['founder', Dexie.maxKey]);

/**
 * Every founder and every founder audit entry converted (sealed or opened) in one transaction, with
 * the lock entry set or removed in the same one. The conversion runs before it; if anything changed
 * meanwhile the whole pass is done again, so no number is left behind in the other form.
 */
async function convertAll(db: DeskDb, convert: (f: StoredFounder) => Promise<StoredFounder>, lock: LockSettings | null) {
  const stamp = (rows: { updatedAt: string }[]) => rows.map((r) => r.updatedAt).join();
  for (;;) {
    const [founders, audit] = await Promise.all([db.founders.toArray(), founderAudit(db).toArray()]);
    const converted = await Promise.all(founders.map(convert));
    const history = await Promise.all(
      audit.map(async (a): Promise<AuditEntry> => ({ ...a, before: a.before && (await convert(a.before as StoredFounder)), after: await convert(a.after as StoredFounder) })),
    );
    const done = await db.transaction('rw', db.founders, db.audit, db.meta, async () => {
      if (stamp(await db.founders.toArray()) !== stamp(founders) || (await founderAudit(db).count()) !== audit.length) return false;
      await db.founders.bulkPut(converted);
      await db.audit.bulkPut(history);
      if (lock) await db.meta.put({ key: LOCK, value: lock });
      else await db.meta.delete(LOCK);
      return true;
    });
    if (done) return;
  }
}

/** Sets the lock: every ID number is sealed and the desk stays unlocked for the one who set it. */
export async function setLock(db: DeskDb, passphrase: string, idleMinutes: number): Promise<void> {
  if (await lockSettings(db)) throw new Error('The desk lock is already set');
  const { settings, key } = await newLock(passphrase, idleMinutes);
  await convertAll(db, (f) => sealed(key, f), settings);
  setUnlockedKey(key);
}

/** Removes the lock with its passphrase, opening every sealed number; false (and nothing changed) when wrong. */
export async function removeLock(db: DeskDb, passphrase: string): Promise<boolean> {
  const key = await checkPassphrase(db, passphrase);
  if (!key) return false;
  await convertAll(db, (f) => opened(key, f), null);
  setUnlockedKey(null);
  return true;
}

export async function setIdleMinutes(db: DeskDb, idleMinutes: number): Promise<void> {
  const settings = await lockSettings(db);
  if (settings) await db.meta.put({ key: LOCK, value: lockSettingsSchema.parse({ ...settings, idleMinutes }) });
}
