import Dexie from 'dexie';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../store/write';
import { saveErrorText } from './forms';

const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as TFunction;

describe('saveErrorText', () => {
  it('names a full disk, whether Dexie reports it directly or as the cause of an aborted transaction', () => {
    expect(saveErrorText(new Dexie.QuotaExceededError('quota'), t)).toBe('backup.storage.full');
    expect(saveErrorText(new Dexie.AbortError('aborted', new DOMException('no space', 'QuotaExceededError')), t)).toBe('backup.storage.full');
    expect(saveErrorText(new DOMException('no space', 'QuotaExceededError'), t)).toBe('backup.storage.full');
  });

  it('says a failed local write is a storage problem, and keeps the general text for others', () => {
    expect(saveErrorText(new Dexie.DatabaseClosedError('closed'), t)).toBe('backup.storage.failed {"reason":"DatabaseClosedError"}');
    expect(saveErrorText(new ValidationError([]), t)).toBe('common.saveFailed {"reason":"common.fixFields"}');
    expect(saveErrorText(new Error('boom'), t)).toBe('common.saveFailed {"reason":"Error: boom"}');
  });
});
